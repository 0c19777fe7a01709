package dev.metered.runtime;

import dev.metered.runtime.internal.Dimension;
import java.util.Objects;

/**
 * Every series of one metric that carries only attributes with closed value sets (enums,
 * booleans), numbered by the attributes' {@link Dimension} indexes in mixed radix, the first
 * dimension most significant: with dimensions of sizes {@code n0, n1, n2}, the series of indexes
 * {@code i0, i1, i2} is number {@code (i0 * n1 + i1) * n2 + i2}. Generated recorders compute
 * that number with plain arithmetic from enum ordinals and booleans and record with
 * {@link MetricSink#record(SeriesTable, int, double)}, so a call finds its series, and its
 * aggregate, without hashing anything. A metric that also has optional strings or numbers uses
 * its table while they are absent.
 *
 * <p>A sink reads the table: its {@link #metric()}, and with {@link #get(int)} the attributes of
 * the series a number names. Each {@link Series} is built on first use and then kept;
 * thread-safe.
 */
public final class SeriesTable {
  /**
   * The most series one table holds; generated recorders record a metric with more combinations
   * of closed attributes through {@link MetricSink#record(Metric, double, Attributes)} instead.
   * The same as the lint's default series budget.
   */
  public static final int MAX_SIZE = 10_000;

  private final Metric metric;
  private final Dimension[] dimensions;
  private final Series[] series;
  // The aggregates of the DeliverySink that always aggregates this metric, for its fast path.
  // Owned by one sink at a time (the last that bound them): a table is a constant of generated
  // code, and recorders may record into several sinks over a process' life.
  private volatile TableAggregates aggregates;

  /**
   * A table of every combination of {@code dimensions}, in the order of the metric's attributes.
   * Generated recorders make one per metric whose data points can be numbered: no string or
   * number attribute that is always present, and at most {@link #MAX_SIZE} combinations of the
   * closed ones. A sink only reads a table.
   *
   * @throws IllegalArgumentException when there are more than {@link #MAX_SIZE} combinations
   */
  public SeriesTable(Metric metric, Dimension... dimensions) {
    this.metric = Objects.requireNonNull(metric, "metric");
    this.dimensions = dimensions.clone();
    long size = 1;
    for (Dimension dimension : this.dimensions) {
      size *= dimension.size();
      if (size > MAX_SIZE) {
        throw new IllegalArgumentException(
            metric.name() + " has more than " + MAX_SIZE + " attribute combinations");
      }
    }
    this.series = new Series[(int) size];
  }

  /** The metric. */
  public Metric metric() {
    return metric;
  }

  /** How many series the table holds. */
  public int size() {
    return series.length;
  }

  /**
   * The series numbered {@code index}: its metric and its attributes.
   *
   * @throws IndexOutOfBoundsException when there is no such series
   */
  public Series get(int index) {
    Series existing = series[index];
    if (existing != null) {
      return existing;
    }
    // Racing threads may each build one; they are equal, and the last one written stays.
    Series built = Series.inTable(this, index, attributesOf(index));
    series[index] = built;
    return built;
  }

  TableAggregates aggregates() {
    return aggregates;
  }

  void bind(TableAggregates aggregates) {
    this.aggregates = aggregates;
  }

  private Attributes attributesOf(int index) {
    Attribute[] attributes = new Attribute[dimensions.length];
    int rest = index;
    for (int i = dimensions.length - 1; i >= 0; i--) {
      Dimension dimension = dimensions[i];
      attributes[i] = dimension.attribute(rest % dimension.size());
      rest /= dimension.size();
    }
    return Attributes.of(attributes);
  }

  @Override
  public String toString() {
    return "SeriesTable[" + metric.name() + ", " + series.length + " series]";
  }
}
