package dev.metered.runtime;

import java.time.Duration;

/**
 * Where generated recorders send data points.
 *
 * <p>The default is {@link MeteredRuntime#defaultSink()}: a {@link DeliverySink} that applies
 * each metric's {@link DeliveryMode} and sends to Sentry through {@link SentrySink}. An
 * implementation should not throw; generated recorders catch what it throws all the same, so
 * that recording never fails the caller.
 */
public interface MetricSink {

  /**
   * Whether recording does anything now. Recorders ask first and skip all work, including
   * building attributes, while this is {@code false}.
   */
  default boolean isEnabled() {
    return true;
  }

  /**
   * Records one data point.
   *
   * @param metric the metric, with its name, type and unit
   * @param value the value, in the metric's unit (1 for a plain counter increment)
   * @param attributes the data point's attributes, in the schema's order
   */
  void record(Metric metric, double value, Attributes attributes);

  /**
   * Records one data point of a series. Generated recorders call this for attribute sets known
   * at compile time; a sink can use the series' prebuilt attributes and its position in its
   * {@link SeriesTable} instead of looking at the attributes. By default the same as
   * {@code record(series.metric(), value, series.attributes())}.
   */
  default void record(Series series, double value) {
    record(series.metric(), value, series.attributes());
  }

  /**
   * Records one data point of the series numbered {@code index} in {@code table}. Generated
   * recorders call this for metrics whose attributes all have closed value sets, computing the
   * number from enum ordinals and booleans. A family with one such metric and nothing else to
   * build calls it without asking {@link #isEnabled()} first, so this method must do nothing
   * while the sink is disabled. A sink can find what it keeps per series by the number;
   * {@link DeliverySink} reaches its aggregate that way. By default, while {@link #isEnabled()},
   * the same as {@code record(table.get(index), value)}.
   *
   * @throws IndexOutOfBoundsException when the table has no series numbered {@code index}
   */
  default void record(SeriesTable table, int index, double value) {
    if (isEnabled()) {
      record(table.get(index), value);
    }
  }

  /**
   * Sends what the sink holds back and waits at most {@code timeout} for it to leave. Does
   * nothing by default.
   */
  default void flush(Duration timeout) {}
}
