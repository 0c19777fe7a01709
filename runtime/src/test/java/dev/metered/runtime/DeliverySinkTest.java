package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.runtime.TestValues.Route;
import dev.metered.runtime.internal.FallbackValues;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * What {@link DeliverySink} does with each delivery mode, driven the way generated recorders
 * drive it (series from a {@link SeriesTable} by number, or attributes built per call), against an in-memory
 * exporter. The sinks are made without their scheduler thread, so windows and flushes happen
 * exactly when a test says.
 */
class DeliverySinkTest {
  private static final Duration NEVER = Duration.ofHours(1);
  private static final int DISTINCT_VALUES = 1_000_000;
  private static final int INTERVALS = 10;

  private final RecordingSink exporter = new RecordingSink();
  private final Metric requests = Metric.counter("shop.requests", null, "request", DeliveryMode.AUTO);
  private final Metric latency = Metric.distribution("shop.latency", "millisecond", "request", DeliveryMode.AUTO);
  private final Metric queue = Metric.gauge("shop.queue", null, "request", DeliveryMode.AUTO);
  private final SeriesTable requestSeries = TestValues.table(requests);
  private final SeriesTable latencySeries = TestValues.table(latency);
  private final SeriesTable queueSeries = TestValues.table(queue);

  private DeliverySink sink(DeliveryMode mode, int eventsPerSecond) {
    return new DeliverySink(MeteredOptions.builder()
        .exporter(exporter)
        .flushInterval(NEVER)
        .eventsPerSecond(eventsPerSecond)
        .deliveryForAll(mode)
        .build(), false);
  }

  @Test
  void eventModeSendsEveryCallAtOnce() {
    DeliverySink sink = sink(DeliveryMode.EVENT, 1);

    for (int i = 0; i < 5; i++) {
      sink.record(requestSeries, TestValues.seriesIndex(Route.HOME, true), 1);
    }

    assertThat(exporter.recorded(requests)).hasSize(5);
    assertThat(sink.stats().eventPoints()).isEqualTo(5);
  }

  @Test
  void aggregateModeSumsCountersPerSeriesAndSendsThemAtFlush() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);

    for (int i = 0; i < 1_000; i++) {
      Route route = Route.values()[i % 3];
      sink.record(requestSeries, TestValues.seriesIndex(route, i % 2 == 0), 2);
    }
    assertThat(exporter.recorded()).isEmpty();

    sink.flush();

    List<RecordedMetric> sent = exporter.recorded(requests);
    assertThat(sent).hasSize(6);
    assertThat(sent).allSatisfy(point -> assertThat(point.value()).isBetween(332.0, 334.0));
    assertThat(sent.stream().mapToDouble(RecordedMetric::value).sum()).isEqualTo(2_000.0);
    assertThat(sent).extracting(point -> point.attributeMap().get("route"))
        .containsOnly("home", "search", "cart");

    exporter.clear();
    sink.flush();
    assertThat(exporter.recorded()).as("nothing new since the last flush").isEmpty();
  }

  @Test
  void aggregateModeKeepsTheLastValueOfAGauge() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    int series = TestValues.seriesIndex(Route.CART, false);

    sink.record(queueSeries, series, 7);
    sink.record(queueSeries, series, 3);
    sink.record(queueSeries, series, 0);
    sink.flush();

    assertThat(exporter.recorded(queue)).singleElement()
        .satisfies(point -> assertThat(point.value()).isZero());
  }

  @Test
  void autoModeSendsWithinTheBudgetAndAggregatesBeyondIt() {
    DeliverySink sink = sink(DeliveryMode.AUTO, 10);
    int series = TestValues.seriesIndex(Route.SEARCH, true);

    for (int i = 0; i < 1_000; i++) {
      sink.record(requestSeries, series, 1);
    }
    assertThat(exporter.recorded(requests)).as("the budget's worth, one per call").hasSize(10);

    sink.flush();

    List<RecordedMetric> sent = exporter.recorded(requests);
    assertThat(sent).hasSize(11);
    assertThat(sent.get(10).value()).isEqualTo(990.0);
    assertThat(sink.stats()).isEqualTo(new DeliveryStats(10, 1, 0, 0, 0, 0, 0));
  }

  @Test
  void statsCountTheFallbackUsesOfEveryThreadSinceTheSinkWasMade() throws InterruptedException {
    FallbackValues.countUse(); // before the sink: not its to count
    DeliverySink sink = sink(DeliveryMode.EVENT, 10);
    assertThat(sink.stats().fallbacks()).isZero();

    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < 250; i++) {
          FallbackValues.countUse();
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(sink.stats().fallbacks()).isEqualTo(1_000);
    assertThat(sink.stats().lostAnything()).as("a fallback is a value the schema chose, not a loss").isFalse();
  }

  @Test
  void eventModePointsCountAgainstTheBudgetOfAutoMetrics() {
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).flushInterval(NEVER).eventsPerSecond(5)
        .delivery("shop.latency", DeliveryMode.EVENT)
        .build(), false);

    for (int i = 0; i < 5; i++) {
      sink.record(latencySeries, 0, 1.5);
    }
    sink.record(requestSeries, 0, 1);

    assertThat(exporter.recorded(requests)).as("the budget went to the event metric").isEmpty();
  }

  @Test
  void distributionsBeyondTheBudgetAreSampledAndCarryTheirRate() {
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).flushInterval(NEVER).eventsPerSecond(10).sampledPerSecond(10)
        .deliveryForAll(DeliveryMode.AUTO).build(), false);
    int series = TestValues.seriesIndex(Route.HOME, true);

    // First window: 10 within the budget; of the 990 beyond, the rate is still 1 and twice the
    // sampled share (20) is kept; the rest is dropped, and counted.
    for (int i = 0; i < 1_000; i++) {
      sink.record(latencySeries, series, 4.0);
    }
    assertThat(exporter.recorded(latency)).hasSize(30);
    assertThat(sink.stats().dropped()).isEqualTo(970);

    // Second window: 990 overflowed last time, so each overflowing point is kept with 10 / 990.
    sink.startWindow();
    exporter.clear();
    for (int i = 0; i < 1_000; i++) {
      sink.record(latencySeries, series, 4.0);
    }

    List<RecordedMetric> sent = exporter.recorded(latency);
    List<Object> rates = new ArrayList<>();
    for (RecordedMetric point : sent) {
      Object rate = point.attributeMap().get(DeliverySink.SAMPLE_RATE_ATTRIBUTE);
      if (rate != null) {
        rates.add(rate);
      }
    }
    assertThat(sent.size() - rates.size()).as("points within the budget carry no rate").isEqualTo(10);
    assertThat(rates).isNotEmpty().allSatisfy(rate -> assertThat(rate).isEqualTo(10.0 / 990));
    DeliveryStats stats = sink.stats();
    assertThat(stats.sampledPoints()).isEqualTo(rates.size());
    assertThat(rates.size() + stats.sampledAway() + (stats.dropped() - 970)).isEqualTo(990);
    assertThat(stats.lostAnything()).isTrue();
  }

  @Test
  void aValueThatIsNotFiniteIsLeftOutOfTheSum() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    sink.record(requestSeries, 0, 5);
    sink.record(requestSeries, 0, Double.NaN);
    sink.record(requestSeries, 0, Double.POSITIVE_INFINITY);
    sink.flush();

    assertThat(exporter.recorded(requests)).singleElement()
        .satisfies(point -> assertThat(point.value()).isEqualTo(5.0));
    assertThat(sink.stats().dropped()).isEqualTo(2);
  }

  @Test
  void attributeSetsOutsideTheTableAreAggregatedByValueUpToACapPerFlushInterval() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);

    for (int i = 0; i < MetricState.MAX_OTHER_SERIES + 5; i++) {
      Attributes attributes = Attributes.of(Attribute.ofString("endpoint", "/page/" + i));
      sink.record(requests, 1, attributes);
      sink.record(requests, 1, attributes);
    }
    sink.flush();

    List<RecordedMetric> sent = exporter.recorded(requests);
    assertThat(sent).hasSize(MetricState.MAX_OTHER_SERIES);
    assertThat(sent).allSatisfy(point -> assertThat(point.value()).isEqualTo(2.0));
    assertThat(sink.stats().dropped()).isEqualTo(10);

    // The flush closed every series: a value never seen before is aggregated and sent again.
    exporter.clear();
    sink.record(requests, 1, Attributes.of(Attribute.ofString("endpoint", "/brand-new")));
    sink.flush();
    assertThat(exporter.recorded(requests)).singleElement()
        .satisfies(point -> assertThat(point.attributeMap()).containsEntry("endpoint", "/brand-new"));
    assertThat(sink.stats().dropped()).isEqualTo(10);
  }

  @Test
  void aMillionDistinctNumbersKeepAtMostTheCapOpenAndAreDeliveredOrDroppedExactly() {
    Totals delivered = new Totals();
    DeliverySink sink = sink(delivered, DeliveryMode.AGGREGATE);

    int mostOpen = recordDistinctValues(sink, requests,
        i -> Attributes.of(Attribute.ofLong("order_id", i)));

    assertThat(mostOpen).as("series open at once").isEqualTo(MetricState.MAX_OTHER_SERIES);
    assertThat(sink.openOtherSeries(requests)).as("after the last flush").isZero();
    assertThat(delivered.points).as("the first values of every interval, not only of the first")
        .isEqualTo(INTERVALS * MetricState.MAX_OTHER_SERIES);
    DeliveryStats stats = sink.stats();
    assertThat(stats.dropped()).isEqualTo(DISTINCT_VALUES - delivered.points);
    assertThat(delivered.total + stats.dropped()).isEqualTo(DISTINCT_VALUES);
  }

  @Test
  void aMillionDistinctStringsBeyondMaxValuesAreFoldedIntoTheOverflowValue() {
    Metric errors = Metric.counter("shop.errors", null, "request", DeliveryMode.AGGREGATE,
        MaxValues.of("error_type", 20));
    Totals delivered = new Totals();
    DeliverySink sink = sink(delivered, DeliveryMode.AGGREGATE);

    int mostOpen = recordDistinctValues(sink, errors,
        i -> Attributes.of(Attribute.ofString("error_type", "Error" + i), TestValues.SUCCESS_FALSE));

    assertThat(mostOpen).as("20 values and the overflow value").isEqualTo(21);
    DeliveryStats stats = sink.stats();
    assertThat(delivered.overflowTotal).isEqualTo(stats.folded()).isEqualTo(DISTINCT_VALUES - INTERVALS * 20);
    assertThat(delivered.total - delivered.overflowTotal).as("sent under their own value")
        .isEqualTo(INTERVALS * 20);
    assertThat(delivered.total - delivered.overflowTotal + stats.folded() + stats.dropped())
        .as("delivered + folded + dropped").isEqualTo(DISTINCT_VALUES);
    assertThat(stats.dropped()).isZero();

    // A new interval admits new values as themselves.
    sink.record(errors, 1, Attributes.of(Attribute.ofString("error_type", "BrandNew"), TestValues.SUCCESS_FALSE));
    sink.flush();
    assertThat(delivered.lastValue).isEqualTo("BrandNew");
  }

  @Test
  void eventModeFoldsValuesBeyondMaxValuesAndKeepsNoSeries() {
    Metric errors = Metric.counter("shop.errors", null, "request", DeliveryMode.EVENT,
        MaxValues.of("error_type", 20));
    Totals delivered = new Totals();
    DeliverySink sink = sink(delivered, DeliveryMode.EVENT);

    int mostOpen = recordDistinctValues(sink, errors,
        i -> Attributes.of(Attribute.ofString("error_type", "Error" + i)));

    assertThat(mostOpen).as("event mode aggregates nothing").isZero();
    DeliveryStats stats = sink.stats();
    assertThat(delivered.points).isEqualTo(DISTINCT_VALUES);
    assertThat(stats.eventPoints()).isEqualTo(DISTINCT_VALUES);
    assertThat(delivered.overflowTotal).isEqualTo(stats.folded()).isEqualTo(DISTINCT_VALUES - INTERVALS * 20);
  }

  @Test
  void anErrorFromTheExporterNeverReachesTheCallerAndIsCounted() {
    for (Throwable error : List.of(new NoSuchMethodError("io.sentry.Sentry.metrics()"),
        new AssertionError("sink invariant"), new ExceptionInInitializerError("init"))) {
      DeliverySink sink = sink((metric, value, attributes) -> sneakyThrow(error), DeliveryMode.EVENT);
      long failuresBefore = MeteredRuntime.recordingFailures();

      assertThatCode(() -> sink.record(requestSeries, 0, 1)).doesNotThrowAnyException();

      assertThat(sink.stats().dropped()).isEqualTo(1);
      assertThat(MeteredRuntime.recordingFailures()).isEqualTo(failuresBefore + 1);
    }
  }

  @Test
  void aVirtualMachineErrorFromTheExporterPasses() {
    StackOverflowError overflow = new StackOverflowError();
    DeliverySink sink = sink((metric, value, attributes) -> {
      throw overflow;
    }, DeliveryMode.EVENT);

    assertThatThrownBy(() -> sink.record(requestSeries, 0, 1)).isSameAs(overflow);
  }

  @Test
  void anErrorWhileFlushingLosesOnlyItsPointAndIsCounted() {
    AtomicBoolean failedOnce = new AtomicBoolean();
    DeliverySink sink = sink((metric, value, attributes) -> {
      if (failedOnce.compareAndSet(false, true)) {
        throw new LinkageError("exporter half loaded");
      }
      exporter.record(metric, value, attributes);
    }, DeliveryMode.AGGREGATE);
    for (int index = 0; index < requestSeries.size(); index++) {
      sink.record(requestSeries, index, 1);
    }

    assertThatCode(sink::flush).doesNotThrowAnyException();

    assertThat(exporter.recorded(requests)).hasSize(requestSeries.size() - 1);
    assertThat(sink.stats().dropped()).isEqualTo(1);
  }

  @Test
  void aCounterFedTheLargestDoublesIsDeliveredInFinitePartsNotDroppedAsInfinity() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    Attributes open = Attributes.of(Attribute.ofString("endpoint", "/huge"));

    sink.record(requestSeries, 0, 1e308);
    sink.record(requestSeries, 0, 1e308);
    sink.record(requests, 1e308, open);
    sink.record(requests, 1e308, open);
    sink.record(requests, 1, open);
    sink.flush();

    assertThat(exporter.recorded(requests)).extracting(RecordedMetric::value)
        .containsExactlyInAnyOrder(1e308, 1e308, 1e308, 1e308 + 1);
    assertThat(sink.stats().aggregatedPoints()).isEqualTo(4);
    assertThat(sink.stats().dropped()).isZero();
  }

  @Test
  void sumPartsBeyondTheirCapAreCountedAsDroppedInTheSinksStats() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    int beyondCap = 10;
    // Each 1e308 after the first sets the sum so far aside as a part.
    for (int i = 0; i < SumParts.MAX_PARTS + beyondCap + 1; i++) {
      sink.record(requestSeries, 0, 1e308);
    }
    sink.flush();

    assertThat(sink.stats().dropped()).isEqualTo(beyondCap);
    assertThat(sink.stats().aggregatedPoints()).isEqualTo(SumParts.MAX_PARTS + 1);
  }

  @Test
  void aFailingExporterNeverReachesTheCallerAndIsCounted() {
    MetricSink failing = (metric, value, attributes) -> {
      throw new IllegalStateException("transport down");
    };
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(failing).flushInterval(NEVER).deliveryForAll(DeliveryMode.EVENT).build(), false);
    long failuresBefore = MeteredRuntime.recordingFailures();

    assertThatCode(() -> sink.record(requestSeries, 0, 1)).doesNotThrowAnyException();

    assertThat(sink.stats().dropped()).isEqualTo(1);
    assertThat(MeteredRuntime.recordingFailures()).isGreaterThan(failuresBefore);
  }

  @Test
  void aStartThatFailsPartwayLeavesTheSinkDisabledAndIsTriedAgainWhole() throws InterruptedException {
    AtomicInteger threadsAsked = new AtomicInteger();
    ThreadFactory failingOnce = task -> {
      if (threadsAsked.incrementAndGet() == 1) {
        throw new IllegalStateException("unable to create a thread");
      }
      return new Thread(task, "metered-delivery");
    };
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).flushInterval(Duration.ofMillis(10)).deliveryForAll(DeliveryMode.AGGREGATE)
        .build(), true, failingOnce);
    long failuresBefore = MeteredRuntime.recordingFailures();

    assertThatCode(() -> assertThat(sink.isEnabled()).as("its scheduler did not start").isFalse())
        .doesNotThrowAnyException();
    assertThat(MeteredRuntime.recordingFailures()).as("the failure was reported").isGreaterThan(failuresBefore);

    assertThat(sink.isEnabled()).as("started whole at the next call").isTrue();
    sink.record(requestSeries, 0, 1);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (exporter.recorded().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(exporter.recorded(requests)).as("sent by the periodic flush, not by close")
        .singleElement().satisfies(point -> assertThat(point.value()).isEqualTo(1.0));
    sink.close();
    assertThat(sink.stats().dropped()).isZero();
  }

  @Test
  void closeSendsTheLastPartialIntervalFlushesTheExporterAndDisablesRecording() {
    AtomicInteger exporterFlushes = new AtomicInteger();
    MetricSink counting = new MetricSink() {
      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        exporter.record(metric, value, attributes);
      }

      @Override
      public void flush(Duration timeout) {
        exporterFlushes.incrementAndGet();
      }
    };
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(counting).flushInterval(NEVER).deliveryForAll(DeliveryMode.AGGREGATE).build(), false);
    assertThat(sink.isEnabled()).isTrue();

    sink.record(requestSeries, 1, 1);
    sink.record(requestSeries, 1, 1);
    sink.close();

    assertThat(exporter.recorded(requests)).singleElement()
        .satisfies(point -> assertThat(point.value()).isEqualTo(2.0));
    int flushes = exporterFlushes.get();
    assertThat(flushes).as("the exporter was flushed").isPositive();
    assertThat(sink.isEnabled()).isFalse();
    sink.close();
    assertThat(exporterFlushes).as("closing twice does nothing more").hasValue(flushes);
  }

  @Test
  void concurrentRecordingAndFlushingLoseNoCount() throws InterruptedException {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    int threads = 4;
    int perThread = 250_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread worker = new Thread(() -> {
        awaitQuietly(start);
        for (int i = 0; i < perThread; i++) {
          sink.record(requestSeries, (i + offset) % 6, 1);
        }
      });
      worker.start();
      workers.add(worker);
    }
    AtomicBoolean done = new AtomicBoolean();
    Thread flusher = new Thread(() -> {
      while (!done.get()) {
        sink.flush();
      }
    });
    flusher.start();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    done.set(true);
    flusher.join();
    sink.flush();

    double total = exporter.recorded(requests).stream().mapToDouble(RecordedMetric::value).sum();
    assertThat(total).isEqualTo((double) threads * perThread);
  }

  @Test
  void aSeriesRecordedBeforeAndAfterItsTableIsBoundSumsIntoOneAggregate() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    int cart = TestValues.seriesIndex(Route.CART, true);

    sink.record(requestSeries, cart, 2); // through the metric's state, which binds the table
    sink.record(requestSeries, cart, 3); // through the aggregates bound to the table
    sink.record(requestSeries, cart, 5);
    sink.flush();

    assertThat(exporter.recorded(requests)).singleElement().satisfies(point -> {
      assertThat(point.value()).isEqualTo(10.0);
      assertThat(point.attributeMap().get("route")).isEqualTo("cart");
    });
    assertThat(sink.stats()).isEqualTo(new DeliveryStats(0, 1, 0, 0, 0, 0, 0));
  }

  @Test
  void twoSinksRecordingIntoOneTableEachSendOnlyTheirOwnCounts() {
    RecordingSink otherExporter = new RecordingSink();
    DeliverySink first = sink(DeliveryMode.AGGREGATE, 1_000);
    DeliverySink second = new DeliverySink(MeteredOptions.builder()
        .exporter(otherExporter).flushInterval(NEVER).deliveryForAll(DeliveryMode.AGGREGATE).build(), false);

    // Each call finds the table's aggregates bound to the other sink half of the time.
    for (int i = 0; i < 100; i++) {
      first.record(requestSeries, 0, 1);
      second.record(requestSeries, 0, 1);
      second.record(requestSeries, 0, 1);
    }
    first.flush();
    second.flush();

    assertThat(exporter.recorded(requests)).singleElement()
        .satisfies(point -> assertThat(point.value()).isEqualTo(100.0));
    assertThat(otherExporter.recorded(requests)).singleElement()
        .satisfies(point -> assertThat(point.value()).isEqualTo(200.0));
  }

  @Test
  void aClosedSinkRecordsNothingMoreThroughItsBoundAggregatesAndCountsEachCallAsDropped() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    sink.record(requestSeries, 1, 1);
    sink.record(requestSeries, 1, 1);
    sink.close();

    sink.record(requestSeries, 1, 1);
    sink.record(requests, 1, Attributes.of(Attribute.ofString("route", "unknown")));
    sink.flush();

    assertThat(exporter.recorded(requests)).singleElement()
        .satisfies(point -> assertThat(point.value()).isEqualTo(2.0));
    assertThat(sink.stats()).isEqualTo(new DeliveryStats(0, 1, 0, 0, 2, 0, 0));
  }

  @Test
  void whileTheExporterIsDisabledRecordingByNumberKeepsNothing() {
    AtomicBoolean enabled = new AtomicBoolean(false);
    MetricSink switchable = new MetricSink() {
      @Override
      public boolean isEnabled() {
        return enabled.get();
      }

      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        exporter.record(metric, value, attributes);
      }
    };
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(switchable).flushInterval(NEVER).deliveryForAll(DeliveryMode.AGGREGATE).build(), false);

    sink.record(requestSeries, 0, 1);
    enabled.set(true);
    sink.record(requestSeries, 0, 1);
    enabled.set(false);
    sink.startWindow(); // where the scheduler notices that the exporter is disabled
    sink.record(requestSeries, 0, 1);
    enabled.set(true);
    sink.flush();

    assertThat(exporter.recorded(requests)).as("only the call made while enabled")
        .singleElement().satisfies(point -> assertThat(point.value()).isEqualTo(1.0));
  }

  @Test
  void aSecondTableOfTheSameMetricIsAggregatedBesideTheFirst() {
    DeliverySink sink = sink(DeliveryMode.AGGREGATE, 1_000);
    SeriesTable another = TestValues.table(requests);

    sink.record(requestSeries, 2, 1);
    sink.record(another, 2, 1);
    sink.record(another, 2, 1);
    sink.flush();

    assertThat(exporter.recorded(requests)).extracting(RecordedMetric::value)
        .containsExactlyInAnyOrder(1.0, 2.0);
  }

  @Test
  void overridesWinOverTheSchemaMetricFirstThenFamilyThenAll() {
    MeteredOptions options = MeteredOptions.builder()
        .delivery("shop.requests", DeliveryMode.EVENT)
        .delivery("request", DeliveryMode.AGGREGATE)
        .build();
    MeteredOptions forAll = MeteredOptions.builder().deliveryForAll(DeliveryMode.EVENT).build();
    Metric declared = Metric.counter("shop.other", null, "other", DeliveryMode.AGGREGATE);

    assertThat(options.deliveryOf(requests)).isEqualTo(DeliveryMode.EVENT);
    assertThat(options.deliveryOf(latency)).isEqualTo(DeliveryMode.AGGREGATE);
    assertThat(options.deliveryOf(declared)).isEqualTo(DeliveryMode.AGGREGATE);
    assertThat(forAll.deliveryOf(declared)).isEqualTo(DeliveryMode.EVENT);
    assertThat(MeteredOptions.defaults().deliveryOf(requests)).isEqualTo(DeliveryMode.AUTO);
  }

  /**
   * Records {@link #DISTINCT_VALUES} increments of {@code metric}, each with other attributes,
   * flushing after each of {@link #INTERVALS} intervals; returns the most series it had open.
   */
  private static int recordDistinctValues(DeliverySink sink, Metric metric, IntFunction<Attributes> attributes) {
    int mostOpen = 0;
    for (int i = 0; i < DISTINCT_VALUES; i++) {
      sink.record(metric, 1, attributes.apply(i));
      mostOpen = Math.max(mostOpen, sink.openOtherSeries(metric));
      if ((i + 1) % (DISTINCT_VALUES / INTERVALS) == 0) {
        sink.flush();
      }
    }
    return mostOpen;
  }

  private static DeliverySink sink(MetricSink exporter, DeliveryMode mode) {
    return new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).flushInterval(NEVER).deliveryForAll(mode).build(), false);
  }

  /** An exporter that only adds up what it is sent, so a million points take no memory. */
  private static final class Totals implements MetricSink {
    long points;
    double total;
    double overflowTotal;
    Object lastValue;

    @Override
    public void record(Metric metric, double value, Attributes attributes) {
      points++;
      total += value;
      lastValue = attributes.get(0).value();
      if (DeliverySink.OVERFLOW_VALUE.equals(lastValue)) {
        overflowTotal += value;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable failure) throws T {
    throw (T) failure;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
