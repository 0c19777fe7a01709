package dev.metered.benchmarks;

import dev.metered.benchmarks.metrics.MessageMetrics;
import dev.metered.benchmarks.metrics.MessageMetrics.Channel;
import dev.metered.benchmarks.metrics.MessageMetrics.Kind;
import dev.metered.runtime.Attribute;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.SeriesTable;
import dev.metered.runtime.internal.Dimension;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
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

/**
 * Where the time of an {@code aggregate} counter increment goes: the path of
 * {@link CounterRecordingBenchmark#meteredAggregate} taken apart, one layer added at a time.
 * Not a comparison with other libraries; a diagnosis for the runtime.
 *
 * <ol>
 *   <li>{@code doubleAdderPerAttributeSet}: the attribute choice and a {@link DoubleAdder} per
 *       attribute set, the JDK's store for a sum that many threads add to;
 *   <li>{@code seriesNumberToAdder}: the series number computed as the generated recorder does
 *       (from the enums' ordinals and the boolean), used as the adder's index;
 *   <li>{@code deliverySink}: {@link DeliverySink#record(SeriesTable, int, double)} with the
 *       series number computed the same way, as a generated recorder calls it: the sink's
 *       striped sums in place of the {@code DoubleAdder}s;
 *   <li>{@code recorderOnDeliverySink}: the generated recorder bound to that sink
 *       ({@code new MessageMetrics(sink)}): adds the call through the recorder and the
 *       {@link dev.metered.runtime.MetricSink} interface;
 *   <li>{@code CounterRecordingBenchmark.meteredAggregate} adds the global sink's forwarding.
 * </ol>
 *
 * <p>Beside them, {@code recorderOnMinimalSink}: the generated recorder on the least a sink can
 * do with a series number, an add to the {@code DoubleAdder} at that number. The gap between it and
 * {@code seriesNumberToAdder} is what the recorder and the recorder-to-sink interface cost; the
 * gap between it and {@code recorderOnDeliverySink} is what {@link DeliverySink} costs, or saves,
 * beside a bare {@code DoubleAdder}.
 *
 * <p>No Sentry here: in {@code aggregate} the exporter is reached once per flush interval, so an
 * exporter that keeps nothing changes nothing on the recording path.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AggregatePathBenchmark {

  /** A delivery sink in {@code aggregate} mode in front of an exporter that keeps nothing. */
  @State(Scope.Benchmark)
  public static class Aggregation {
    final DoubleAdder[] adders = new DoubleAdder[MessageChoices.COMBINATIONS];
    final DoubleAdder[] minimalAdders = new DoubleAdder[MessageChoices.COMBINATIONS];
    DeliverySink sink;
    SeriesTable table;
    MessageMetrics recorder;
    MessageMetrics recorderOnMinimalSink;

    /** Builds the sink, a series table like the generated one, and a recorder on the sink. */
    @Setup(Level.Trial)
    public void start() {
      for (int c = 0; c < adders.length; c++) {
        adders[c] = new DoubleAdder();
        minimalAdders[c] = new DoubleAdder();
      }
      recorderOnMinimalSink = new MessageMetrics(new MetricSink() {
        @Override
        public void record(Metric metric, double value, Attributes attributes) {
          throw new AssertionError("every attribute of the message family has a closed set");
        }

        @Override
        public void record(SeriesTable table, int index, double value) {
          minimalAdders[index].add(value);
        }
      });
      MetricSink discard = new MetricSink() {
        @Override
        public void record(Metric metric, double value, Attributes attributes) {}
      };
      sink = new DeliverySink(MeteredOptions.builder()
          .exporter(discard)
          .deliveryForAll(DeliveryMode.AGGREGATE)
          .build());
      Metric metric = Metric.counter("bench.diagnosis.count", null, "diagnosis", DeliveryMode.AGGREGATE);
      table = new SeriesTable(metric, Dimension.of(Kind.values()), Dimension.of(Channel.values()),
          Dimension.ofBoolean(Attribute.ofBoolean("from_bot", false), Attribute.ofBoolean("from_bot", true)));
      recorder = new MessageMetrics(sink);
      if (!sink.isEnabled()) {
        throw new IllegalStateException("the delivery sink is not enabled: nothing would be measured");
      }
    }

    /** Fails the trial when the sink sent per call, or dropped anything. */
    @TearDown(Level.Trial)
    public void close() {
      sink.close();
      if (sink.stats().eventPoints() != 0 || sink.stats().dropped() != 0) {
        throw new IllegalStateException("not aggregated: " + sink.stats());
      }
    }
  }

  /** The choice and the store: a {@link DoubleAdder} per attribute set. */
  @Benchmark
  public void doubleAdderPerAttributeSet(Aggregation aggregation, CounterRecordingBenchmark.Calls calls) {
    aggregation.adders[calls.combination[calls.next()]].add(1);
  }

  /**
   * What the generated recorder computes, the series number from the enums' ordinals and the
   * boolean, used directly as the index of an adder: no series table, no sink.
   */
  @Benchmark
  public void seriesNumberToAdder(Aggregation aggregation, CounterRecordingBenchmark.Calls calls) {
    int i = calls.next();
    int series = (calls.kind[i].ordinal() * 3 + calls.channel[i].ordinal()) * 2 + (calls.fromBot[i] ? 1 : 0);
    aggregation.adders[series].add(1);
  }

  /** The delivery sink, called with a table and a series number as a generated recorder calls it. */
  @Benchmark
  public void deliverySink(Aggregation aggregation, CounterRecordingBenchmark.Calls calls) {
    int i = calls.next();
    int series = (calls.kind[i].ordinal() * 3 + calls.channel[i].ordinal()) * 2 + (calls.fromBot[i] ? 1 : 0);
    aggregation.sink.record(aggregation.table, series, 1);
  }

  /** The generated recorder on the delivery sink, without the global sink's forwarding. */
  @Benchmark
  public void recorderOnDeliverySink(Aggregation aggregation, CounterRecordingBenchmark.Calls calls) {
    int i = calls.next();
    aggregation.recorder.record(calls.kind[i], calls.channel[i], calls.fromBot[i]);
  }

  /** The generated recorder on a sink that only adds to the adder at the series number. */
  @Benchmark
  public void recorderOnMinimalSink(Aggregation aggregation, CounterRecordingBenchmark.Calls calls) {
    int i = calls.next();
    aggregation.recorderOnMinimalSink.record(calls.kind[i], calls.channel[i], calls.fromBot[i]);
  }
}
