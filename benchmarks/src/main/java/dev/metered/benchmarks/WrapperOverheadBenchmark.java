package dev.metered.benchmarks;

import dev.metered.benchmarks.handlers.Pinger;
import dev.metered.benchmarks.handlers.Pinger_Metered;
import dev.metered.benchmarks.metrics.CommandMetrics;
import dev.metered.benchmarks.metrics.CommandMetrics.Command;
import dev.metered.benchmarks.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a generated wrapper costs: the same handler called directly, through its generated
 * {@code Pinger_Metered}, and timed by hand the way one would write it without Metered. Recording
 * goes to an enabled sink that only keeps the last value, so the numbers are the wrapper's and
 * the recorder's own work, not Sentry's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WrapperOverheadBenchmark {
  private final Pinger direct = new Pinger();
  private final Pinger wrapped = new Pinger_Metered();
  private final CommandMetrics metrics = CommandMetrics.global();
  private long token;

  /** An enabled sink that does the least a sink can: keep what it was given. */
  static final class LastValueSink implements MetricSink {
    volatile double last;
    volatile Attributes lastAttributes;

    @Override
    public void record(Metric metric, double value, Attributes attributes) {
      last = value;
      lastAttributes = attributes;
    }
  }

  @Setup(Level.Trial)
  public void recordToAnEnabledSink() {
    MeteredRuntime.setGlobalSink(new LastValueSink());
  }

  @TearDown(Level.Trial)
  public void restore() {
    MeteredRuntime.resetGlobalSink();
  }

  /** The handler alone: the floor. */
  @Benchmark
  public long direct() {
    return direct.ping(CommandType.SLASH, token++);
  }

  /** The generated wrapper: timed, recorded, rethrowing. */
  @Benchmark
  public long wrapped() {
    return wrapped.ping(CommandType.SLASH, token++);
  }

  /** The same by hand: try/catch around the call, nanoTime, and the recorder. */
  @Benchmark
  public void handWritten(Blackhole blackhole) {
    long start = System.nanoTime();
    try {
      long result = direct.ping(CommandType.SLASH, token++);
      metrics.record(Command.PING, CommandType.SLASH, true, (System.nanoTime() - start) / 1e6);
      blackhole.consume(result);
    } catch (RuntimeException failure) {
      metrics.event(Command.PING, CommandType.SLASH, false, (System.nanoTime() - start) / 1e6)
          .errorType(failure.getClass().getSimpleName())
          .record();
      throw failure;
    }
  }
}
