package dev.metered.example.services;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the delays users type, such as {@code 250ms}, {@code 10s}, {@code 5m} or {@code 2h}. */
public final class Delays {
  /** The longest delay a reminder may have. */
  public static final Duration MAX = Duration.ofDays(7);

  private static final Pattern DELAY = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

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
    Matcher match = DELAY.matcher(text);
    if (!match.matches()) {
      throw new IllegalArgumentException(
          "not a delay: '" + text + "' (write for example 250ms, 10s, 5m, 2h or 1d)");
    }
    long amount = Long.parseLong(match.group(1));
    Duration delay =
        switch (match.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (delay.isZero() || delay.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("a delay must be above zero and at most 7 days: " + text);
    }
    return delay;
  }
}
