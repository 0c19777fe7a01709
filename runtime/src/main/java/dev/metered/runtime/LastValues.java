package dev.metered.runtime;

import java.util.Arrays;

/**
 * Gauges' last values for every series of a table: one slot of double bits per series, written
 * by whichever thread set the gauge last.
 */
final class LastValues extends TableAggregates {
  // Values are finite, so a NaN pattern can mean "nothing since the last flush".
  private static final long NOTHING = Double.doubleToRawLongBits(Double.NaN);

  private final long[] slots;

  LastValues(Object owner, SeriesTable table) {
    super(owner, table);
    this.slots = new long[table.size()];
    Arrays.fill(slots, NOTHING);
  }

  @Override
  boolean add(int index, double value) {
    return SealableSlots.set(slots, index, value);
  }

  @Override
  double take(int index) {
    return Double.longBitsToDouble(SealableSlots.take(slots, index, NOTHING));
  }

  @Override
  double seal(int index) {
    return Double.longBitsToDouble(SealableSlots.seal(slots, index, NOTHING));
  }
}
