package dev.metered.example.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void picksTheValueAtTheNearestRank() {
    double[] oneToHundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

    assertThat(Percentiles.nearestRank(oneToHundred, 50)).isEqualTo(50.0);
    assertThat(Percentiles.nearestRank(oneToHundred, 95)).isEqualTo(95.0);
    assertThat(Percentiles.nearestRank(oneToHundred, 100)).isEqualTo(100.0);
    assertThat(Percentiles.nearestRank(oneToHundred, 0.5)).isEqualTo(1.0);
  }

  @Test
  void roundsTheRankUpForSmallSamples() {
    double[] sorted = {15, 20, 35, 40, 50};

    // ceil(0.5 * 5) = 3, ceil(0.95 * 5) = 5: recorded values, never interpolated.
    assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(35.0);
    assertThat(Percentiles.nearestRank(sorted, 95)).isEqualTo(50.0);
    assertThat(Percentiles.nearestRank(sorted, 30)).isEqualTo(20.0);
    assertThat(Percentiles.nearestRank(sorted, 40)).isEqualTo(20.0);
  }

  @Test
  void computesTheViewsFourPercentiles() {
    double[] oneToThousand = IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
    double[] twenty = IntStream.rangeClosed(1, 20).asDoubleStream().map(v -> v * 10).toArray();

    assertThat(Percentiles.nearestRank(oneToThousand, 90)).isEqualTo(900.0);
    assertThat(Percentiles.nearestRank(oneToThousand, 99)).isEqualTo(990.0);
    // ceil(0.9 * 20) = 18, ceil(0.99 * 20) = 20: with few values, p99 is the maximum.
    assertThat(Percentiles.nearestRank(twenty, 90)).isEqualTo(180.0);
    assertThat(Percentiles.nearestRank(twenty, 99)).isEqualTo(200.0);
  }

  @Test
  void computesTheRankWithoutFloatingPointDrift() {
    double[] oneToHundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

    // (7 / 100.0) * 100 is 7.000000000000001 in doubles; its ceiling would be rank 8.
    for (int percentile = 1; percentile <= 100; percentile++) {
      assertThat(Percentiles.nearestRank(oneToHundred, percentile))
          .as("p%d of 1..100", percentile)
          .isEqualTo(percentile);
    }
  }

  @Test
  void aSingleValueIsEveryPercentile() {
    assertThat(Percentiles.nearestRank(new double[] {12.5}, 50)).isEqualTo(12.5);
    assertThat(Percentiles.nearestRank(new double[] {12.5}, 95)).isEqualTo(12.5);
  }

  @Test
  void rejectsNoValuesAndPercentilesOutOfRange() {
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, 100.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.nearestRank(new double[] {1}, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
