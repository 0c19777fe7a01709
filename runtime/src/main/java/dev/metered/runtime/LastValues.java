package dev.metered.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Gauges' last values for every series of a table: one slot of double bits per series, written
 * by whichever thread set the gauge last.
 */
final class LastValues extends TableAggregates {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  // Values are finite, so a NaN pattern can mean "nothing since the last flush".
  private static final long NOTHING = Double.doubleToRawLongBits(Double.NaN);

  private final long[] slots;

  LastValues(DeliverySink owner, SeriesTable table) {
    super(owner, table);
    this.slots = new long[table.size()];
    Arrays.fill(slots, NOTHING);
  }

  @Override
  void add(int index, double value) {
    SLOT.setVolatile(slots, index, Double.doubleToRawLongBits(value));
  }

  @Override
  double take(int index) {
    return Double.longBitsToDouble((long) SLOT.getAndSet(slots, index, NOTHING));
  }
}
