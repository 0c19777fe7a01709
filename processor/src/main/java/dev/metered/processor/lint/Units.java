package dev.metered.processor.lint;

import dev.metered.processor.model.DurationUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The units Sentry knows, as Relay parses them ({@code relay-base-schema/src/metrics/units.rs},
 * {@code MetricUnit::from_str}), and what Relay does with any other unit.
 */
final class Units {
  static final List<String> DURATION = DurationUnits.NAMES;
  static final List<String> INFORMATION = List.of(
      "bit", "byte", "kilobyte", "kibibyte", "megabyte", "mebibyte", "gigabyte", "gibibyte",
      "terabyte", "tebibyte", "petabyte", "pebibyte", "exabyte", "exbibyte");
  static final List<String> FRACTION = List.of("ratio", "percent");

  /** Relay's own aliases: it stores {@code ms} as {@code millisecond}, and so on. */
  static final Map<String, String> SENTRY_ALIASES = DurationUnits.SENTRY_ALIASES;

  /** Relay's {@code CUSTOM_UNIT_MAX_SIZE}: a longer unit fails to parse. */
  static final int CUSTOM_UNIT_MAX_LENGTH = 15;
  /** Relay's {@code is_word_char}: a unit with any other character fails to parse. */
  private static final Pattern WORD_CHARACTERS = Pattern.compile("[0-9a-zA-Z_]+");

  /** Abbreviations people write that Sentry does not know, mapped to the unit they mean. */
  private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("nanos", "nanosecond"),
      Map.entry("us", "microsecond"), Map.entry("µs", "microsecond"), Map.entry("micros", "microsecond"),
      Map.entry("millis", "millisecond"), Map.entry("msec", "millisecond"),
      Map.entry("sec", "second"), Map.entry("secs", "second"),
      Map.entry("m", "minute"), Map.entry("min", "minute"), Map.entry("mins", "minute"),
      Map.entry("h", "hour"), Map.entry("hr", "hour"), Map.entry("hrs", "hour"),
      Map.entry("d", "day"), Map.entry("w", "week"), Map.entry("wk", "week"),
      Map.entry("b", "bit"), Map.entry("By", "byte"), Map.entry("B", "byte"),
      Map.entry("kb", "kilobyte"), Map.entry("KB", "kilobyte"), Map.entry("kB", "kilobyte"), Map.entry("KiB", "kibibyte"),
      Map.entry("MB", "megabyte"), Map.entry("MiB", "mebibyte"), Map.entry("GB", "gigabyte"), Map.entry("GiB", "gibibyte"),
      Map.entry("TB", "terabyte"), Map.entry("TiB", "tebibyte"),
      Map.entry("%", "percent"), Map.entry("pct", "percent"), Map.entry("1", "ratio"));

  private Units() {}

  /** The canonical units, without {@code none}. */
  static List<String> all() {
    List<String> all = new ArrayList<>(DURATION);
    all.addAll(INFORMATION);
    all.addAll(FRACTION);
    return all;
  }

  /** Whether {@code unit} is a canonical unit or {@code none}. */
  static boolean isKnown(String unit) {
    return unit.equals("none") || all().contains(unit);
  }

  /** Whether Sentry stores {@code unit} as a unit it knows: a canonical unit, {@code none} or an alias. */
  static boolean isAccepted(String unit) {
    return isKnown(unit) || SENTRY_ALIASES.containsKey(unit);
  }

  /** Whether {@code unit} is a duration to Sentry, under its canonical name or an alias. */
  static boolean isDuration(String unit) {
    return DurationUnits.canonical(unit) != null;
  }

  /**
   * What Relay does with {@code unit}, which it does not accept: a phrase that completes
   * "Sentry's behaviour: Relay ...".
   */
  static String whatRelayDoes(String unit) {
    if (!WORD_CHARACTERS.matcher(unit).matches()) {
      return "fails to parse a unit with characters other than letters, digits and '_', and drops it";
    }
    if (unit.length() > CUSTOM_UNIT_MAX_LENGTH) {
      return "fails to parse a unit of more than " + CUSTOM_UNIT_MAX_LENGTH + " characters, and drops it";
    }
    return isKnown(unit.toLowerCase(Locale.ROOT))
        ? "matches units case-sensitively, takes '" + unit + "' for a custom unit and stores it as 'none'"
        : "takes it for a custom unit and stores it as 'none'";
  }

  /** The unit {@code written} most likely means, or {@code null}. */
  static String meant(String written) {
    String abbreviation = ABBREVIATIONS.get(written);
    if (abbreviation != null) {
      return abbreviation;
    }
    String lower = written.toLowerCase(Locale.ROOT);
    if (all().contains(lower)) {
      return lower;
    }
    if (lower.endsWith("s") && all().contains(lower.substring(0, lower.length() - 1))) {
      return lower.substring(0, lower.length() - 1);
    }
    return null;
  }
}
