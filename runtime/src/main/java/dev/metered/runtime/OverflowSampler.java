package dev.metered.runtime;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Samples the distribution points that arrive once the {@link EventBudget} is spent.
 *
 * <p>Each window keeps a point with probability {@code rate}: the window's share of sampled
 * points divided by how many overflowed in the previous window, so that about
 * {@code reservePerWindow} points a second get through however many arrive. Each kept point is
 * sent with its rate ({@code sentry.client_sample_rate}) and Sentry extrapolates from it. In the
 * first window of an overload the rate is still 1; a hard cap of twice the reserve keeps that
 * window, and any sudden burst, inside what the SDK can queue, and what it cuts is dropped and
 * counted rather than sampled.
 */
final class OverflowSampler {
  /** What to do with one overflowing point. */
  enum Decision { KEEP, SAMPLE_AWAY, DROP }

  private final long reservePerWindow;
  private final LongAdder demand = new LongAdder();
  private final AtomicLong kept = new AtomicLong();
  private volatile double rate = 1.0;

  OverflowSampler(long reservePerWindow) {
    this.reservePerWindow = reservePerWindow;
  }

  /** The probability with which the current window keeps a point; 1 when not sampling. */
  double rate() {
    return rate;
  }

  Decision decide() {
    demand.increment();
    double current = rate;
    if (current < 1.0 && ThreadLocalRandom.current().nextDouble() >= current) {
      return Decision.SAMPLE_AWAY;
    }
    return kept.incrementAndGet() <= 2 * reservePerWindow ? Decision.KEEP : Decision.DROP;
  }

  /** Starts a new window, with the rate its predecessor's demand calls for. */
  void roll() {
    long previous = demand.sumThenReset();
    rate = previous <= reservePerWindow ? 1.0 : (double) reservePerWindow / previous;
    kept.set(0);
  }
}
