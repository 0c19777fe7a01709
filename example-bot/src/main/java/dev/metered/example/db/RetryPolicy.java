package dev.metered.example.db;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently {@link RetryingSqlExecutor} retries a transient failure: exponential
 * backoff from {@code baseDelay}, doubling per retry, capped at {@code maxDelay}.
 *
 * <p>No jitter: jitter spreads the retries of many clients hitting one server; this bot is one
 * process with one embedded database, and a fixed schedule keeps its behaviour reproducible.
 *
 * @param maxRetries retries after the first attempt; {@code 0} disables retrying
 * @param baseDelay the wait before the first retry
 * @param maxDelay the longest wait between two attempts
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay) {

  /** Checks the values. */
  public RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be >= 0: " + maxRetries);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= baseDelay <= maxDelay: " + baseDelay + ", " + maxDelay);
    }
  }

  /**
   * The policy the bot runs with: three retries, 5 ms, 10 ms, 20 ms; short, because an embedded
   * database recovers from a dropped connection or a lock timeout almost at once.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(100));
  }

  /**
   * The wait before retry number {@code retry}.
   *
   * @param retry 1 for the first retry
   * @return {@code baseDelay * 2^(retry-1)}, at most {@code maxDelay}
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1: " + retry);
    }
    // Shifting past 62 bits would overflow; any such delay is far above maxDelay anyway.
    int doublings = Math.min(retry - 1, 30);
    Duration delay = baseDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
