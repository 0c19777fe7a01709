package dev.metered.runtime;

/**
 * What aggregation keeps for one series between flushes: a counter's sum, or a gauge's last
 * value, in one {@linkplain SealableSlots sealable slot}. Adding is lock-free and allocates
 * nothing; {@link #take()} hands over what was kept and starts afresh atomically, so a value
 * added concurrently with a flush goes into this flush or the next, never nowhere; after
 * {@link #seal()}, into none, and the adder is told so.
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

  static AggregationCell of(Series series) {
    return series.metric().type() == MetricType.GAUGE ? new LastValue(series) : new Sum(series);
  }

  /** Adds a finite value; false, adding nothing, once sealed. */
  abstract boolean add(double value);

  /** What was kept since the last call, or {@code NaN} when there is nothing to send. */
  abstract double take();

  /** What was kept, as {@link #take()}, and refuses every later add. */
  abstract double seal();

  /** A counter: the values summed (exactly, for whole numbers up to 2^53). */
  static final class Sum extends AggregationCell {
    Sum(Series series) {
      super(series, 0L);
    }

    @Override
    boolean add(double value) {
      return SealableSlots.add(slot, 0, value);
    }

    @Override
    double take() {
      return nonZero(Double.longBitsToDouble(SealableSlots.take(slot, 0, 0L)));
    }

    @Override
    double seal() {
      return nonZero(Double.longBitsToDouble(SealableSlots.seal(slot, 0, 0L)));
    }

    private static double nonZero(double total) {
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
    double take() {
      return Double.longBitsToDouble(SealableSlots.take(slot, 0, NOTHING));
    }

    @Override
    double seal() {
      return Double.longBitsToDouble(SealableSlots.seal(slot, 0, NOTHING));
    }
  }
}
