package dev.metered.example.view;

import dev.metered.runtime.MetricType;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Statistics over a set of data points of one metric: all of them, or those with one value of the
 * metric's main attribute.
 *
 * @param name the metric's name
 * @param type counter, distribution or gauge
 * @param unit the unit, or {@code null} when the metric has none
 * @param group the main attribute's {@code key=value} these data points share, or empty for all
 *     data points of the metric
 * @param count how many data points
 * @param sum their sum (for a counter, the total count)
 * @param min the smallest value
 * @param max the largest value
 * @param avg the mean
 * @param p50 the median, by nearest rank (see {@link Percentiles})
 * @param p90 the 90th percentile, by nearest rank
 * @param p95 the 95th percentile, by nearest rank
 * @param p99 the 99th percentile, by nearest rank
 */
public record MetricSummary(
    String name,
    MetricType type,
    String unit,
    Optional<String> group,
    long count,
    double sum,
    double min,
    double max,
    double avg,
    double p50,
    double p90,
    double p95,
    double p99) {

  /** Checks the fields. */
  public MetricSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(group, "group");
  }

  /**
   * Summarises data points.
   *
   * @param name the metric's name
   * @param type its type
   * @param unit its unit, or {@code null}
   * @param group the shared main attribute value, or empty
   * @param values the data points' values, at least one, in any order; not changed
   * @return the summary
   */
  public static MetricSummary of(
      String name, MetricType type, String unit, Optional<String> group, double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no data points for " + name);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double value : sorted) {
      sum += value;
    }
    return new MetricSummary(
        name,
        type,
        unit,
        group,
        sorted.length,
        sum,
        sorted[0],
        sorted[sorted.length - 1],
        sum / sorted.length,
        Percentiles.nearestRank(sorted, 50),
        Percentiles.nearestRank(sorted, 90),
        Percentiles.nearestRank(sorted, 95),
        Percentiles.nearestRank(sorted, 99));
  }
}
