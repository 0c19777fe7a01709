package dev.metered.runtime;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The finished parts of counter sums that would have exceeded {@link Double#MAX_VALUE}: instead of
 * an infinite sum, which Sentry cannot take, the finite sum so far is set aside here and a new sum
 * starts with the value that would have overflowed it. The parts leave at the next flush as data
 * points of their own, which Sentry adds up like any others; so nothing finite is lost to
 * overflow. At most {@link #MAX_PARTS} wait at once; a part beyond them is dropped, and counted.
 */
final class SumParts {
  /** Parts one metric holds between flushes; each is at least half of {@code Double.MAX_VALUE}. */
  static final int MAX_PARTS = 1_000;

  private final DeliverySink owner;
  private final ConcurrentLinkedQueue<MetricState.Taken> parts = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  SumParts(DeliverySink owner) {
    this.owner = owner;
  }

  /** Sets aside {@code value}, a finished finite part of {@code series}' sum. */
  void add(Series series, double value) {
    if (size.incrementAndGet() > MAX_PARTS) {
      size.decrementAndGet();
      owner.countDropped();
      return;
    }
    parts.add(new MetricState.Taken(series, value));
  }

  /** Moves every part set aside so far into {@code taken}. */
  void takeInto(List<MetricState.Taken> taken) {
    MetricState.Taken part;
    while ((part = parts.poll()) != null) {
      size.decrementAndGet();
      taken.add(part);
    }
  }
}
