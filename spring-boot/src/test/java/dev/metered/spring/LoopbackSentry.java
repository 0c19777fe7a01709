package dev.metered.spring;

import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Sentry SDK, initialised for a test class with its real HTTP transport to a loopback
 * receiver: {@code @RegisterExtension static final LoopbackSentry sentry = new LoopbackSentry();}.
 * Started before any Spring context of the class is, since contexts load with the first test.
 */
final class LoopbackSentry implements BeforeAllCallback, AfterAllCallback {
  private SentryReceiver receiver;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    receiver = SentryReceiver.start();
    Sentry.init(receiver::configure);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Sentry.close();
    receiver.close();
  }

  /** Flushes the SDK, then every data point received whose {@code operation} is {@code operation}. */
  List<ReceivedMetric> pointsOf(String operation) {
    Sentry.flush(5_000);
    return receiver.receivedMetrics().stream()
        .filter(point -> operation.equals(point.attributes().get("operation")))
        .toList();
  }

  /** The points of {@link #pointsOf(String)} that are {@code metric}'s. */
  List<ReceivedMetric> pointsOf(String operation, String metric) {
    return pointsOf(operation).stream().filter(point -> point.name().equals(metric)).toList();
  }
}
