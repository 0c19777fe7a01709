package dev.metered.processor.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The units Sentry knows; any other unit name is shown as {@code none}. */
final class Units {
  static final List<String> DURATION = List.of(
      "nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week");
  static final List<String> INFORMATION = List.of(
      "bit", "byte", "kilobyte", "kibibyte", "megabyte", "mebibyte", "gigabyte", "gibibyte",
      "terabyte", "tebibyte", "petabyte", "pebibyte", "exabyte", "exbibyte");
  static final List<String> FRACTION = List.of("ratio", "percent");

  /** Abbreviations people write, mapped to the unit Sentry knows. */
  private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
      Map.entry("ns", "nanosecond"), Map.entry("nanos", "nanosecond"),
      Map.entry("us", "microsecond"), Map.entry("µs", "microsecond"), Map.entry("micros", "microsecond"),
      Map.entry("ms", "millisecond"), Map.entry("millis", "millisecond"), Map.entry("msec", "millisecond"),
      Map.entry("s", "second"), Map.entry("sec", "second"), Map.entry("secs", "second"),
      Map.entry("m", "minute"), Map.entry("min", "minute"), Map.entry("mins", "minute"),
      Map.entry("h", "hour"), Map.entry("hr", "hour"), Map.entry("hrs", "hour"),
      Map.entry("d", "day"), Map.entry("w", "week"), Map.entry("wk", "week"),
      Map.entry("b", "bit"), Map.entry("By", "byte"), Map.entry("B", "byte"),
      Map.entry("kb", "kilobyte"), Map.entry("KB", "kilobyte"), Map.entry("kB", "kilobyte"), Map.entry("KiB", "kibibyte"),
      Map.entry("MB", "megabyte"), Map.entry("MiB", "mebibyte"), Map.entry("GB", "gigabyte"), Map.entry("GiB", "gibibyte"),
      Map.entry("TB", "terabyte"), Map.entry("TiB", "tebibyte"),
      Map.entry("%", "percent"), Map.entry("pct", "percent"), Map.entry("1", "ratio"));

  private Units() {}

  static List<String> all() {
    List<String> all = new ArrayList<>(DURATION);
    all.addAll(INFORMATION);
    all.addAll(FRACTION);
    return all;
  }

  static boolean isKnown(String unit) {
    return unit.equals("none") || all().contains(unit);
  }

  static boolean isDuration(String unit) {
    return unit != null && DURATION.contains(unit);
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
