package dev.metered.benchmarks;

import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import io.sentry.Sentry;
import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import io.sentry.metrics.SentryMetricsParameters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a recorder costs while Sentry is not initialised: the case of every test run, every
 * local run without a DSN, and every application that ships the recorders but turns Sentry off.
 *
 * <p>The recorder asks its sink first and returns before building anything. Beside it, the
 * same event written against the SDK directly, which builds its parameters before the SDK can
 * find out that it is disabled.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DisabledRecorderBenchmark {
  private CommandMetrics metrics;

  @Setup
  public void sentryIsNotInitialised() {
    if (Sentry.isEnabled()) {
      throw new IllegalStateException("this benchmark measures the disabled path");
    }
    metrics = CommandMetrics.global();
  }

  /** One command event through the generated recorder: three metrics when enabled. */
  @Benchmark
  public void generatedRecorder() {
    metrics.record(Command.PING, CommandType.SLASH, true, 12.5);
  }

  /** The same event, by hand, against the SDK (the seed's style, with typed attributes). */
  @Benchmark
  public void handWrittenSentryCalls() {
    SentryMetricsParameters parameters = SentryMetricsParameters.create(SentryAttributes.of(
        SentryAttribute.stringAttribute("command", "ping"),
        SentryAttribute.stringAttribute("command_type", "slash"),
        SentryAttribute.booleanAttribute("success", true)));
    Sentry.metrics().distribution("bot.command.execution_time", 12.5, "millisecond", parameters);
    Sentry.metrics().count("bot.command.usage", 1.0, null, parameters);
  }
}
