package dev.metered.benchmarks;

import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CacheMetrics.Cache;
import dev.metered.example.metrics.CacheMetrics.Lookup;
import dev.metered.example.metrics.CacheMetrics.Operation;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.MeteredRuntime;
import io.sentry.Sentry;
import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import io.sentry.metrics.SentryMetricsParameters;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a recorder costs while Sentry is off, two ways ({@code sentry}): not initialised, the case
 * of every test run, every local run without a DSN, and every application that ships the
 * recorders but turns Sentry off; and initialised with the SDK's metrics switch off
 * ({@code options.getMetrics().setEnabled(false)}), which the runtime reads because 8.62.0 and
 * later SDKs do not.
 *
 * <p>The recorder asks its sink first and returns before building anything. Beside it, the
 * same event written against the SDK directly, which builds its parameters before the SDK can
 * find out that it is disabled. A family whose attributes all have closed value sets builds
 * nothing either way, so its recorder does not ask first: each data point's table and number go
 * to the sink, which finds Sentry off ({@code generatedRecorderEveryAttributeClosed}). With the
 * metrics switch off the SDK still captures the hand-written calls (into its full queue, through a
 * loopback endpoint).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DisabledRecorderBenchmark {
  /** How Sentry is off for Metered. */
  @Param({"not-initialised", "metrics-switch-off"})
  public String sentry;

  private CommandMetrics metrics;
  private CacheMetrics cacheMetrics;
  private LoopbackSentry endpoint;

  @Setup
  public void turnSentryOff() throws IOException {
    if (Sentry.isEnabled()) {
      throw new IllegalStateException("this benchmark measures the disabled path");
    }
    if (sentry.equals("metrics-switch-off")) {
      endpoint = LoopbackSentry.start();
      LoopbackSentry.initSentry(endpoint.dsn(), options -> options.getMetrics().setEnabled(false));
    }
    metrics = CommandMetrics.global();
    cacheMetrics = CacheMetrics.global();
    if (MeteredRuntime.globalSink().isEnabled()) {
      throw new IllegalStateException("Metered records with Sentry " + sentry);
    }
  }

  /** Closes Sentry and the endpoint, if started. */
  @TearDown
  public void stop() {
    if (endpoint != null) {
      Sentry.close();
      endpoint.close();
    }
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

  /** The same event, by hand, against the SDK (as written by hand, with typed attributes). */
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
