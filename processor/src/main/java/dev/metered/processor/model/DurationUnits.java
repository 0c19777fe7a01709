package dev.metered.processor.model;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The duration units Sentry knows, as Relay parses them
 * ({@code relay-base-schema/src/metrics/units.rs}), with the aliases it stores under their full
 * names: the one list that lint (which units are durations) and the wrappers (how many
 * nanoseconds each holds) both read.
 */
public final class DurationUnits {
  /** The canonical names, shortest first. */
  public static final List<String> NAMES = List.of(
      "nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week");

  /** Relay's own aliases: it stores {@code ms} as {@code millisecond}, and so on. */
  public static final Map<String, String> SENTRY_ALIASES =
      Map.of("ns", "nanosecond", "ms", "millisecond", "s", "second");

  private static final Map<String, Double> NANOS = Map.of(
      "nanosecond", 1.0, "microsecond", 1e3, "millisecond", 1e6, "second", 1e9,
      "minute", 60e9, "hour", 3600e9, "day", 86400e9, "week", 604800e9);

  private DurationUnits() {}

  /** The canonical name of {@code unit}, a duration's name or alias; {@code null} for any other unit. */
  public static String canonical(String unit) {
    if (unit == null) {
      return null; // Map.of refuses to look up null
    }
    String name = SENTRY_ALIASES.getOrDefault(unit, unit);
    return NANOS.containsKey(name) ? name : null;
  }

  /** Nanoseconds in {@code unit}, a duration's name or alias; empty for any other unit. */
  public static OptionalDouble nanosPer(String unit) {
    String name = canonical(unit);
    return name == null ? OptionalDouble.empty() : OptionalDouble.of(NANOS.get(name));
  }
}
