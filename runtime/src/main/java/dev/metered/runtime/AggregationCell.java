package dev.metered.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What aggregation keeps for one series outside a {@link SeriesTable} during one flush interval:
 * a counter's sum, or a gauge's last value, as double bits in one atomic long. Adding is
 * lock-free and allocates nothing. A flush {@link #retire() retires} the cell, taking what it
 * kept atomically: an add that comes later finds the cell retired and goes into a fresh cell,
 * so a value added concurrently with a flush goes into this flush or the next, never nowhere.
 */
abstract sealed class AggregationCell {
  /** A NaN pattern that no finite sum or value has, and not {@code Double.NaN}'s. */
  static final long RETIRED = 0x7ff8_0000_0000_0001L;

  final Series series;
  final AtomicLong bits;

  private AggregationCell(Series series, long initial) {
    this.series = series;
    this.bits = new AtomicLong(initial);
  }

  /** A cell for {@code series}; a counter's parts beyond {@code Double.MAX_VALUE} go to {@code parts}. */
  static AggregationCell of(Series series, SumParts parts) {
    return series.metric().type() == MetricType.GAUGE ? new LastValue(series) : new Sum(series, parts);
  }

  /** Adds a finite value; {@code false}, adding nothing, when a flush has retired the cell. */
  abstract boolean add(double value);

  /**
   * What was kept, or {@code NaN} when there is nothing to send; the cell takes nothing more.
   */
  abstract double retire();

  /** A counter: the values summed, exactly for whole numbers up to 2^53. */
  static final class Sum extends AggregationCell {
    private final SumParts parts;

    Sum(Series series, SumParts parts) {
      super(series, 0L); // the bits of +0.0
      this.parts = parts;
    }

    @Override
    boolean add(double value) {
      while (true) {
        long current = bits.get();
        if (current == RETIRED) {
          return false;
        }
        double sum = Double.longBitsToDouble(current) + value;
        if (Double.isInfinite(sum)) {
          // Beyond Double.MAX_VALUE: the sum so far leaves as a part of its own, the value starts anew.
          if (bits.compareAndSet(current, Double.doubleToRawLongBits(value))) {
            parts.add(series, Double.longBitsToDouble(current));
            return true;
          }
        } else if (bits.compareAndSet(current, Double.doubleToRawLongBits(sum))) {
          return true;
        }
      }
    }

    @Override
    double retire() {
      double total = Double.longBitsToDouble(bits.getAndSet(RETIRED));
      return total == 0.0 ? Double.NaN : total;
    }
  }

  /** A gauge: the last value set. */
  static final class LastValue extends AggregationCell {
    // Values are finite, so a NaN pattern can mean "nothing since the last flush".
    private static final long NOTHING = Double.doubleToRawLongBits(Double.NaN);

    LastValue(Series series) {
      super(series, NOTHING);
    }

    @Override
    boolean add(double value) {
      long current;
      do {
        current = bits.get();
        if (current == RETIRED) {
          return false;
        }
      } while (!bits.compareAndSet(current, Double.doubleToRawLongBits(value)));
      return true;
    }

    @Override
    double retire() {
      long taken = bits.getAndSet(RETIRED);
      return taken == RETIRED ? Double.NaN : Double.longBitsToDouble(taken);
    }
  }
}
