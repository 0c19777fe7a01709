package dev.metered.example.services;

import dev.metered.example.support.Durations;
import java.time.Duration;

/** Parses the delays users type for reminders, such as {@code 250ms}, {@code 10s} or {@code 5m}. */
public final class Delays {
  /** The longest delay a reminder may have. */
  public static final Duration MAX = Duration.ofDays(7);

  private Delays() {}

  /**
   * Parses a delay.
   *
   * @param text for example {@code 250ms}
   * @return the delay
   * @throws IllegalArgumentException when {@code text} is not a delay, is zero, or exceeds {@link
   *     #MAX}
   */
  public static Duration parse(String text) {
    Duration delay;
    try {
      delay = Durations.parse(text);
    } catch (IllegalArgumentException malformed) {
      throw new IllegalArgumentException(
          "not a delay: '" + text + "' (write for example " + Durations.EXAMPLES + ")");
    }
    if (delay.isZero() || delay.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("a delay must be above zero and at most 7 days: " + text);
    }
    return delay;
  }
}
