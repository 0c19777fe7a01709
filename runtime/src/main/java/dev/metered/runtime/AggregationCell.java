package dev.metered.runtime;

/**
 * What aggregation keeps for one series outside a {@link SeriesTable} during one flush interval:
 * a counter's sum, or a gauge's last value, in one {@linkplain SealableSlots sealable slot}.
 * Adding is lock-free and allocates nothing. A flush {@link #retire() retires} the cell, sealing
 * it as it takes what it kept: an add that comes later is refused, and its caller adds to a
 * fresh cell while the sink is open (or counts the value as dropped once it has closed), so a
 * value added concurrently with a flush goes into this flush, the next, or the dropped count,
 * never nowhere.
 *
 * <p>A sum is one compare-and-set slot rather than a {@code DoubleAdder}, whose cells cannot be
 * sealed: threads adding to the same series of string or number attributes at once contend on
 * it (these series are built and hashed per call anyway).
 */
abstract sealed class AggregationCell {
  final Series series;
  final long[] slot;

  private AggregationCell(Series series, long empty) {
    this.series = series;
    this.slot = new long[] {empty};
  }

  /** A cell for {@code series}; a counter's parts beyond {@code Double.MAX_VALUE} go to {@code parts}. */
  static AggregationCell of(Series series, SumParts parts) {
    return series.metric().type() == MetricType.GAUGE ? new LastValue(series) : new Sum(series, parts);
  }

  /** Adds a finite value; {@code false}, adding nothing, once a flush or the close retired the cell. */
  abstract boolean add(double value);

  /**
   * What was kept, or {@code NaN} when there is nothing to send; the cell is sealed and takes
   * nothing more.
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
      return parts.settle(SealableSlots.add(slot, 0, value), series);
    }

    @Override
    double retire() {
      double total = Double.longBitsToDouble(SealableSlots.seal(slot, 0, 0L));
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
      return SealableSlots.set(slot, 0, value);
    }

    @Override
    double retire() {
      return Double.longBitsToDouble(SealableSlots.seal(slot, 0, NOTHING));
    }
  }
}
