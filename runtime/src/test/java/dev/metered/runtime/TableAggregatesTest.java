package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.runtime.internal.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The per-table aggregates a {@link DeliverySink} binds to a {@link SeriesTable}: striped sums
 * for counters, last values for gauges.
 */
class TableAggregatesTest {
  private final Object owner = new Object();
  private final LongAdder dropped = new LongAdder();
  private final SumParts parts = new SumParts(dropped);
  private final SeriesTable counterTable =
      TestValues.table(Metric.counter("shop.requests", null, "request", DeliveryMode.AGGREGATE));
  private final SeriesTable gaugeTable =
      TestValues.table(Metric.gauge("shop.queue", null, "request", DeliveryMode.AGGREGATE));

  @Test
  void aCounterTableGetsSumsAndAGaugeTableLastValues() {
    assertThat(TableAggregates.of(owner, counterTable, parts)).isInstanceOf(StripedSums.class);
    assertThat(TableAggregates.of(owner, gaugeTable, parts)).isInstanceOf(LastValues.class);
  }

  @Test
  void stripesArePowersOfTwoOfAtLeastTwiceTheProcessorsUpTo64() {
    assertThat(StripedSums.stripeCount(1)).isEqualTo(2);
    assertThat(StripedSums.stripeCount(2)).isEqualTo(4);
    assertThat(StripedSums.stripeCount(3)).isEqualTo(8);
    assertThat(StripedSums.stripeCount(4)).isEqualTo(8);
    assertThat(StripedSums.stripeCount(24)).isEqualTo(64);
    assertThat(StripedSums.stripeCount(512)).isEqualTo(64);
  }

  @Test
  void sumsAreKeptPerSeriesAndTakenOnce() {
    TableAggregates sums = TableAggregates.of(owner, counterTable, parts);

    sums.add(0, 1.5);
    sums.add(0, 2.5);
    sums.add(5, 7);

    assertThat(sums.take(0)).isEqualTo(4.0);
    assertThat(sums.take(5)).isEqualTo(7.0);
    assertThat(sums.take(0)).as("taken already").isNaN();
    assertThat(sums.take(3)).as("never added to").isNaN();
  }

  @Test
  void aSealedSumHandsOverWhatItHeldAndRefusesEveryLaterAddAlsoFromAThreadWithoutAStripe()
      throws InterruptedException {
    TableAggregates sums = TableAggregates.of(owner, counterTable, parts);
    sums.add(1, 2);

    assertThat(sums.seal(1)).isEqualTo(2.0);
    assertThat(sums.seal(2)).as("never added to").isNaN();
    assertThat(sums.add(1, 1)).as("this thread's stripe, sealed").isFalse();
    // Threads of every other stripe: their stripes were never made, and are sealed too.
    List<Boolean> added = new ArrayList<>();
    for (int i = 0; i < 2 * StripedSums.STRIPES; i++) {
      Thread other = new Thread(() -> {
        synchronized (added) {
          added.add(sums.add(2, 1));
        }
      });
      other.start();
      other.join();
    }
    assertThat(added).containsOnly(false);
    assertThat(sums.take(1)).as("a take leaves a sealed series sealed").isNaN();
    assertThat(sums.add(1, 1)).isFalse();
    assertThat(sums.seal(2)).isNaN();
  }

  @Test
  void aSealedGaugeOrCellRefusesLaterValues() {
    TableAggregates lastValues = TableAggregates.of(owner, gaugeTable, parts);
    lastValues.add(0, 3);
    assertThat(lastValues.seal(0)).isEqualTo(3.0);
    assertThat(lastValues.add(0, 4)).isFalse();
    assertThat(lastValues.take(0)).isNaN();

    Metric byQuery = Metric.counter("shop.searches", null, "request", DeliveryMode.AGGREGATE);
    AggregationCell cell = AggregationCell.of(Series.of(byQuery, Attributes.empty()), parts);
    assertThat(cell.add(5)).isTrue();
    assertThat(cell.retire()).isEqualTo(5.0);
    assertThat(cell.add(1)).isFalse();
    assertThat(cell.retire()).isNaN();
  }

  @Test
  void aSealedWideTableRefusesAddsToChunksNoThreadHadMadeYet() throws InterruptedException {
    // 3 chunks of series: this thread makes the first chunk of its stripe only.
    SeriesTable wide = new SeriesTable(Metric.counter("shop.wide", null, "request", DeliveryMode.AGGREGATE),
        dimension("a", 3 * StripedSums.CHUNK_SERIES));
    StripedSums sums = (StripedSums) TableAggregates.of(owner, wide, parts);
    assertThat(sums.add(0, 1)).isTrue();
    assertThat(sums.allocatedChunks()).isEqualTo(1);

    for (int index = 0; index < wide.size(); index++) {
      sums.seal(index);
    }

    int lastChunk = 2 * StripedSums.CHUNK_SERIES + 5;
    assertThat(sums.add(lastChunk, 1)).as("a chunk of this thread's stripe made after the seal").isFalse();
    AtomicBoolean otherAdded = new AtomicBoolean(true);
    Thread other = new Thread(() -> otherAdded.set(sums.add(lastChunk, 1)));
    other.start();
    other.join();
    assertThat(otherAdded).as("a stripe made after the seal").isFalse();
    assertThat(sums.take(lastChunk)).isNaN();
  }

  @Test
  void aPartSetAsideAfterTheSealIsCountedAsDroppedNeverLeftUnswept() {
    TableAggregates sums = TableAggregates.of(owner, counterTable, parts);
    List<MetricState.Taken> taken = new ArrayList<>();
    sums.add(1, 1e308);
    sums.add(1, 1e308); // sets the first 1e308 aside
    long droppedBefore = dropped.sum();

    assertThat(sums.seal(1)).isEqualTo(1e308);
    parts.sealInto(taken);
    assertThat(taken).extracting(MetricState.Taken::value).containsExactly(1e308);

    // A part that an add racing the close sets aside once the parts are sealed.
    parts.add(counterTable.get(1), 1e308);
    taken.clear();
    parts.takeInto(taken);
    assertThat(taken).isEmpty();
    assertThat(dropped.sum()).isEqualTo(droppedBefore + 1);
  }

  @Test
  void gaugesKeepTheirLastValueAndZeroIsAValue() {
    TableAggregates lastValues = TableAggregates.of(owner, gaugeTable, parts);

    lastValues.add(2, 9);
    lastValues.add(2, 0);

    assertThat(lastValues.take(2)).isZero();
    assertThat(lastValues.take(2)).isNaN();
    assertThat(lastValues.take(1)).isNaN();
  }

  @Test
  void moreThreadsThanStripesAddingWhileOneTakesLoseNothing() throws InterruptedException {
    TableAggregates sums = TableAggregates.of(owner, counterTable, parts);
    int threads = StripedSums.STRIPES * 2;
    int perThread = 50_000;
    DoubleAdder taken = new DoubleAdder();
    AtomicBoolean adding = new AtomicBoolean(true);
    Thread taker = new Thread(() -> {
      while (adding.get()) {
        takeAll(sums, taken);
      }
    });
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> adders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread adder = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < perThread; i++) {
          // Halves and quarters add exactly in binary, so the total must be exact.
          sums.add((i + offset) % counterTable.size(), i % 2 == 0 ? 0.5 : 0.25);
        }
      });
      adder.start();
      adders.add(adder);
    }
    taker.start();
    start.countDown();
    for (Thread adder : adders) {
      adder.join();
    }
    adding.set(false);
    taker.join();
    takeAll(sums, taken);

    assertThat(taken.sum()).isEqualTo(threads * (perThread / 2) * 0.75);
  }

  @Test
  void memoryFollowsTheSeriesAndThreadsThatRecordNotTheTableTimesTheStripes()
      throws InterruptedException {
    // 100 x 100 series: the lint's whole budget in one table.
    SeriesTable wide = new SeriesTable(Metric.counter("shop.wide", null, "request", DeliveryMode.AGGREGATE),
        dimension("a", 100), dimension("b", 100));
    StripedSums sums = (StripedSums) TableAggregates.of(owner, wide, parts);
    int threads = 16;
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int series = t * 601; // spread over the table, so no two threads share a chunk by series
      Thread recorder = new Thread(() -> sums.add(series, 1));
      recorder.start();
      recorders.add(recorder);
    }
    for (Thread recorder : recorders) {
      recorder.join();
    }

    assertThat(sums.allocatedChunks()).as("one chunk per thread, at most").isBetween(1, threads);
    long bytes = (long) sums.allocatedChunks() * StripedSums.CHUNK_LENGTH * Long.BYTES;
    assertThat(bytes).as("what the sums of one event per thread hold")
        .isLessThanOrEqualTo(threads * 1_280L)
        .isLessThan((long) Math.min(threads, StripedSums.STRIPES) * wide.size() * Long.BYTES / 10);
    double total = 0;
    for (int index = 0; index < wide.size(); index++) {
      double value = sums.take(index);
      total += Double.isNaN(value) ? 0 : value;
    }
    assertThat(total).isEqualTo(threads);
  }

  @Test
  void aSumThatWouldExceedTheLargestDoubleIsSplitIntoFiniteParts() {
    TableAggregates sums = TableAggregates.of(owner, counterTable, parts);
    List<MetricState.Taken> setAside = new ArrayList<>();

    sums.add(1, 1e308);
    sums.add(1, 1e308);
    sums.add(1, 5);
    double rest = sums.take(1);
    parts.takeInto(setAside);

    assertThat(setAside).singleElement().satisfies(part -> {
      assertThat(part.value()).isEqualTo(1e308);
      assertThat(part.series()).isSameAs(counterTable.get(1));
    });
    assertThat(rest).isEqualTo(1e308 + 5);
  }

  @Test
  void stripesWhoseTotalWouldExceedTheLargestDoubleAreTakenAsSeparateParts()
      throws InterruptedException {
    TableAggregates sums = TableAggregates.of(owner, counterTable, parts);
    // Two threads each add a finite 1e308: in two stripes the take splits them, in one the add does.
    sums.add(2, 1e308);
    Thread other = new Thread(() -> sums.add(2, 1e308));
    other.start();
    other.join();
    List<MetricState.Taken> setAside = new ArrayList<>();

    double rest = sums.take(2);
    parts.takeInto(setAside);

    List<Double> values = new ArrayList<>();
    setAside.forEach(part -> values.add(part.value()));
    values.add(rest);
    assertThat(values).containsExactly(1e308, 1e308);
  }

  private static Dimension dimension(String key, int size) {
    AttributeValue[] values = new AttributeValue[size];
    for (int i = 0; i < size; i++) {
      values[i] = TestAttributeValue.of(key, "v" + i);
    }
    return Dimension.of(values);
  }

  private void takeAll(TableAggregates sums, DoubleAdder taken) {
    for (int index = 0; index < counterTable.size(); index++) {
      double value = sums.take(index);
      if (!Double.isNaN(value)) {
        taken.add(value);
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
