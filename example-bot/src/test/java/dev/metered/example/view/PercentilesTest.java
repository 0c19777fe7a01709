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
