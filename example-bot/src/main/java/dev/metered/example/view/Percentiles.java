package dev.metered.example.view;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at
 * rank {@code ceil(p/100 * n)} (ranks from 1). Always one of the recorded values, never an
 * interpolation, so a p95 of durations is a duration that really happened; with few values, high
 * percentiles are the maximum (the p99 of 50 values is the 50th). The view computes p50, p90, p95
 * and p99 this way.
 */
public final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code percentile}-th percentile of {@code sorted}.
   *
   * @param sorted values in ascending order, at least one
   * @param percentile in {@code (0, 100]}
   * @return the value at the nearest rank
   * @throws IllegalArgumentException when there are no values or the percentile is out of range
   */
  public static double nearestRank(double[] sorted, double percentile) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
    }
    // percentile * n first: for whole percentiles that product is exact, and so is the division
    // when the rank is whole. (percentile / 100) * n is not: 0.07 * 100 is 7.000000000000001,
    // whose ceiling would skip a rank.
    int rank = (int) Math.ceil(percentile * sorted.length / 100.0);
    return sorted[Math.max(rank, 1) - 1];
  }
}
