package dev.metered.example.config;

import dev.metered.example.support.Durations;
import dev.metered.runtime.DeliveryMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Turns settings' text into typed values, each with the one-line message of what it expects. */
final class Values {
  private Values() {}

  static Optional<String> optionalText(SettingValue value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value.text());
  }

  static String text(SettingValue value) throws InvalidSettingException {
    if (value.isEmpty()) {
      throw new InvalidSettingException(value, "must not be empty");
    }
    return value.text();
  }

  static Duration duration(SettingValue value, Duration min, Duration max)
      throws InvalidSettingException {
    String expected =
        "expected a duration from "
            + Durations.format(min)
            + " to "
            + Durations.format(max)
            + ", written like "
            + Durations.EXAMPLES;
    Duration duration;
    try {
      duration = Durations.parse(value.text());
    } catch (IllegalArgumentException malformed) {
      throw new InvalidSettingException(value, expected);
    }
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw new InvalidSettingException(value, expected);
    }
    return duration;
  }

  static int integer(SettingValue value, int min, int max) throws InvalidSettingException {
    String expected = "expected a whole number from " + min + " to " + max;
    try {
      int number = Integer.parseInt(value.text());
      if (number < min || number > max) {
        throw new InvalidSettingException(value, expected);
      }
      return number;
    } catch (NumberFormatException malformed) {
      throw new InvalidSettingException(value, expected);
    }
  }

  static Optional<DeliveryMode> optionalDeliveryMode(SettingValue value) throws InvalidSettingException {
    if (value.text().isBlank()) {
      return Optional.empty();
    }
    DeliveryMode mode = DeliveryMode.fromKeyword(value.text().trim());
    if (mode == null) {
      throw new InvalidSettingException(value, "expected event, aggregate or auto");
    }
    return Optional.of(mode);
  }

  static long anyLong(SettingValue value) throws InvalidSettingException {
    try {
      return Long.parseLong(value.text());
    } catch (NumberFormatException malformed) {
      throw new InvalidSettingException(value, "expected a whole number");
    }
  }

  static double positiveNumber(SettingValue value, double max) throws InvalidSettingException {
    String expected = "expected a number above 0 and at most " + (long) max;
    try {
      double number = Double.parseDouble(value.text());
      // Also refuses NaN, which every comparison fails.
      if (!(number > 0 && number <= max)) {
        throw new InvalidSettingException(value, expected);
      }
      return number;
    } catch (NumberFormatException malformed) {
      throw new InvalidSettingException(value, expected);
    }
  }

  /** Discord ids: snowflakes, positive 64-bit numbers, separated by commas. */
  static Set<Long> ids(SettingValue value) throws InvalidSettingException {
    Set<Long> ids = new LinkedHashSet<>();
    if (value.isEmpty()) {
      return ids;
    }
    for (String part : value.text().split(",")) {
      try {
        long id = Long.parseLong(part.trim());
        if (id <= 0) {
          throw new NumberFormatException(part);
        }
        ids.add(id);
      } catch (NumberFormatException malformed) {
        throw new InvalidSettingException(
            value, "expected Discord user ids separated by commas, for example 1234,5678");
      }
    }
    return ids;
  }

  /** An http or https URL without a trailing slash, so that paths can be appended. */
  static Optional<URI> optionalHttpUrl(SettingValue value) throws InvalidSettingException {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String expected = "expected an http or https URL, for example https://example.org/path";
    try {
      URI uri = new URI(value.text().replaceAll("/+$", ""));
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new InvalidSettingException(value, expected);
      }
      return Optional.of(uri);
    } catch (URISyntaxException malformed) {
      throw new InvalidSettingException(value, expected);
    }
  }

  /**
   * A Sentry DSN, checked for its shape ({@code https://KEY@HOST/PROJECT}) so that a typo is a
   * message at startup rather than an exception from the SDK.
   */
  static Optional<String> optionalDsn(SettingValue value) throws InvalidSettingException {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String expected = "expected a Sentry DSN like https://PUBLIC_KEY@HOST/PROJECT_ID";
    try {
      URI uri = new URI(value.text());
      String path = uri.getPath();
      if (uri.getHost() == null
          || uri.getUserInfo() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || path == null
          || path.length() < 2) {
        throw new InvalidSettingException(value, expected);
      }
      return Optional.of(value.text());
    } catch (URISyntaxException malformed) {
      throw new InvalidSettingException(value, expected);
    }
  }

  static String jdbcUrl(SettingValue value) throws InvalidSettingException {
    if (!value.text().startsWith("jdbc:") || value.text().length() <= "jdbc:".length()) {
      throw new InvalidSettingException(
          value, "expected a JDBC URL, for example jdbc:h2:./data/metered-bot");
    }
    return value.text();
  }
}
