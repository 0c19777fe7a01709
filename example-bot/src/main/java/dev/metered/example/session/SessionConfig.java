package dev.metered.example.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How a scripted session runs.
 *
 * @param seed the seed of the script; the same seed gives the same session
 * @param inputs how many gateway events to send
 * @param interval the time from one event's start to the next one's, so that background tasks
 *     interleave with commands as they would in a live bot; a slow command delays the events behind
 *     it, which then follow one another at once until the session is back on schedule
 * @param timeout how long to wait for the startup warmup and, at the end, for pending tasks
 */
public record SessionConfig(long seed, int inputs, Duration interval, Duration timeout) {

  /** Checks the values. */
  public SessionConfig {
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs must be >= 1: " + inputs);
    }
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * A session that sends {@code rate} events per second for {@code duration}.
   *
   * @param seed the seed
   * @param duration how long to send events
   * @param rate events per second, above zero
   * @param timeout how long to wait for the warmup and for pending tasks
   * @return the configuration: at least one event
   */
  public static SessionConfig timed(long seed, Duration duration, double rate, Duration timeout) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be above 0: " + rate);
    }
    long inputs = Math.max(1, Math.round(duration.toNanos() / 1e9 * rate));
    return new SessionConfig(
        seed,
        Math.toIntExact(Math.min(inputs, Integer.MAX_VALUE)),
        Duration.ofNanos((long) (1e9 / rate)),
        timeout);
  }
}
