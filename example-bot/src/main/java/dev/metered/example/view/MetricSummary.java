package dev.metered.example.view;

import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricType;
import java.util.Arrays;
import java.util.Objects;

/**
 * What was recorded for one metric: its type and unit, and statistics over its data points.
 *
 * @param name the metric's name
 * @param type counter, distribution or gauge
 * @param unit the unit, or {@code null} when the metric has none
 * @param count how many data points
 * @param sum their sum (for a counter, the total count)
 * @param min the smallest value
 * @param max the largest value
 * @param avg the mean
 * @param p50 the median, by nearest rank
 * @param p95 the 95th percentile, by nearest rank
 */
public record MetricSummary(
    String name,
    MetricType type,
    String unit,
    long count,
    double sum,
    double min,
    double max,
    double avg,
    double p50,
    double p95) {

  /**
   * Summarises the data points of one metric.
   *
   * @param metric the metric
   * @param values its data points' values, at least one, in any order
   * @return the summary
   */
  public static MetricSummary of(Metric metric, double[] values) {
    Objects.requireNonNull(metric, "metric");
    if (values.length == 0) {
      throw new IllegalArgumentException("no data points for " + metric.name());
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double value : sorted) {
      sum += value;
    }
    return new MetricSummary(
        metric.name(),
        metric.type(),
        metric.unit(),
        sorted.length,
        sum,
        sorted[0],
        sorted[sorted.length - 1],
        sum / sorted.length,
        Percentiles.nearestRank(sorted, 50),
        Percentiles.nearestRank(sorted, 95));
  }
}
