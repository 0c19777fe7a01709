package dev.metered.runtime;

import dev.metered.runtime.TestValues.Route;
import io.sentry.Sentry;
import java.time.Duration;

/**
 * The child JVM of {@link DeliveryEndToEndTest#jvmShutdownSendsTheLastAggregates}: initialises
 * Sentry, records counter increments into aggregates that would not be flushed for an hour,
 * sets a gauge, and returns from {@code main}, so that only the JVM's shutdown can send them.
 *
 * <p>Arguments: the DSN, and how many increments to record.
 */
public final class ShutdownFlushMain {
  private ShutdownFlushMain() {}

  public static void main(String[] args) {
    Sentry.init(options -> {
      options.setDsn(args[0]);
      options.setEnableUncaughtExceptionHandler(false);
      options.setServerName("e2e-child");
      options.setShutdownTimeoutMillis(2_000);
    });
    DeliverySink sink = MeteredRuntime.configure(MeteredOptions.builder()
        .deliveryForAll(DeliveryMode.AGGREGATE)
        .flushInterval(Duration.ofHours(1))
        .build());
    Metric requests = Metric.counter("shop.requests", null, "request", DeliveryMode.AGGREGATE);
    Metric queue = Metric.gauge("shop.queue", null, "request", DeliveryMode.AGGREGATE);
    SeriesTable requestSeries = TestValues.table(requests);
    SeriesTable queueSeries = TestValues.table(queue);
    int increments = Integer.parseInt(args[1]);
    if (!sink.isEnabled()) {
      throw new IllegalStateException("Sentry did not start");
    }
    for (int i = 0; i < increments; i++) {
      sink.record(requestSeries, TestValues.seriesIndex(Route.values()[i % 3], true), 1);
    }
    sink.record(queueSeries, 0, 5);
    sink.record(queueSeries, 0, 17);
    System.out.println("recorded " + increments);
    // No close, no flush: returning ends the JVM, and its shutdown hooks must send the rest.
  }
}
