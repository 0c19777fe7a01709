package dev.metered.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Counters' sums for every series of a table, striped by thread so that threads recording at
 * once rarely write the same cache line.
 *
 * <p>Each stripe is one {@code long[]} of double bits, a slot per series, padded at both ends so
 * that two stripes' slots never share a cache line (nor the pair of lines that adjacent-line
 * prefetchers fetch together). A thread adds into the stripe its id selects, with a
 * compare-and-set on the slot; {@link #take(int)} swaps the series' slot to zero in every
 * stripe and returns the total, and {@link #seal(int)} seals it in every stripe, a stripe never
 * made included ({@link SealableSlots}).
 *
 * <p>Why not a {@link java.util.concurrent.atomic.DoubleAdder} per series, which it replaces:
 * a {@code DoubleAdder} spreads threads over cells of its own, so each series costs an object,
 * its cell array and its cells, and reaching the cell takes three more dependent reads on every
 * add. Here an add reads the thread's stripe and makes one compare-and-set on the series' slot,
 * what an uncontended {@code LongAdder.increment()} does ({@code AggregatePathBenchmark} in
 * docs/benchmarks.md measures the path layer by layer). Threads whose ids share a stripe still
 * add correctly, only more slowly, as a {@code DoubleAdder} does before it grows.
 */
final class StripedSums extends TableAggregates {
  private static final VarHandle STRIPE = MethodHandles.arrayElementVarHandle(long[][].class);
  /** 128 bytes of longs on each side of a stripe's slots. */
  private static final int PADDING = 16;
  /** Stripes per table: twice the processors, so that threads running at once seldom share one. */
  static final int STRIPES = stripeCount(Runtime.getRuntime().availableProcessors());

  // A stripe is made the first time a thread of its number adds, so a table recorded from one
  // thread holds one stripe.
  private final long[][] stripes = new long[STRIPES][];
  private final int size;
  // Put in place of every stripe never made, when the sink closes; only the closing thread sets it.
  private long[] sealedStripe;

  StripedSums(DeliverySink owner, SeriesTable table) {
    super(owner, table);
    this.size = table.size();
  }

  /** A power of two, at least twice {@code processors}, at most 64. */
  static int stripeCount(int processors) {
    int wanted = Math.max(2, Math.min(64, 2 * processors));
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  @Override
  @SuppressWarnings("deprecation") // Thread.threadId() replaces getId() in Java 19; this runs on 17.
  boolean add(int index, double value) {
    int stripe = (int) Thread.currentThread().getId() & (STRIPES - 1);
    long[] slots = stripes[stripe];
    if (slots == null) {
      slots = newStripe(stripe);
    }
    return SealableSlots.add(slots, PADDING + index, value);
  }

  private long[] newStripe(int stripe) {
    long[] created = new long[PADDING + size + PADDING];
    // Two threads of one stripe may race to make it; both then use the one that was set first.
    long[] existing = (long[]) STRIPE.compareAndExchange(stripes, stripe, null, created);
    return existing != null ? existing : created;
  }

  @Override
  double take(int index) {
    return total(index, false);
  }

  @Override
  double seal(int index) {
    return total(index, true);
  }

  private double total(int index, boolean seal) {
    double total = 0.0;
    for (int stripe = 0; stripe < stripes.length; stripe++) {
      long[] slots = (long[]) STRIPE.getVolatile(stripes, stripe);
      if (slots == null && seal) {
        // A thread of this stripe that comes later finds it sealed rather than making it.
        slots = (long[]) STRIPE.compareAndExchange(stripes, stripe, null, sealedStripe());
      }
      if (slots != null) {
        // 0L is the bits of +0.0, so an untouched slot adds nothing.
        total += Double.longBitsToDouble(seal
            ? SealableSlots.seal(slots, PADDING + index, 0L)
            : SealableSlots.take(slots, PADDING + index, 0L));
      }
    }
    return total == 0.0 ? Double.NaN : total;
  }

  private long[] sealedStripe() {
    long[] sealed = sealedStripe;
    if (sealed == null) {
      sealed = new long[PADDING + size + PADDING];
      Arrays.fill(sealed, SealableSlots.SEALED);
      sealedStripe = sealed;
    }
    return sealed;
  }
}
