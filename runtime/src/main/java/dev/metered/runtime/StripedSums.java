package dev.metered.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Counters' sums for every series of a table, striped by thread so that threads recording at
 * once rarely write the same cache line.
 *
 * <p>Each stripe is one {@code long[]} of double bits, a slot per series, padded at both ends so
 * that two stripes' slots never share a cache line (nor the pair of lines that adjacent-line
 * prefetchers fetch together). A thread adds into the stripe its id selects, with a
 * compare-and-set on the slot; {@link #take(int)} swaps the series' slot to zero in every
 * stripe and returns the total.
 *
 * <p>Why not a {@link java.util.concurrent.atomic.DoubleAdder} per series, which it replaces:
 * a {@code DoubleAdder} spreads threads over cells of its own, so each series costs an object,
 * its cell array and its cells, and reaching the cell takes three more dependent reads on every
 * add. Here an add reads the thread's stripe and makes one compare-and-set on the series' slot,
 * what an uncontended {@code LongAdder.increment()} does ({@code AggregatePathBenchmark} in
 * docs/benchmarks.md measures the path layer by layer). Threads whose ids share a stripe still
 * add correctly, only more slowly, as a {@code DoubleAdder} does before it grows.
 *
 * <p>A sum that would exceed {@code Double.MAX_VALUE} is not let become infinite: the finite sum
 * so far is set aside in {@link SumParts}, to leave as a data point of its own, and the slot
 * starts again from the value added.
 */
final class StripedSums extends TableAggregates {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle STRIPE = MethodHandles.arrayElementVarHandle(long[][].class);
  /** 128 bytes of longs on each side of a stripe's slots. */
  private static final int PADDING = 16;
  /** Stripes per table: twice the processors, so that threads running at once seldom share one. */
  static final int STRIPES = stripeCount(Runtime.getRuntime().availableProcessors());

  // A stripe is made the first time a thread of its number adds, so a table recorded from one
  // thread holds one stripe.
  private final long[][] stripes = new long[STRIPES][];
  private final int size;
  private final SumParts parts;

  StripedSums(DeliverySink owner, SeriesTable table, SumParts parts) {
    super(owner, table);
    this.size = table.size();
    this.parts = parts;
  }

  /** A power of two, at least twice {@code processors}, at most 64. */
  static int stripeCount(int processors) {
    int wanted = Math.max(2, Math.min(64, 2 * processors));
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  @Override
  @SuppressWarnings("deprecation") // Thread.threadId() replaces getId() in Java 19; this runs on 17.
  void add(int index, double value) {
    int stripe = (int) Thread.currentThread().getId() & (STRIPES - 1);
    long[] slots = stripes[stripe];
    if (slots == null) {
      slots = newStripe(stripe);
    }
    int slot = PADDING + index;
    while (true) {
      long bits = (long) SLOT.getVolatile(slots, slot);
      double sum = Double.longBitsToDouble(bits) + value;
      if (Double.isInfinite(sum)) {
        if (SLOT.compareAndSet(slots, slot, bits, Double.doubleToRawLongBits(value))) {
          parts.add(table.get(index), Double.longBitsToDouble(bits));
          return;
        }
      } else if (SLOT.weakCompareAndSet(slots, slot, bits, Double.doubleToRawLongBits(sum))) {
        return;
      }
    }
  }

  private long[] newStripe(int stripe) {
    long[] created = new long[PADDING + size + PADDING];
    // Two threads of one stripe may race to make it; both then use the one that was set first.
    long[] existing = (long[]) STRIPE.compareAndExchange(stripes, stripe, null, created);
    return existing != null ? existing : created;
  }

  @Override
  double take(int index) {
    double total = 0.0;
    for (int stripe = 0; stripe < stripes.length; stripe++) {
      long[] slots = (long[]) STRIPE.getVolatile(stripes, stripe);
      if (slots != null) {
        // 0L is the bits of +0.0, so an untouched slot adds nothing.
        double part = Double.longBitsToDouble((long) SLOT.getAndSet(slots, PADDING + index, 0L));
        if (Double.isInfinite(total + part)) {
          parts.add(table.get(index), total);
          total = part;
        } else {
          total += part;
        }
      }
    }
    return total == 0.0 ? Double.NaN : total;
  }
}
