package dev.metered.runtime;

import dev.metered.runtime.internal.RecordingFailures;
import io.sentry.IScopes;
import io.sentry.Sentry;
import io.sentry.metrics.IMetricsApi;
import io.sentry.metrics.SentryMetricsParameters;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends each data point to Sentry through {@code Sentry.metrics()}: one Sentry data point per
 * call, as {@link DeliveryMode#EVENT} means. {@link DeliverySink} sits in front of it to
 * aggregate and sample.
 *
 * <p>While the Sentry SDK is not initialised (no DSN, or closed), or the user turned its metrics
 * off ({@code options.getMetrics().setEnabled(false)}, which the SDK itself ignores in 8.62.0
 * and 8.63.0: {@link SentrySdk#metricsSwitchOn}), {@link #isEnabled()} is {@code false} and
 * recorders skip all work. Data points of a {@link SeriesTable}'s series reuse the Sentry
 * parameters built the first time, so sending them builds no attribute map.
 *
 * <p>It needs io.sentry:sentry {@value SentrySdk#MINIMUM_VERSION} or later. With an older SDK, or
 * none, it is never enabled, so recording does nothing, and says so once in the log the first
 * time it is asked: the SDK is checked once ({@link SentrySdk}), not per call.
 */
public final class SentrySink implements MetricSink {
  private static final SentrySink INSTANCE = new SentrySink(null);

  // null: whatever Sentry's current scopes are at each call.
  private final IScopes scopes;

  private SentrySink(IScopes scopes) {
    this.scopes = scopes;
  }

  /** The sink that sends through the current Sentry scopes; it holds no state of its own. */
  public static SentrySink instance() {
    return INSTANCE;
  }

  /** Whether the Sentry SDK on the class path has everything the runtime calls; checked once. */
  static boolean isSdkUsable() {
    return Sdk.USABLE;
  }

  // Initialised on first use, so that only a process that uses Sentry checks it.
  private static final class Sdk {
    static final String PROBLEM = SentrySdk.problem();
    static final boolean USABLE = PROBLEM == null;
    // Warned when something first records to Sentry, not when a default merely names it.
    static final AtomicBoolean WARNED = new AtomicBoolean();
  }

  /**
   * A sink bound to {@code scopes}: it keeps sending through them while Sentry closes, after
   * {@code Sentry.close()} has already replaced the current scopes with no-ops.
   */
  static SentrySink boundTo(IScopes scopes) {
    return new SentrySink(Objects.requireNonNull(scopes, "scopes"));
  }

  @Override
  public boolean isEnabled() {
    if (!Sdk.USABLE) {
      if (Sdk.WARNED.compareAndSet(false, true)) {
        SentrySdk.warn(Sdk.PROBLEM);
      }
      return false;
    }
    IScopes current = scopes == null ? Sentry.getCurrentScopes() : scopes;
    return current.isEnabled() && SentrySdk.metricsSwitchOn(current.getOptions());
  }

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    record(Series.of(metric, attributes), value);
  }

  /** The table's series, whose Sentry parameters are built the first time and then kept. */
  @Override
  public void record(SeriesTable table, int index, double value) {
    if (isEnabled()) {
      record(table.get(index), value);
    }
  }

  /**
   * Sends one data point of {@code series}, with the Sentry parameters the series keeps; the
   * call {@link DeliverySink} makes when Sentry is its exporter.
   */
  void record(Series series, double value) {
    Metric metric = series.metric();
    if (!Sdk.USABLE || !isFinite(metric, value)) {
      return;
    }
    // The SDK call is made here rather than in a helper: the event path from a generated
    // recorder down into the SDK is already deep, and one more frame put an SDK object beyond
    // the JIT's inlining depth (MaxInlineLevel), where escape analysis can no longer remove it:
    // 16 more bytes per call than the same call by hand (docs/benchmarks.md).
    IMetricsApi metrics = scopes == null ? Sentry.metrics() : scopes.metrics();
    SentryMetricsParameters parameters = series.sentryParameters();
    switch (metric.type()) {
      case COUNTER -> metrics.count(metric.name(), value, metric.unit(), parameters);
      case DISTRIBUTION -> metrics.distribution(metric.name(), value, metric.unit(), parameters);
      case GAUGE -> metrics.gauge(metric.name(), value, metric.unit(), parameters);
    }
  }

  /** Flushes the SDK: its queued data points leave, waiting at most {@code timeout}. */
  @Override
  public void flush(Duration timeout) {
    if (!Sdk.USABLE) {
      return;
    }
    if (scopes == null) {
      Sentry.flush(timeout.toMillis());
    } else {
      scopes.flush(timeout.toMillis());
    }
  }

  private static boolean isFinite(Metric metric, double value) {
    if (Double.isFinite(value)) {
      return true;
    }
    // The SDK would write NaN or Infinity into JSON, which Sentry rejects together with every
    // data point batched with it: drop this one, and say so once.
    RecordingFailures.report("SentrySink", new IllegalArgumentException(
        "the value of " + metric.name() + " is " + value + ", which Sentry cannot take; dropped"));
    return false;
  }

  @Override
  public String toString() {
    return scopes == null ? "SentrySink" : "SentrySink[" + scopes + "]";
  }
}
