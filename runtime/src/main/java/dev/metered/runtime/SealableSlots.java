package dev.metered.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Slots of double bits in a {@code long[]} that aggregates add to, take from and, when their sink
 * closes, seal: a sealed slot refuses every later add, so that each add either lands before the
 * seal, and is in what the seal took, or is refused, and its caller counts it as dropped. No add
 * is ever lost between the two, which a flag read before adding could not promise: a thread can
 * read "open", stall, and add after the last flush.
 *
 * <p>Adding is a compare-and-set loop on the slot, which also sees the seal; it costs one
 * comparison more than an add that cannot be refused.
 */
final class SealableSlots {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  /**
   * A NaN pattern no slot holds otherwise: sums and values of finite doubles are never NaN, and
   * the empty gauge slot is the canonical NaN.
   */
  static final long SEALED = 0x7ff4_5ea1_ed00_0000L;

  private SealableSlots() {}

  /** Adds {@code value} to the sum in {@code slots[slot]}; false, adding nothing, once sealed. */
  static boolean add(long[] slots, int slot, double value) {
    return update(slots, slot, value, true);
  }

  /** Sets {@code slots[slot]} to {@code value}; false, setting nothing, once sealed. */
  static boolean set(long[] slots, int slot, double value) {
    return update(slots, slot, value, false);
  }

  // sum is a constant at each caller, so the compiled add and set keep only their own branch.
  private static boolean update(long[] slots, int slot, double value, boolean sum) {
    long bits;
    do {
      bits = (long) SLOT.getVolatile(slots, slot);
      if (bits == SEALED) {
        return false;
      }
    } while (!SLOT.weakCompareAndSet(slots, slot, bits,
        Double.doubleToRawLongBits(sum ? Double.longBitsToDouble(bits) + value : value)));
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
