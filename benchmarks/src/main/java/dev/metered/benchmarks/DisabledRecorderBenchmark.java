package dev.metered.benchmarks;

import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CacheMetrics.Cache;
import dev.metered.example.metrics.CacheMetrics.Lookup;
import dev.metered.example.metrics.CacheMetrics.Operation;
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
 * find out that it is disabled. A family whose attributes all have closed value sets builds
 * nothing either way, so its recorder does not ask first: each data point's table and number go
 * to the sink, which finds Sentry off ({@code generatedRecorderEveryAttributeClosed}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DisabledRecorderBenchmark {
  private CommandMetrics metrics;
  private CacheMetrics cacheMetrics;

  @Setup
  public void sentryIsNotInitialised() {
    if (Sentry.isEnabled()) {
      throw new IllegalStateException("this benchmark measures the disabled path");
    }
    metrics = CommandMetrics.global();
    cacheMetrics = CacheMetrics.global();
  }

  /** One command event through the generated recorder: three metrics when enabled. */
  @Benchmark
  public void generatedRecorder() {
    metrics.record(Command.PING, CommandType.SLASH, true, 12.5);
  }

  /** A cache lookup with its duration: two metrics, every attribute closed. */
  @Benchmark
  public void generatedRecorderEveryAttributeClosed() {
    cacheMetrics.event(Cache.TLDR, Operation.GET).lookup(Lookup.HIT).duration(0.4).record();
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
