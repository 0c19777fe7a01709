package dev.metered.runtime;

/**
 * Where generated recorders send data points.
 *
 * <p>The default is {@link SentrySink}, reached through {@link MeteredRuntime#globalSink()}.
 * An implementation should not throw; generated recorders catch what it throws all the same,
 * so that recording never fails the caller.
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
}
