package dev.metered.runtime;

import io.sentry.metrics.SentryMetricsParameters;
import java.util.Objects;

/**
 * One metric with one set of attribute values: what aggregation sums and what Sentry shows as
 * one line of a metric grouped by its attributes.
 *
 * <p>Series of attribute sets known at compile time live in a {@link SeriesTable} and are built
 * once, so recording into them allocates nothing; {@link #of(Metric, Attributes)} makes one for
 * values without a closed set (strings, numbers). Immutable, apart from the Sentry parameters a
 * {@link SentrySink} builds once and keeps here.
 */
public final class Series {
  private final Metric metric;
  private final int index;
  private final int tableSize;
  private final Attributes attributes;
  // Built on first use by SentrySink; the SDK only reads it. A race builds it twice, harmlessly.
  private SentryMetricsParameters sentryParameters;
  // The aggregation cell of the DeliverySink that last aggregated this series, so that the sink
  // finds it with one field read. Tagged with its sink: a series is a constant of generated code
  // and may be recorded into several sinks. Immutable, so a racy read sees it whole or not at all.
  private CellBinding cellBinding;

  Series(Metric metric, int index, int tableSize, Attributes attributes) {
    this.metric = Objects.requireNonNull(metric, "metric");
    this.index = index;
    this.tableSize = tableSize;
    this.attributes = Objects.requireNonNull(attributes, "attributes");
  }

  /** A series outside any table, for attribute values that have no closed set. */
  public static Series of(Metric metric, Attributes attributes) {
    return new Series(metric, -1, 0, attributes);
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
  public int index() {
    return index;
  }

  /** The size of its {@link SeriesTable}, or {@code 0} for a series made by {@link #of}. */
  public int tableSize() {
    return tableSize;
  }

  SentryMetricsParameters sentryParameters() {
    SentryMetricsParameters parameters = sentryParameters;
    if (parameters == null) {
      parameters = SentryMetricsParameters.create(attributes.toSentryAttributes());
      sentryParameters = parameters;
    }
    return parameters;
  }

  CellBinding cellBinding() {
    return cellBinding;
  }

  void bind(CellBinding binding) {
    this.cellBinding = binding;
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
