package dev.metered.example.view;

import dev.metered.runtime.Attributes;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MetricSink} that keeps every data point's value in memory, per metric, and forwards each
 * data point to another sink (Sentry, in the bot) while that sink is enabled.
 *
 * <p>Installed as the global sink, it lets the bot show what it recorded whether or not Sentry is
 * configured: the table is computed from exactly the data points the runtime produced, and, with a
 * DSN, Sentry receives the same ones.
 *
 * <p>It is always enabled, so recorders always do their work; that is the point of a view, and the
 * cost is fine for an example. Thread-safe.
 */
public final class MetricsView implements MetricSink {
  private final MetricSink forwardTo;
  private final Map<String, Series> series = new ConcurrentHashMap<>();

  /**
   * @param forwardTo where each data point also goes while it is enabled, for example {@code
   *     SentrySink.instance()}
   */
  public MetricsView(MetricSink forwardTo) {
    this.forwardTo = Objects.requireNonNull(forwardTo, "forwardTo");
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    series.computeIfAbsent(metric.name(), name -> new Series(metric)).add(metric, value);
    if (forwardTo.isEnabled()) {
      forwardTo.record(metric, value, attributes);
    }
  }

  /**
   * A summary per metric recorded so far, by name.
   *
   * @return the summaries
   */
  public List<MetricSummary> summaries() {
    List<MetricSummary> summaries = new ArrayList<>();
    for (Series one : series.values()) {
      summaries.add(one.summary());
    }
    summaries.sort(Comparator.comparing(MetricSummary::name));
    return summaries;
  }

  /**
   * How many data points were recorded, over all metrics.
   *
   * @return the count
   */
  public long dataPointCount() {
    long count = 0;
    for (Series one : series.values()) {
      count += one.size();
    }
    return count;
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    series.clear();
  }

  @Override
  public String toString() {
    return "MetricsView -> " + forwardTo;
  }

  /** The values of one metric; a growable array, since a session records thousands. */
  private static final class Series {
    private final Metric metric;
    private double[] values = new double[64];
    private int size;

    Series(Metric metric) {
      this.metric = metric;
    }

    synchronized void add(Metric recorded, double value) {
      if (!recorded.equals(metric)) {
        // One name, two definitions: Sentry would merge them into one confusing series.
        throw new IllegalStateException("metric " + metric + " also recorded as " + recorded);
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    synchronized int size() {
      return size;
    }

    synchronized MetricSummary summary() {
      return MetricSummary.of(metric, Arrays.copyOf(values, size));
    }
  }
}
