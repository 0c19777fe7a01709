package dev.metered.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The finished parts of counter sums that would have exceeded {@link Double#MAX_VALUE}: instead of
 * an infinite sum, which Sentry cannot take, the finite sum so far is set aside here and a new sum
 * starts with the value that would have overflowed it ({@link SealableSlots#add}). The parts leave
 * at the next flush as data points of their own, which Sentry adds up like any others; so nothing
 * finite is lost to overflow. At most {@link #MAX_PARTS} wait at once; a part beyond them is
 * dropped, and counted. At close the parts are {@linkplain #sealInto sealed} with the sums: a part
 * a racing add sets aside afterwards is counted as dropped, never left where no flush looks.
 *
 * <p>A lock guards the parts: setting one aside happens at most once per half of
 * {@code Double.MAX_VALUE} added, and it must be atomic with the seal.
 */
final class SumParts {
  /** Parts one metric holds between flushes; each is at least half of {@code Double.MAX_VALUE}. */
  static final int MAX_PARTS = 1_000;

  /** The sink's count of dropped points. */
  private final LongAdder dropped;
  // All guarded by this.
  private final List<MetricState.Taken> parts = new ArrayList<>();
  private boolean sealed;

  SumParts(LongAdder dropped) {
    this.dropped = dropped;
  }

  /**
   * Settles what {@link SealableSlots#add} returned for {@code series}: sets aside the part it
   * gave up, if any. False when the slot was sealed and added nothing.
   */
  boolean settle(double added, Series series) {
    if (added == SealableSlots.ADDED) {
      return true;
    }
    if (Double.isNaN(added)) {
      return false;
    }
    add(series, added);
    return true;
  }

  /** Sets aside {@code value}, a finished finite part of {@code series}' sum. */
  synchronized void add(Series series, double value) {
    if (sealed || parts.size() >= MAX_PARTS) {
      dropped.increment();
      return;
    }
    parts.add(new MetricState.Taken(series, value));
  }

  /** Moves every part set aside so far into {@code taken}. */
  synchronized void takeInto(List<MetricState.Taken> taken) {
    taken.addAll(parts);
    parts.clear();
  }

  /** Moves every part set aside so far into {@code taken}; every later part is dropped. */
  synchronized void sealInto(List<MetricState.Taken> taken) {
    sealed = true;
    takeInto(taken);
  }
}
