package dev.metered.example.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How a scripted session runs.
 *
 * @param seed the seed of the script; the same seed gives the same session
 * @param inputs how many gateway events to send
 * @param pause the pause after each event, so that background tasks interleave with commands as
 *     they would in a live bot
 * @param timeout how long to wait for the startup warmup and, at the end, for pending tasks
 */
public record SessionConfig(long seed, int inputs, Duration pause, Duration timeout) {

  /** Checks the values. */
  public SessionConfig {
    if (inputs < 1) {
      throw new IllegalArgumentException("inputs must be >= 1: " + inputs);
    }
    Objects.requireNonNull(pause, "pause");
    Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * The demo session: 100 events, 25 ms apart.
   *
   * @param seed the seed
   * @return the configuration
   */
  public static SessionConfig demo(long seed) {
    return new SessionConfig(seed, 100, Duration.ofMillis(25), Duration.ofSeconds(30));
  }
}
