package dev.metered.runtime;

import io.sentry.Sentry;
import io.sentry.metrics.IMetricsApi;
import io.sentry.metrics.SentryMetricsParameters;

/**
 * Sends each data point to Sentry through {@code Sentry.metrics()}.
 *
 * <p>While the Sentry SDK is not initialised (or has been closed), {@link #isEnabled()} is
 * {@code false} and recorders skip all work.
 */
public final class SentrySink implements MetricSink {
  private static final SentrySink INSTANCE = new SentrySink();

  private SentrySink() {}

  /** The sink; it holds no state of its own, only the SDK's. */
  public static SentrySink instance() {
    return INSTANCE;
  }

  @Override
  public boolean isEnabled() {
    return Sentry.isEnabled();
  }

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    if (!Double.isFinite(value)) {
      // The SDK would write NaN or Infinity into JSON, which Sentry rejects together with every
      // data point batched with it: drop this one, and say so once.
      RecordingFailures.report("SentrySink", new IllegalArgumentException(
          "the value of " + metric.name() + " is " + value + ", which Sentry cannot take; dropped"));
      return;
    }
    SentryMetricsParameters parameters =
        SentryMetricsParameters.create(attributes.toSentryAttributes());
    IMetricsApi metrics = Sentry.metrics();
    switch (metric.type()) {
      case COUNTER -> metrics.count(metric.name(), value, metric.unit(), parameters);
      case DISTRIBUTION -> metrics.distribution(metric.name(), value, metric.unit(), parameters);
      case GAUGE -> metrics.gauge(metric.name(), value, metric.unit(), parameters);
    }
  }

  @Override
  public String toString() {
    return "SentrySink";
  }
}
