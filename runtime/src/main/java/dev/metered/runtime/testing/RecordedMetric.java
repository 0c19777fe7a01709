package dev.metered.runtime.testing;

import dev.metered.runtime.Attributes;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricType;
import java.util.Map;

/**
 * One data point kept by {@link RecordingSink}.
 *
 * @param metric the metric recorded
 * @param value the recorded value
 * @param attributes the data point's attributes
 */
public record RecordedMetric(Metric metric, double value, Attributes attributes) {

  /** The metric's name. */
  public String name() {
    return metric.name();
  }

  /** The metric's type. */
  public MetricType type() {
    return metric.type();
  }

  /** The attributes as keys mapped to plain values. */
  public Map<String, Object> attributeMap() {
    return attributes.asMap();
  }
}
