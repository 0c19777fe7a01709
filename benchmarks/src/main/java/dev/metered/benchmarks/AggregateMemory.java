package dev.metered.benchmarks;

import dev.metered.runtime.Attribute;
import dev.metered.runtime.AttributeValue;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.Metric;
import dev.metered.runtime.SeriesTable;
import dev.metered.runtime.internal.Dimension;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the aggregates of a wide family cost in memory: a 100 × 100 family (10,000 series, the
 * lint's whole default budget) with three {@code aggregate} counters, into which each of a number
 * of threads records one event. Prints the bytes the recording threads allocated, which is what
 * the first events make and the sink then keeps: each counter's sums, and the sink's state.
 *
 * <p>The striped sums choose their stripe count from the processors, so run it as a large machine
 * would: {@code java -XX:ActiveProcessorCount=64 -cp benchmarks/target/metered-benchmarks.jar
 * dev.metered.benchmarks.AggregateMemory [threads]}, 64 threads by default.
 */
public final class AggregateMemory {
  private static final int COUNTERS = 3;
  private static final int VALUES = 100;

  private AggregateMemory() {}

  /** A value of a generated enum, without the enum. */
  private record Value(Attribute attribute) implements AttributeValue {
    @Override
    public String wireValue() {
      return (String) attribute.value();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter((metric, value, attributes) -> {})
        .deliveryForAll(DeliveryMode.AGGREGATE)
        .flushInterval(Duration.ofHours(1))
        .build());
    List<SeriesTable> tables = new ArrayList<>();
    for (int counter = 0; counter < COUNTERS; counter++) {
      Metric metric = Metric.counter("bench.wide." + counter, null, "wide", DeliveryMode.AGGREGATE);
      tables.add(new SeriesTable(metric, dimension("first"), dimension("second")));
    }
    com.sun.management.ThreadMXBean memory =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] allocated = new long[threads];
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread recorder = new Thread(() -> {
        // Series spread over the table, one event per thread into each counter.
        int series = (thread * 157) % (VALUES * VALUES);
        long before = memory.getCurrentThreadAllocatedBytes();
        for (SeriesTable table : tables) {
          sink.record(table, series, 1);
        }
        allocated[thread] = memory.getCurrentThreadAllocatedBytes() - before;
      });
      recorders.add(recorder);
    }
    for (Thread recorder : recorders) {
      // One after the other, so that each thread's first event is its own, whatever the machine.
      recorder.start();
      recorder.join();
    }
    long total = 0;
    for (long bytes : allocated) {
      total += bytes;
    }
    sink.close();
    System.out.printf(Locale.ROOT, "%d processors, %d threads, %d counters of %d series:"
            + " %,d bytes allocated by the first events, %,d per counter%n",
        Runtime.getRuntime().availableProcessors(), threads, COUNTERS, VALUES * VALUES,
        total, total / COUNTERS);
  }

  private static Dimension dimension(String key) {
    AttributeValue[] values = new AttributeValue[VALUES];
    for (int i = 0; i < VALUES; i++) {
      values[i] = new Value(Attribute.ofString(key, "v" + i));
    }
    return Dimension.of(values);
  }
}
