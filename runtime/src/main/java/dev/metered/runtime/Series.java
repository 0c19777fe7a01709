package dev.metered.runtime;

import io.sentry.metrics.SentryMetricsParameters;
import java.util.Objects;

/**
 * One metric with one set of attribute values: what aggregation sums and what Sentry shows as
 * one line of a metric grouped by its attributes.
 *
 * <p>A sink meets series in a {@link SeriesTable}: {@code table.get(index)} is the series of a
 * data point recorded by number ({@link MetricSink#record(SeriesTable, int, double)}), built
 * once and then kept, so recording into it allocates nothing. Immutable to its readers; the
 * {@link SentrySink} keeps here the Sentry parameters it builds from it the first time, so that
 * sending it again builds none.
 */
public final class Series {
  private final Metric metric;
  private final SeriesTable table;
  private final int index;
  private final Attributes attributes;
  // Built on first use by SentrySink; the SDK only reads it. A race builds it twice, harmlessly.
  private SentryMetricsParameters sentryParameters;

  private Series(Metric metric, SeriesTable table, int index, Attributes attributes) {
    this.metric = Objects.requireNonNull(metric, "metric");
    this.table = table;
    this.index = index;
    this.attributes = Objects.requireNonNull(attributes, "attributes");
  }

  /** The series numbered {@code index} in {@code table}. */
  static Series inTable(SeriesTable table, int index, Attributes attributes) {
    return new Series(table.metric(), table, index, attributes);
  }

  /**
   * A series outside any table, for attribute values that have no closed set: what
   * {@link DeliverySink} makes of a data point recorded with its attributes.
   */
  static Series of(Metric metric, Attributes attributes) {
    return new Series(metric, null, -1, attributes);
  }

  /** The metric. */
  public Metric metric() {
    return metric;
  }

  /** The attributes every data point of this series carries. */
  public Attributes attributes() {
    return attributes;
  }

  /** The position in its {@link SeriesTable}, or {@code -1} for a series made by {@link #of}. */
  int index() {
    return index;
  }

  /** The table the series belongs to, or {@code null} for a series made by {@link #of}. */
  SeriesTable table() {
    return table;
  }

  SentryMetricsParameters sentryParameters() {
    SentryMetricsParameters parameters = sentryParameters;
    if (parameters == null) {
      parameters = SentryMetricsParameters.create(attributes.toSentryAttributes());
      sentryParameters = parameters;
    }
    return parameters;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Series that && metric.equals(that.metric) && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return 31 * metric.hashCode() + attributes.hashCode();
  }

  @Override
  public String toString() {
    return metric.name() + attributes;
  }
}
