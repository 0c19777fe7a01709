package dev.metered.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Slots of double bits in a {@code long[]} that aggregates add to, take from and seal: a sealed
 * slot refuses every later add, so that each add either lands before the seal, and is in what
 * the seal took, or is refused, and its caller knows it (it counts the value as dropped when the
 * sink has closed, or retries in a fresh cell when a flush retired the old one). No add is ever
 * lost between the two, which a flag read before adding could not promise: a thread can read
 * "open", stall, and add after the last flush.
 *
 * <p>Adding is one compare-and-set loop on the slot, which also sees the seal and keeps a sum
 * finite: a sum that would exceed {@code Double.MAX_VALUE} gives up its finite total so far,
 * which the caller sets aside ({@link SumParts}), and starts again from the value added. It costs
 * one comparison more than an add that cannot be refused.
 */
final class SealableSlots {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  /**
   * A NaN pattern no slot holds otherwise: sums and values of finite doubles are never NaN, and
   * the empty gauge slot is the canonical NaN.
   */
  static final long SEALED = 0x7ff4_5ea1_ed00_0000L;

  /** What {@link #add} returns when the value was added and nothing was set aside. */
  static final double ADDED = 0.0;

  private SealableSlots() {}

  /**
   * Adds {@code value} to the sum in {@code slots[slot]}. Returns {@link #ADDED}; or {@code NaN},
   * adding nothing, once the slot is sealed; or, when the sum would have become infinite, the
   * finite sum so far (never zero), which the slot gave up for {@code value}: the caller must
   * set it aside, or count it as dropped.
   */
  static double add(long[] slots, int slot, double value) {
    while (true) {
      long bits = (long) SLOT.getVolatile(slots, slot);
      if (bits == SEALED) {
        return Double.NaN;
      }
      double sum = Double.longBitsToDouble(bits) + value;
      if (Double.isInfinite(sum)) {
        // A strong compare-and-set: a spurious failure would only loop, but this branch is rare.
        if (SLOT.compareAndSet(slots, slot, bits, Double.doubleToRawLongBits(value))) {
          return Double.longBitsToDouble(bits);
        }
      } else if (SLOT.weakCompareAndSet(slots, slot, bits, Double.doubleToRawLongBits(sum))) {
        return ADDED;
      }
    }
  }

  /** Sets {@code slots[slot]} to {@code value}; false, setting nothing, once sealed. */
  static boolean set(long[] slots, int slot, double value) {
    long bits;
    do {
      bits = (long) SLOT.getVolatile(slots, slot);
      if (bits == SEALED) {
        return false;
      }
    } while (!SLOT.weakCompareAndSet(slots, slot, bits, Double.doubleToRawLongBits(value)));
    return true;
  }

  /**
   * What {@code slots[slot]} held, leaving {@code empty} in its place; {@code empty} itself
   * when the slot is sealed, which stays sealed.
   */
  static long take(long[] slots, int slot, long empty) {
    long bits;
    do {
      bits = (long) SLOT.getVolatile(slots, slot);
      if (bits == SEALED) {
        return empty;
      }
    } while (!SLOT.weakCompareAndSet(slots, slot, bits, empty));
    return bits;
  }

  /** What {@code slots[slot]} held, sealing it; {@code empty} when it was sealed already. */
  static long seal(long[] slots, int slot, long empty) {
    long bits = (long) SLOT.getAndSet(slots, slot, SEALED);
    return bits == SEALED ? empty : bits;
  }
}
