package dev.metered.runtime;

import java.time.Duration;

/**
 * Where generated recorders send data points: the interface a sink implements, as
 * {@link dev.metered.runtime.testing.RecordingSink} does, or an exporter given to
 * {@link MeteredOptions.Builder#exporter(MetricSink)}.
 *
 * <p>Generated recorders make two calls. A data point whose attributes all have closed value
 * sets (enums, booleans) goes to {@link #record(SeriesTable, int, double)}, named by its number
 * in its metric's {@link SeriesTable}; one that carries attributes built for the call (strings,
 * numbers) goes to {@link #record(Metric, double, Attributes)}. A sink implements the second;
 * the first, by default, looks the series' attributes up in the table and makes the second, and
 * a sink that keeps something per series overrides it to find that by the number, as
 * {@link DeliverySink} does to reach its aggregate. A {@link DeliverySink} hands an exporter of
 * yours each data point it sends, aggregated or not, through
 * {@link #record(Metric, double, Attributes)}.
 *
 * <p>The default sink is {@link MeteredRuntime#defaultSink()}: a {@link DeliverySink} that
 * applies each metric's {@link DeliveryMode} and sends to Sentry through {@link SentrySink}. An
 * implementation should not throw; generated recorders catch what it throws all the same, so
 * that recording never fails the caller.
 */
public interface MetricSink {

  /**
   * Whether recording does anything now. While it is {@code false}, recorders skip all work,
   * including building attributes: they ask first, except for a call that builds nothing and
   * makes one {@link #record(SeriesTable, int, double)}, which a disabled sink ignores.
   */
  default boolean isEnabled() {
    return true;
  }

  /**
   * Records one data point with the attributes it carries. Generated recorders call this for a
   * data point with a string or number attribute, or of a metric with more attribute
   * combinations than a {@link SeriesTable} holds; by default
   * {@link #record(SeriesTable, int, double)} calls it for the rest.
   *
   * @param metric the metric, with its name, type and unit
   * @param value the value, in the metric's unit (1 for a plain counter increment)
   * @param attributes the data point's attributes, in the schema's order
   */
  void record(Metric metric, double value, Attributes attributes);

  /**
   * Records one data point of the series numbered {@code index} in {@code table}. Generated
   * recorders call this for a data point whose attributes all have closed value sets, computing
   * the number from enum ordinals and booleans. A family with one such metric and nothing else to
   * build calls it without asking {@link #isEnabled()} first, so this method must do nothing while
   * the sink is disabled. A sink can find what it keeps per series by the number, and the series'
   * attributes in {@code table.get(index)}; {@link DeliverySink} reaches its aggregate that way,
   * with no lookup and no allocation. By default, while {@link #isEnabled()}, the same as
   * {@code record(table.metric(), value, table.get(index).attributes())}.
   *
   * @throws IndexOutOfBoundsException when the table has no series numbered {@code index}
   */
  default void record(SeriesTable table, int index, double value) {
    if (isEnabled()) {
      record(table.metric(), value, table.get(index).attributes());
    }
  }

  /**
   * Sends what the sink holds back and waits at most {@code timeout} for it to leave. Does
   * nothing by default.
   */
  default void flush(Duration timeout) {}
}
