package dev.metered.example.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written the way people write them: {@code 250ms}, {@code 10s}, {@code 5m},
 * {@code 2h}, {@code 1d}. Used for reminder delays typed in chat and for durations in the bot's
 * settings, so that both read the same.
 */
public final class Durations {
  /** What {@link #parse} accepts, for messages. */
  public static final String EXAMPLES = "250ms, 10s, 5m, 2h or 1d";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param text for example {@code 250ms}
   * @return the duration, possibly zero
   * @throws IllegalArgumentException when {@code text} is not a number followed by one of the units
   */
  public static Duration parse(String text) {
    Matcher match = DURATION.matcher(text.trim());
    if (!match.matches()) {
      throw new IllegalArgumentException(
          "not a duration: '" + text + "' (write for example " + EXAMPLES + ")");
    }
    long amount = Long.parseLong(match.group(1));
    return switch (match.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }

  /**
   * Writes a duration the way {@link #parse} reads it, in the largest unit that keeps it whole.
   *
   * @param duration the duration
   * @return for example {@code 30s}
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 86_400_000 == 0 && millis > 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
