package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost unseen at close: while {@link DeliverySink#close()} waits for an exporter
 * whose flush takes a second, threads keep recording at full speed into aggregate counters (by
 * series number, on the hot path), into an {@code auto} counter (one point per call within the
 * budget, aggregated beyond it), into a counter of string attributes (the hash-map path) and
 * into one whose values exceed its {@code max_values} (folded into the overflow value, its cells
 * retired at each periodic flush while threads add to them); they go on after close returns.
 * Each call adds 1, so what the threads saw return equals what the exporter received plus what
 * {@link DeliverySink#stats()} counts as dropped, exactly.
 */
class CloseConservationTest {
  private static final Duration SLOW_FLUSH = Duration.ofSeconds(1);
  private static final int ERROR_TYPES_KEPT = 20;
  private static final int ERROR_TYPES = 5 * ERROR_TYPES_KEPT;

  private final Metric aggregated = Metric.counter("shop.requests", null, "request", DeliveryMode.AGGREGATE);
  private final Metric automatic = Metric.counter("shop.visits", null, "request", DeliveryMode.AUTO);
  private final Metric byQuery = Metric.counter("shop.searches", null, "request", DeliveryMode.AGGREGATE);
  private final Metric byError = Metric.counter("shop.errors", null, "request", DeliveryMode.AGGREGATE,
      MaxValues.of("error_type", ERROR_TYPES_KEPT));
  private final SeriesTable aggregatedSeries = TestValues.table(aggregated);
  private final SeriesTable automaticSeries = TestValues.table(automatic);
  private final Attributes[] queries = new Attributes[50];
  private final Attributes[] errorTypes = new Attributes[ERROR_TYPES];

  CloseConservationTest() {
    for (int i = 0; i < queries.length; i++) {
      queries[i] = Attributes.of(Attribute.ofString("query", "q" + i));
    }
    for (int i = 0; i < errorTypes.length; i++) {
      errorTypes[i] = Attributes.of(Attribute.ofString("error_type", "Error" + i));
    }
  }

  @Test
  void everyCallIsDeliveredOrCountedAsDroppedWhileCloseWaitsForASlowExporter()
      throws InterruptedException {
    SlowExporter exporter = new SlowExporter();
    // The real scheduler, flushing every 10 ms, so that periodic flushes race the close too.
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter)
        .flushInterval(Duration.ofMillis(10))
        .eventsPerSecond(1_000)
        .build());
    assertThat(sink.isEnabled()).as("enabled, as a recorder finds it").isTrue();
    List<CountingRecorder> recorders = List.of(
        new CountingRecorder(i -> sink.record(aggregatedSeries, i % 6, 1)),
        new CountingRecorder(i -> sink.record(aggregatedSeries, (i + 3) % 6, 1)),
        new CountingRecorder(i -> sink.record(automaticSeries, i % 6, 1)),
        new CountingRecorder(i -> sink.record(byQuery, 1, queries[i % queries.length])),
        new CountingRecorder(i -> sink.record(byError, 1, errorTypes[i % errorTypes.length])));
    CountDownLatch running = new CountDownLatch(recorders.size());
    recorders.forEach(recorder -> recorder.start(running));
    running.await();
    Thread.sleep(200);

    long closeStarted = System.nanoTime();
    sink.close();
    Duration closeTook = Duration.ofNanos(System.nanoTime() - closeStarted);
    long recordedWhenClosed = recorders.stream().mapToLong(CountingRecorder::calls).sum();
    Thread.sleep(200); // calls after close
    for (CountingRecorder recorder : recorders) {
      recorder.stop();
    }

    long recorded = recorders.stream().mapToLong(CountingRecorder::calls).sum();
    DeliveryStats stats = sink.stats();
    assertThat(closeTook).as("close waited for the slow exporter").isGreaterThanOrEqualTo(SLOW_FLUSH);
    assertThat(recorded).as("calls made after close").isGreaterThan(recordedWhenClosed);
    assertThat(exporter.received(aggregated)).isPositive();
    assertThat(exporter.received(automatic)).isPositive();
    assertThat(exporter.received(byQuery)).isPositive();
    assertThat(exporter.overflow()).as("folded points delivered, a folded point dropped at close")
        .isPositive().isLessThanOrEqualTo(stats.folded());
    assertThat((long) exporter.total() + stats.dropped())
        .as("delivered %s + dropped %s against %s recorded", (long) exporter.total(),
            stats.dropped(), recorded)
        .isEqualTo(recorded);
    assertThat(stats.dropped()).as("calls that found their aggregate sealed, or the sink closed")
        .isPositive();
  }

  @Test
  void valuesBeyondMaxValuesAreFoldedAndCellsRetiredByRacingFlushesLoseNothing()
      throws InterruptedException {
    SlowExporter exporter = new SlowExporter(Duration.ZERO);
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter)
        .flushInterval(Duration.ofMillis(10))
        .build());
    assertThat(sink.isEnabled()).isTrue();
    // Two threads on the same few cells, which every periodic flush retires under them.
    List<CountingRecorder> recorders = List.of(
        new CountingRecorder(i -> sink.record(byError, 1, errorTypes[i % errorTypes.length])),
        new CountingRecorder(i -> sink.record(byError, 1, errorTypes[(i + 7) % errorTypes.length])));
    CountDownLatch running = new CountDownLatch(recorders.size());
    recorders.forEach(recorder -> recorder.start(running));
    running.await();
    Thread.sleep(500);
    for (CountingRecorder recorder : recorders) {
      recorder.stop();
    }
    sink.close();

    long recorded = recorders.stream().mapToLong(CountingRecorder::calls).sum();
    DeliveryStats stats = sink.stats();
    long ownValues = (long) (exporter.total() - exporter.overflow());
    assertThat(stats.aggregatedPoints()).as("points from many flushes")
        .isGreaterThan(3L * (ERROR_TYPES_KEPT + 1));
    assertThat(stats.folded()).isPositive();
    assertThat((long) exporter.overflow()).as("every folded point delivered as the overflow value")
        .isEqualTo(stats.folded());
    assertThat(stats.dropped()).as("an add that found its cell retired went to a fresh one").isZero();
    assertThat(ownValues + stats.folded() + stats.dropped())
        .as("delivered %s + folded %s + dropped %s against %s recorded", ownValues, stats.folded(),
            stats.dropped(), recorded)
        .isEqualTo(recorded);
  }

  /** A thread calling {@code record} with 0, 1, 2, ... until stopped, counting what returned. */
  private static final class CountingRecorder {
    private final IntConsumer record;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread thread;
    private volatile long calls;

    CountingRecorder(IntConsumer record) {
      this.record = record;
      this.thread = new Thread(this::run, "recorder");
    }

    void start(CountDownLatch running) {
      thread.start();
      running.countDown();
    }

    private void run() {
      long returned = 0;
      for (int i = 0; !stopped.get(); i = (i + 1) & Integer.MAX_VALUE) {
        record.accept(i);
        returned++;
        if ((returned & 1023) == 0) {
          calls = returned;
        }
      }
      calls = returned;
    }

    void stop() throws InterruptedException {
      stopped.set(true);
      thread.join();
    }

    long calls() {
      return calls;
    }
  }

  /**
   * Sums what it receives per metric, and what it receives with the overflow value; each flush
   * takes a second, or what it is made with, whatever the timeout.
   */
  private static final class SlowExporter implements MetricSink {
    private final Duration slowFlush;
    private final DoubleAdder total = new DoubleAdder();
    private final DoubleAdder overflow = new DoubleAdder();
    private final Map<String, DoubleAdder> byMetric = new ConcurrentHashMap<>();
    private final AtomicInteger flushes = new AtomicInteger();

    SlowExporter() {
      this(SLOW_FLUSH);
    }

    SlowExporter(Duration slowFlush) {
      this.slowFlush = slowFlush;
    }

    @Override
    public void record(Metric metric, double value, Attributes attributes) {
      total.add(value);
      if (attributes.asList().stream()
          .anyMatch(attribute -> DeliverySink.OVERFLOW_VALUE.equals(attribute.value()))) {
        overflow.add(value);
      }
      byMetric.computeIfAbsent(metric.name(), name -> new DoubleAdder()).add(value);
    }

    @Override
    public void flush(Duration timeout) {
      flushes.incrementAndGet();
      long until = System.nanoTime() + slowFlush.toNanos();
      for (long left = slowFlush.toNanos(); left > 0; left = until - System.nanoTime()) {
        try {
          Thread.sleep(Math.max(1, left / 1_000_000));
        } catch (InterruptedException ignored) {
          // a hostile exporter: it takes its second anyway
        }
      }
    }

    double received(Metric metric) {
      DoubleAdder sum = byMetric.get(metric.name());
      return sum == null ? 0 : sum.sum();
    }

    double total() {
      return total.sum();
    }

    double overflow() {
      return overflow.sum();
    }
  }
}
