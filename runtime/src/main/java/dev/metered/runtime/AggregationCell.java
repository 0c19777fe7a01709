package dev.metered.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What aggregation keeps for one series between flushes: a counter's sum, or a gauge's last
 * value. Adding is lock-free and allocates nothing; {@link #take()} hands over what was kept
 * and starts afresh atomically, so a value added concurrently with a flush goes into this flush
 * or the next, never nowhere.
 */
abstract sealed class AggregationCell {
  final Series series;

  private AggregationCell(Series series) {
    this.series = series;
  }

  static AggregationCell of(Series series) {
    return series.metric().type() == MetricType.GAUGE ? new LastValue(series) : new Sum(series);
  }

  /** Adds a finite value. */
  abstract void add(double value);

  /** What was kept since the last call, or {@code NaN} when there is nothing to send. */
  abstract double take();

  /** A counter: the values summed (exactly, for whole numbers up to 2^53). */
  static final class Sum extends AggregationCell {
    private final DoubleAdder sum = new DoubleAdder();

    Sum(Series series) {
      super(series);
    }

    @Override
    void add(double value) {
      sum.add(value);
    }

    @Override
    double take() {
      // DoubleAdder.sumThenReset swaps each of its cells out atomically (getAndSet).
      double total = sum.sumThenReset();
      return total == 0.0 ? Double.NaN : total;
    }
  }

  /** A gauge: the last value set. */
  static final class LastValue extends AggregationCell {
    // Values are finite, so a NaN pattern can mean "nothing since the last flush".
    private static final long NOTHING = Double.doubleToRawLongBits(Double.NaN);
    private final AtomicLong bits = new AtomicLong(NOTHING);

    LastValue(Series series) {
      super(series);
    }

    @Override
    void add(double value) {
      bits.set(Double.doubleToRawLongBits(value));
    }

    @Override
    double take() {
      return Double.longBitsToDouble(bits.getAndSet(NOTHING));
    }
  }
}
