package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.runtime.TestValues.Route;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import io.sentry.SentryMetricsEvent;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the user turns Sentry's metrics off, Metered records nothing: with the SDK's own switch
 * ({@code options.getMetrics().setEnabled(false)}), which io.sentry:sentry 8.62.0 and 8.63.0 no
 * longer read themselves, and with no DSN. The real SDK sends to a loopback receiver; an error
 * event sent after the recording is the marker that whatever was handed to the SDK before it has
 * been sent too, so "nothing arrived" is checked without waiting for a time to pass.
 */
class MetricsSwitchedOffTest {
  private static final Duration ARRIVAL = Duration.ofSeconds(20);

  private final Metric requests = Metric.counter("shop.requests", null, "request", DeliveryMode.AGGREGATE);
  private final Metric latency = Metric.distribution("shop.latency", "millisecond", "request", DeliveryMode.EVENT);
  private final SeriesTable requestSeries = TestValues.table(requests);
  private final SeriesTable latencySeries = TestValues.table(latency);
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

  /** The finding the runtime acts on: the SDK itself sends with its switch off (8.62.0, 8.63.0). */
  @Test
  void theSdkItselfStillSendsMetricsWithItsMetricsSwitchOff() throws InterruptedException {
    initSentry(false);

    Sentry.metrics().count("raw.sdk.call", 1.0);
    Sentry.flush(ARRIVAL.toMillis());

    assertThat(receiver.awaitMetrics(1, ARRIVAL)).extracting(SentryMetricsEvent::getName)
        .containsExactly("raw.sdk.call");
  }

  @Test
  void aRecorderSendsNothingWithTheSdksMetricsSwitchOff() throws InterruptedException {
    initSentry(false);
    DeliverySink sink = new DeliverySink(MeteredOptions.defaults());

    assertThat(sink.isEnabled()).as("what a generated recorder asks first").isFalse();
    recordEveryWay(sink);
    sink.close();

    assertNothingArrived();
    assertThat(sink.stats().sentPoints()).isZero();
  }

  @Test
  void turningTheSwitchOffWhileRecordingStopsWithinOneBudgetWindow() throws InterruptedException {
    initSentry(true);
    DeliverySink sink = new DeliverySink(MeteredOptions.defaults(), false);
    assertThat(sink.isEnabled()).isTrue();

    Sentry.getCurrentScopes().getOptions().getMetrics().setEnabled(false);
    sink.startWindow(); // what the sink's thread does every second
    assertThat(sink.isEnabled()).isFalse();
    recordEveryWay(sink);
    sink.close();

    assertNothingArrived();
  }

  @Test
  void theSwitchOnSendsAsBefore() throws InterruptedException {
    initSentry(true);
    DeliverySink sink = new DeliverySink(MeteredOptions.defaults());

    recordEveryWay(sink);
    sink.close();

    assertThat(receiver.awaitMetrics(3, ARRIVAL)).extracting(SentryMetricsEvent::getName)
        .containsExactlyInAnyOrder("shop.latency", "shop.latency", "shop.requests");
  }

  @Test
  void noDsnMeansSentryIsOffAndSoIsEveryRecorder() {
    Sentry.init(options -> options.setDsn(""));
    DeliverySink sink = new DeliverySink(MeteredOptions.defaults());

    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(sink.isEnabled()).isFalse();
    recordEveryWay(sink);
    assertThat(sink.stats()).isEqualTo(new DeliveryStats(0, 0, 0, 0, 0, 0, 0));
  }

  /** An aggregated counter by table and number, an event distribution, and one by attributes. */
  private void recordEveryWay(DeliverySink sink) {
    sink.record(requestSeries, TestValues.seriesIndex(Route.HOME, true), 1);
    sink.record(latencySeries, TestValues.seriesIndex(Route.CART, false), 12.5);
    sink.record(latency, 3.0, Attributes.of(Route.SEARCH.attribute(), TestValues.SUCCESS_TRUE));
  }

  /** Sends an error event after everything recorded, waits for it, and finds no metric before it. */
  private void assertNothingArrived() throws InterruptedException {
    Sentry.flush(ARRIVAL.toMillis());
    Sentry.captureMessage("marker");
    Sentry.flush(ARRIVAL.toMillis());
    receiver.awaitItems("event", 1, ARRIVAL);
    assertThat(receiver.metrics()).isEmpty();
  }

  private void initSentry(boolean metricsSwitchOn) {
    Sentry.init(options -> {
      receiver.configure(options);
      options.getMetrics().setEnabled(metricsSwitchOn);
    });
  }
}
