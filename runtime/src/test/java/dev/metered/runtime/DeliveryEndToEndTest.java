package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.runtime.TestValues.Route;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Hint;
import io.sentry.Sentry;
import io.sentry.SentryEnvelope;
import io.sentry.SentryMetricsEvent;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost: counter increments recorded at full speed from several threads arrive at a
 * loopback Sentry receiver, through the real SDK and its HTTP transport, with exact totals,
 * including the last partial interval, whether the sink is closed, Sentry is closed, or the JVM
 * shuts down. Without Metered the SDK keeps 10,000 of such a burst and drops the rest.
 */
class DeliveryEndToEndTest {
  private static final Duration ARRIVAL = Duration.ofSeconds(20);

  private final Metric requests = Metric.counter("shop.requests", null, "request", DeliveryMode.AUTO);
  private final Metric queue = Metric.gauge("shop.queue", null, "request", DeliveryMode.AUTO);
  private final SeriesTable requestSeries = TestValues.table(requests);
  private final SeriesTable queueSeries = TestValues.table(queue);
  private SentryReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    assertThat(Sentry.isEnabled()).as("no Sentry left over from another test").isFalse();
    receiver = SentryReceiver.start();
  }

  @AfterEach
  void stop() {
    Sentry.close();
    receiver.close();
  }

  @Test
  void twoThreadsOfHalfAMillionArriveExactlyInAutoMode() throws InterruptedException {
    initSentry();
    DeliverySink sink = new DeliverySink(MeteredOptions.defaults());

    record(sink, 2, 500_000);
    sink.close();

    assertThat(awaitTotal(requests.name(), 1_000_000)).isEqualTo(1_000_000.0);
    DeliveryStats stats = sink.stats();
    assertThat(stats.eventPoints()).as("one per call within the budget").isPositive();
    assertThat(stats.aggregatedPoints()).as("the rest summed").isPositive();
    assertThat(stats.dropped()).isZero();
    assertThat(receiver.metrics()).as("far fewer data points than calls").hasSizeLessThan(20_000);
  }

  @Test
  void fourThreadsOfAMillionArriveExactlyInAggregateModeOverSeveralIntervals()
      throws InterruptedException {
    initSentry();
    DeliverySink sink = aggregating(Duration.ofMillis(100));

    record(sink, 4, 1_000_000);
    sink.record(queueSeries, 0, 3);
    sink.record(queueSeries, 0, 42);
    sink.close();

    assertThat(awaitTotal(requests.name(), 4_000_000)).isEqualTo(4_000_000.0);
    assertThat(lastValue(queue.name())).as("a gauge arrives with its last value").isEqualTo(42.0);
    assertThat(sink.stats().dropped()).isZero();
    assertThat(receiver.decodingErrors()).isEmpty();
  }

  @Test
  void closingSentrySendsTheLastAggregatesBeforeTheClientStops() throws InterruptedException {
    initSentry();
    DeliverySink sink = aggregating(Duration.ofHours(1));

    record(sink, 2, 50_000);
    Sentry.close();

    assertThat(awaitTotal(requests.name(), 100_000)).isEqualTo(100_000.0);
    assertThat(sink.isEnabled()).as("recording stops with Sentry").isFalse();
  }

  @Test
  void aSecondSentryInitToAnotherDsnSendsTheFirstInstancesAggregatesThroughTheNewOne()
      throws IOException, InterruptedException {
    initSentry();
    DeliverySink sink = aggregating(Duration.ofHours(1));
    record(sink, 2, 50_000);
    sink.record(queueSeries, 0, 7);

    try (SentryReceiver second = SentryReceiver.start()) {
      // The first instance's client closes for the restart, flushing with a timeout of 0 ms.
      Sentry.init(second::configure);
      sink.close();

      assertThat(awaitTotal(second, requests.name(), 100_000)).isEqualTo(100_000.0);
      assertThat(lastValue(second, queue.name())).isEqualTo(7.0);
      assertThat(total(receiver, requests.name())).as("nothing went to the closing client").isZero();
      assertThat(sink.stats().aggregatedPoints()).as("6 request series and the gauge").isEqualTo(7);
      assertThat(sink.stats().dropped()).isZero();
    }
  }

  @Test
  void aSecondSentryInitToTheSameDsnKeepsRecordingAndSentryCloseSendsEverything()
      throws InterruptedException {
    initSentry();
    DeliverySink sink = aggregating(Duration.ofHours(1));
    record(sink, 2, 50_000);

    initSentry();
    record(sink, 2, 25_000);
    Sentry.close();

    assertThat(awaitTotal(receiver, requests.name(), 150_000)).isEqualTo(150_000.0);
    assertThat(sink.stats().dropped()).isZero();
    sink.close();
  }

  @Test
  void aClosedSinkRecordsNothingAndSentryDisabledMeansNoOp() {
    DeliverySink sink = new DeliverySink(MeteredOptions.defaults());
    assertThat(sink.isEnabled()).as("Sentry not initialised").isFalse();

    initSentry();
    assertThat(sink.isEnabled()).isTrue();
    sink.close();

    assertThat(sink.isEnabled()).isFalse();
  }

  @Test
  void aTransportThatThrowsNeverReachesTheRecordingThreads() throws InterruptedException {
    AtomicInteger attempts = new AtomicInteger();
    Sentry.init(options -> {
      receiver.configure(options);
      options.setTransportFactory((sentryOptions, requestDetails) -> new ITransport() {
        @Override
        public void send(SentryEnvelope envelope, Hint hint) throws IOException {
          attempts.incrementAndGet();
          throw new IOException("connection reset");
        }

        @Override
        public void flush(long timeoutMillis) {}

        @Override
        public RateLimiter getRateLimiter() {
          return null;
        }

        @Override
        public void close(boolean isRestarting) {}

        @Override
        public void close() {}
      });
    });
    DeliverySink sink = new DeliverySink(MeteredOptions.builder().eventsPerSecond(100).build());

    record(sink, 2, 20_000);
    sink.close();

    assertThat(attempts).as("the SDK tried, and failed, to send").hasPositiveValue();
    assertThat(sink.stats().sentPoints()).as("handed to the SDK without an exception").isPositive();
    assertThat(receiver.metrics()).isEmpty();
  }

  @Test
  void jvmShutdownSendsTheLastAggregates() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ShutdownFlushMain.class.getName(), receiver.dsn(), "300000")
        .redirectErrorStream(true)
        .start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exited).as("the child JVM exits; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("output:%n%s", output).isZero();
    assertThat(output).contains("recorded 300000");
    assertThat(awaitTotal(requests.name(), 300_000)).isEqualTo(300_000.0);
    assertThat(lastValue(queue.name())).isEqualTo(17.0);
  }

  /** A sink to Sentry that aggregates everything and flushes every {@code flushInterval}. */
  private static DeliverySink aggregating(Duration flushInterval) {
    return new DeliverySink(MeteredOptions.builder()
        .deliveryForAll(DeliveryMode.AGGREGATE)
        .flushInterval(flushInterval)
        .build());
  }

  /** Records {@code perThread} increments from each of {@code threads} threads at full speed. */
  private void record(DeliverySink sink, int threads, int perThread) throws InterruptedException {
    assertThat(sink.isEnabled()).as("Sentry is on, as generated recorders check first").isTrue();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException interrupted) {
          return;
        }
        for (int i = 0; i < perThread; i++) {
          Route route = Route.values()[i % 3];
          // As a generated recorder calls it: the table and the series' number.
          sink.record(requestSeries, TestValues.seriesIndex(route, (i & 1) == 0), 1);
        }
      });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
  }

  /** The sum of the values received for {@code name}, once it reaches {@code expected} or time runs out. */
  private double awaitTotal(String name, double expected) throws InterruptedException {
    return awaitTotal(receiver, name, expected);
  }

  private static double awaitTotal(SentryReceiver at, String name, double expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    double total = total(at, name);
    while (total < expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      total = total(at, name);
    }
    // Anything more than expected would arrive right behind: give it a moment to show.
    Thread.sleep(200);
    return total(at, name);
  }

  private static double total(SentryReceiver at, String name) {
    double total = 0;
    for (SentryMetricsEvent event : at.metrics()) {
      if (event.getName().equals(name)) {
        total += event.getValue();
      }
    }
    return total;
  }

  private Double lastValue(String name) {
    return lastValue(receiver, name);
  }

  private static Double lastValue(SentryReceiver at, String name) {
    Double last = null;
    for (SentryMetricsEvent event : at.metrics()) {
      if (event.getName().equals(name)) {
        last = event.getValue();
      }
    }
    return last;
  }

  private void initSentry() {
    Sentry.init(receiver::configure);
  }
}
