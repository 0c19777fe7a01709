package dev.metered.example.api.stub;

import java.time.Duration;
import java.util.Random;

/**
 * How long the stub takes to answer a request, before any fault. Real services are not instant, and
 * a distribution of durations that is all zeros would show nothing in the view.
 *
 * <p>Called by the stub's handler threads; implementations must be thread-safe.
 */
@FunctionalInterface
public interface Latency {

  /**
   * The delay before the next answer.
   *
   * @return the delay, possibly zero
   */
  Duration next();

  /**
   * No delay: for tests that count calls, not time.
   *
   * @return the latency
   */
  static Latency none() {
    return () -> Duration.ZERO;
  }

  /**
   * Delays drawn from a seeded log-normal distribution around {@code median}, as measured web
   * latencies are: most answers near the median, a long tail of slow ones, capped at eight times
   * the median.
   *
   * @param seed the seed
   * @param median the median delay
   * @return the latency
   */
  static Latency seeded(long seed, Duration median) {
    Random random = new Random(seed);
    double medianMillis = median.toNanos() / 1e6;
    return () -> {
      double gaussian;
      synchronized (random) {
        gaussian = random.nextGaussian();
      }
      // sigma 0.6: p90 is about twice the median, p99 about four times.
      double millis = Math.min(medianMillis * Math.exp(0.6 * gaussian), medianMillis * 8);
      return Duration.ofNanos((long) (millis * 1e6));
    };
  }
}
