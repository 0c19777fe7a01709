package dev.metered.example.view;

import dev.metered.runtime.Attribute;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.SeriesTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MetricSink} that keeps every data point's value in memory, per metric and per value of
 * the metric's main attribute, and hands each data point on to the sink that was installed before
 * it (Sentry's, in the bot).
 *
 * <p>Installed as the global sink, it lets the bot show what it recorded whether or not Sentry is
 * configured: the table is computed from exactly the data points the runtime produced, and, with a
 * DSN, Sentry receives the same ones. A data point is handed on while the next sink is enabled, as
 * a recorder would; {@link #forwardedCount()} counts those, which is what went to Sentry.
 *
 * <p>The main attribute of a data point is its first attribute: schemas list a family's identity
 * first ({@code command}, {@code operation}, {@code service}, {@code cog}, {@code cache}, {@code
 * task}), so that is the breakdown Sentry's metrics view would be grouped by first. A metric whose
 * every data point has an {@code error_type} (a failure counter) is broken down by it as well,
 * under each main attribute value, so that failures of different kinds can be told apart.
 *
 * <p>It is always enabled, so recorders always do their work; that is the point of a view, and the
 * cost is fine for an example. Thread-safe.
 */
public final class MetricsView implements MetricSink {
  private static final String ERROR_TYPE = "error_type";

  private final MetricSink next;
  private final Map<String, Series> series = new ConcurrentHashMap<>();
  private final AtomicLong forwarded = new AtomicLong();

  /**
   * @param next where each data point also goes while it is enabled: the sink installed before this
   *     one, for example {@code MeteredRuntime.defaultSink()}
   */
  public MetricsView(MetricSink next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    keep(metric, value, attributes);
    if (next.isEnabled()) {
      next.record(metric, value, attributes);
      forwarded.incrementAndGet();
    }
  }

  /** Keeps the value, and hands on the table and number, so the next sink can use the number. */
  @Override
  public void record(SeriesTable table, int index, double value) {
    keep(table.metric(), value, table.get(index).attributes());
    if (next.isEnabled()) {
      next.record(table, index, value);
      forwarded.incrementAndGet();
    }
  }

  private void keep(Metric metric, double value, Attributes attributes) {
    series
        .computeIfAbsent(metric.name(), name -> new Series(metric))
        .add(metric, value, mainAttribute(attributes), errorType(attributes));
  }

  private static String mainAttribute(Attributes attributes) {
    return attributes.size() == 0 ? null : label(attributes.get(0));
  }

  private static String errorType(Attributes attributes) {
    Attribute errorType = attributes.get(ERROR_TYPE);
    // When error_type is the main attribute, it is the breakdown already.
    return errorType == null || attributes.get(0).key().equals(ERROR_TYPE)
        ? null
        : label(errorType);
  }

  private static String label(Attribute attribute) {
    return attribute.key() + "=" + attribute.value();
  }

  /**
   * A summary per metric recorded so far, by name, each followed by one per value of its main
   * attribute, by value.
   *
   * @return the summaries
   */
  public List<MetricSummary> summaries() {
    List<Series> sorted = new ArrayList<>(series.values());
    sorted.sort(Comparator.comparing(one -> one.metric.name()));
    List<MetricSummary> summaries = new ArrayList<>();
    for (Series one : sorted) {
      one.summarise(summaries);
    }
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

  /**
   * How many data points were handed to the next sink, which was enabled at the time: with Sentry
   * as the next sink, how many went to the Sentry SDK.
   *
   * @return the count
   */
  public long forwardedCount() {
    return forwarded.get();
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    series.clear();
    forwarded.set(0);
  }

  @Override
  public String toString() {
    return "MetricsView -> " + next;
  }

  /** The values of one metric, all together, by main attribute value, and by error type. */
  private static final class Series {
    private final Metric metric;
    private final Values all = new Values();
    private final Map<String, Values> byMainAttribute = new TreeMap<>();
    private final Map<String, Map<String, Values>> byErrorType = new TreeMap<>();
    private boolean everyPointHasAnErrorType = true;

    Series(Metric metric) {
      this.metric = metric;
    }

    synchronized void add(Metric recorded, double value, String mainAttribute, String errorType) {
      if (!recorded.equals(metric)) {
        // One name, two definitions: Sentry would merge them into one confusing series.
        throw new IllegalStateException("metric " + metric + " also recorded as " + recorded);
      }
      all.add(value);
      everyPointHasAnErrorType &= errorType != null;
      if (mainAttribute != null) {
        byMainAttribute.computeIfAbsent(mainAttribute, key -> new Values()).add(value);
        if (errorType != null) {
          byErrorType
              .computeIfAbsent(mainAttribute, key -> new TreeMap<>())
              .computeIfAbsent(errorType, key -> new Values())
              .add(value);
        }
      }
    }

    synchronized int size() {
      return all.size;
    }

    synchronized void summarise(List<MetricSummary> into) {
      MetricSummary whole = summary(List.of(), all);
      into.add(byMainAttribute.isEmpty() ? whole : whole.withoutLast());
      byMainAttribute.forEach(
          (group, values) -> {
            into.add(summary(List.of(group), values));
            if (everyPointHasAnErrorType) {
              byErrorType
                  .getOrDefault(group, Map.of())
                  .forEach((errorType, ofType) -> into.add(summary(List.of(group, errorType), ofType)));
            }
          });
    }

    private MetricSummary summary(List<String> breakdown, Values values) {
      return MetricSummary.of(
          metric.name(), metric.type(), metric.unit(), breakdown, values.toArray());
    }
  }

  /** A growable array of values: a session records thousands. */
  private static final class Values {
    private double[] values = new double[16];
    private int size;

    void add(double value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    double[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
