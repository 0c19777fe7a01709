package dev.metered.example.view;

import dev.metered.runtime.MetricType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Statistics over a set of data points of one metric: all of them, or those that share the values
 * of its breakdown attributes (the main attribute, then for failures the {@code error_type}).
 *
 * <p>Every statistic is computed for every type; {@link MetricsTable} shows the ones that mean
 * something for the type: count, sum and rate for a counter, last, min and max for a gauge, all but
 * the last for a distribution.
 *
 * @param name the metric's name
 * @param type counter, distribution or gauge
 * @param unit the unit, or {@code null} when the metric has none
 * @param breakdown the {@code key=value}s these data points share, outermost first: empty for all
 *     data points of the metric, then the main attribute's, then the error type's
 * @param count how many data points
 * @param sum their sum (for a counter, the total count)
 * @param min the smallest value
 * @param max the largest value
 * @param avg the mean
 * @param last the value recorded last; empty for a metric's own row when it is broken down, as the
 *     last of several series' values means nothing
 * @param p50 the median, by nearest rank (see {@link Percentiles})
 * @param p90 the 90th percentile, by nearest rank
 * @param p95 the 95th percentile, by nearest rank
 * @param p99 the 99th percentile, by nearest rank
 */
public record MetricSummary(
    String name,
    MetricType type,
    String unit,
    List<String> breakdown,
    long count,
    double sum,
    double min,
    double max,
    double avg,
    OptionalDouble last,
    double p50,
    double p90,
    double p95,
    double p99) {

  /** Checks the fields. */
  public MetricSummary {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(last, "last");
    breakdown = List.copyOf(breakdown);
  }

  /**
   * Summarises data points.
   *
   * @param name the metric's name
   * @param type its type
   * @param unit its unit, or {@code null}
   * @param breakdown the shared attribute values, outermost first, or empty
   * @param values the data points' values, at least one, in the order they were recorded; not
   *     changed
   * @return the summary
   */
  public static MetricSummary of(
      String name, MetricType type, String unit, List<String> breakdown, double[] values) {
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
        breakdown,
        sorted.length,
        sum,
        sorted[0],
        sorted[sorted.length - 1],
        sum / sorted.length,
        OptionalDouble.of(values[values.length - 1]),
        Percentiles.nearestRank(sorted, 50),
        Percentiles.nearestRank(sorted, 90),
        Percentiles.nearestRank(sorted, 95),
        Percentiles.nearestRank(sorted, 99));
  }

  /**
   * This summary without a last value: for a metric's own row when its data points belong to
   * several series.
   *
   * @return the summary, its last value empty
   */
  public MetricSummary withoutLast() {
    return new MetricSummary(
        name, type, unit, breakdown, count, sum, min, max, avg, OptionalDouble.empty(), p50, p90,
        p95, p99);
  }

  /**
   * Whether this is the summary of all the metric's data points, not of a breakdown.
   *
   * @return {@code true} for the metric's own row
   */
  public boolean isWhole() {
    return breakdown.isEmpty();
  }
}
