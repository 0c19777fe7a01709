package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;

/**
 * The per-table aggregates a {@link DeliverySink} binds to a {@link SeriesTable}: striped sums
 * for counters, last values for gauges.
 */
class TableAggregatesTest {
  private final DeliverySink owner = new DeliverySink(
      MeteredOptions.builder().flushInterval(Duration.ofHours(1)).build(), false);
  private final SeriesTable counterTable =
      TestValues.table(Metric.counter("shop.requests", null, "request", DeliveryMode.AGGREGATE));
  private final SeriesTable gaugeTable =
      TestValues.table(Metric.gauge("shop.queue", null, "request", DeliveryMode.AGGREGATE));

  @Test
  void aCounterTableGetsSumsAndAGaugeTableLastValues() {
    assertThat(TableAggregates.of(owner, counterTable)).isInstanceOf(StripedSums.class);
    assertThat(TableAggregates.of(owner, gaugeTable)).isInstanceOf(LastValues.class);
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
    TableAggregates sums = TableAggregates.of(owner, counterTable);

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
    TableAggregates sums = TableAggregates.of(owner, counterTable);
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
    TableAggregates lastValues = TableAggregates.of(owner, gaugeTable);
    lastValues.add(0, 3);
    assertThat(lastValues.seal(0)).isEqualTo(3.0);
    assertThat(lastValues.add(0, 4)).isFalse();
    assertThat(lastValues.take(0)).isNaN();

    Metric byQuery = Metric.counter("shop.searches", null, "request", DeliveryMode.AGGREGATE);
    AggregationCell cell = AggregationCell.of(Series.of(byQuery, Attributes.empty()));
    assertThat(cell.add(5)).isTrue();
    assertThat(cell.seal()).isEqualTo(5.0);
    assertThat(cell.add(1)).isFalse();
    assertThat(cell.take()).isNaN();
  }

  @Test
  void gaugesKeepTheirLastValueAndZeroIsAValue() {
    TableAggregates lastValues = TableAggregates.of(owner, gaugeTable);

    lastValues.add(2, 9);
    lastValues.add(2, 0);

    assertThat(lastValues.take(2)).isZero();
    assertThat(lastValues.take(2)).isNaN();
    assertThat(lastValues.take(1)).isNaN();
  }

  @Test
  void moreThreadsThanStripesAddingWhileOneTakesLoseNothing() throws InterruptedException {
    TableAggregates sums = TableAggregates.of(owner, counterTable);
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
