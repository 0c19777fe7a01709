package dev.metered.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Counters' sums for every series of a table, striped by thread so that threads recording at
 * once rarely write the same cache line, and made in chunks as they are used, so that memory
 * follows the series and threads that record rather than the table's size times the stripes.
 *
 * <p>A thread adds into the stripe its id selects. A stripe is an array of chunks, each chunk one
 * {@code long[]} of double bits for {@link #CHUNK_SERIES} consecutive series, padded at both ends
 * so that two stripes' slots never share a cache line (nor the pair of lines that adjacent-line
 * prefetchers fetch together). A chunk is made the first time a thread of its stripe adds to one
 * of its series: a table recorded from one thread into a few series holds a chunk or two, and the
 * most a table ever holds is {@link #STRIPES} stripes of every chunk, 8 bytes per series per
 * stripe plus 256 bytes of padding per chunk. An add reads the stripe, the chunk, and makes one
 * compare-and-set on the series' slot ({@link SealableSlots#add}); {@link #take(int)} swaps the
 * series' slot to zero in every chunk that has it and returns the total.
 *
 * <p>{@link #seal(int)}, at close, seals the series' slot in every stripe, and puts a sealed
 * chunk (or a stripe of sealed chunks) wherever none was made yet: a thread that comes later
 * finds the sealed one rather than making its own, so no add lands in a slot that no flush
 * will sweep. Sealing a whole chunk early only refuses, and so counts as dropped, adds that the
 * closing sink would refuse anyway.
 *
 * <p>Why not a {@link java.util.concurrent.atomic.DoubleAdder} per series, which it replaces:
 * a {@code DoubleAdder} spreads threads over cells of its own, so each series costs an object,
 * its cell array and its cells, and reaching the cell takes three more dependent reads on every
 * add ({@code AggregatePathBenchmark} in docs/benchmarks.md measures the path layer by layer);
 * nor can its cells be sealed. Threads whose ids share a stripe still add correctly, only more
 * slowly, as a {@code DoubleAdder} does before it grows.
 *
 * <p>A sum that would exceed {@code Double.MAX_VALUE} is not let become infinite: the finite sum
 * so far is set aside in {@link SumParts}, to leave as a data point of its own, and the slot
 * starts again from the value added.
 */
final class StripedSums extends TableAggregates {
  private static final VarHandle CHUNK = MethodHandles.arrayElementVarHandle(long[][].class);
  private static final VarHandle STRIPE = MethodHandles.arrayElementVarHandle(long[][][].class);
  /** 128 bytes of longs on each side of a chunk's slots. */
  private static final int PADDING = 16;
  private static final int CHUNK_SHIFT = 7;
  /** Series per chunk: 1 KiB of slots. */
  static final int CHUNK_SERIES = 1 << CHUNK_SHIFT;
  /** The length of one chunk's array: its slots and the padding on both sides. */
  static final int CHUNK_LENGTH = PADDING + CHUNK_SERIES + PADDING;
  /** Stripes per table: twice the processors, so that threads running at once seldom share one. */
  static final int STRIPES = stripeCount(Runtime.getRuntime().availableProcessors());

  private final long[][][] stripes = new long[STRIPES][][];
  private final int chunks;
  private final SumParts parts;
  // Put wherever no chunk, or no stripe, was made when the sink closes; only the closing thread
  // makes them, and every slot of the one chunk is sealed, so all may share it.
  private long[] sealedChunk;
  private long[][] sealedStripe;

  StripedSums(Object owner, SeriesTable table, SumParts parts) {
    super(owner, table);
    this.chunks = (table.size() + CHUNK_SERIES - 1) >>> CHUNK_SHIFT;
    this.parts = parts;
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
    long[][] stripeChunks = stripes[stripe];
    if (stripeChunks == null) {
      stripeChunks = newStripe(stripe);
    }
    long[] slots = stripeChunks[index >>> CHUNK_SHIFT];
    if (slots == null) {
      slots = newChunk(stripeChunks, index >>> CHUNK_SHIFT);
    }
    double added = SealableSlots.add(slots, PADDING + (index & (CHUNK_SERIES - 1)), value);
    // The series is looked up only on the rare path where a part was set aside.
    return added == SealableSlots.ADDED || parts.settle(added, table.get(index));
  }

  // Two threads of one stripe (or a thread and the close) may race to make a stripe or a chunk;
  // both then use the one that was set first. A plain read of it elsewhere is safe: a new
  // array's zeros are always visible, and a stale view of a slot only fails its compare-and-set.
  private long[][] newStripe(int stripe) {
    long[][] created = new long[chunks][];
    long[][] existing = (long[][]) STRIPE.compareAndExchange(stripes, stripe, null, created);
    return existing != null ? existing : created;
  }

  private static long[] newChunk(long[][] stripeChunks, int chunk) {
    long[] created = new long[CHUNK_LENGTH];
    long[] existing = (long[]) CHUNK.compareAndExchange(stripeChunks, chunk, null, created);
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
    int chunk = index >>> CHUNK_SHIFT;
    int slot = PADDING + (index & (CHUNK_SERIES - 1));
    double total = 0.0;
    for (int stripe = 0; stripe < stripes.length; stripe++) {
      long[][] stripeChunks = (long[][]) STRIPE.getVolatile(stripes, stripe);
      if (stripeChunks == null && seal) {
        // Null from the exchange: the sealed stripe is in place, and holds nothing to take.
        stripeChunks = (long[][]) STRIPE.compareAndExchange(stripes, stripe, null, sealedStripe());
        if (stripeChunks == null) {
          continue;
        }
      }
      long[] slots = stripeChunks == null ? null : (long[]) CHUNK.getVolatile(stripeChunks, chunk);
      if (slots == null && seal) {
        slots = (long[]) CHUNK.compareAndExchange(stripeChunks, chunk, null, sealedChunk());
      }
      if (slots == null) {
        continue;
      }
      // 0L is the bits of +0.0, so an untouched slot adds nothing.
      double part = Double.longBitsToDouble(seal
          ? SealableSlots.seal(slots, slot, 0L)
          : SealableSlots.take(slots, slot, 0L));
      if (Double.isInfinite(total + part)) {
        parts.add(table.get(index), total);
        total = part;
      } else {
        total += part;
      }
    }
    return total == 0.0 ? Double.NaN : total;
  }

  private long[] sealedChunk() {
    if (sealedChunk == null) {
      long[] sealed = new long[CHUNK_LENGTH];
      Arrays.fill(sealed, SealableSlots.SEALED);
      sealedChunk = sealed;
    }
    return sealedChunk;
  }

  private long[][] sealedStripe() {
    if (sealedStripe == null) {
      long[][] sealed = new long[chunks][];
      Arrays.fill(sealed, sealedChunk());
      sealedStripe = sealed;
    }
    return sealedStripe;
  }

  /** How many chunks the stripes hold now: the memory the sums take, in chunks of {@link #CHUNK_LENGTH} longs. */
  int allocatedChunks() {
    int allocated = 0;
    for (int stripe = 0; stripe < stripes.length; stripe++) {
      long[][] stripeChunks = (long[][]) STRIPE.getVolatile(stripes, stripe);
      if (stripeChunks != null) {
        for (int chunk = 0; chunk < stripeChunks.length; chunk++) {
          if (CHUNK.getVolatile(stripeChunks, chunk) != null) {
            allocated++;
          }
        }
      }
    }
    return allocated;
  }
}
