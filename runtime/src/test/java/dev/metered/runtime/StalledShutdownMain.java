package dev.metered.runtime;

import io.sentry.Sentry;
import java.time.Duration;

/**
 * The child JVM of {@link StalledEndpointCloseTest#jvmExitEndsWithinTheCloseTimeout}:
 * initialises Sentry against a stalled endpoint, aggregates one increment into each of 10,000
 * series that would not be flushed for an hour, and returns from {@code main}, so that only the
 * JVM's shutdown hooks close the sink.
 *
 * <p>Arguments: the DSN, and the sink's close timeout in milliseconds.
 */
public final class StalledShutdownMain {
  private StalledShutdownMain() {}

  public static void main(String[] args) {
    Sentry.init(options -> StalledEndpointCloseTest.configure(options, args[0]));
    DeliverySink sink = MeteredRuntime.configure(MeteredOptions.builder()
        .deliveryForAll(DeliveryMode.AGGREGATE)
        .flushInterval(Duration.ofHours(1))
        .closeTimeout(Duration.ofMillis(Long.parseLong(args[1])))
        .build());
    SeriesTable table = StalledEndpointCloseTest.tenThousandSeries();
    if (!sink.isEnabled()) {
      throw new IllegalStateException("Sentry did not start");
    }
    for (int series = 0; series < table.size(); series++) {
      sink.record(table, series, 1);
    }
    System.out.println("recorded " + table.size());
    // No close: returning ends the JVM, and its shutdown hooks must be over within the bound.
  }
}
