package dev.metered.spring;

import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import java.util.List;

/** What the real Sentry SDK has put on the wire for one operation of the shop's services. */
final class SentPoints {
  private SentPoints() {}

  /** Flushes the SDK, then every data point the receiver got whose {@code operation} is {@code operation}. */
  static List<ReceivedMetric> of(SentryReceiver receiver, String operation) {
    Sentry.flush(5_000);
    return receiver.receivedMetrics().stream()
        .filter(point -> operation.equals(point.attributes().get("operation")))
        .toList();
  }

  /** The points of {@link #of} that are {@code metric}'s. */
  static List<ReceivedMetric> of(SentryReceiver receiver, String operation, String metric) {
    return of(receiver, operation).stream().filter(point -> point.name().equals(metric)).toList();
  }
}
