package dev.metered.processor.validate;

import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricType;
import java.util.Map;
import java.util.Optional;

/** The metric a handler's wrapper records its elapsed time into, and how to convert to its unit. */
final class DurationMetric {
  /**
   * Nanoseconds in each duration unit Sentry knows, with its aliases {@code ns}, {@code ms} and
   * {@code s}, which it stores as the full names (lint only suggests the full name).
   */
  private static final Map<String, Double> NANOS_PER_UNIT = Map.ofEntries(
      Map.entry("nanosecond", 1.0), Map.entry("microsecond", 1e3), Map.entry("millisecond", 1e6),
      Map.entry("second", 1e9), Map.entry("minute", 60e9), Map.entry("hour", 3600e9), Map.entry("day", 86400e9),
      Map.entry("week", 604800e9), Map.entry("ns", 1.0), Map.entry("ms", 1e6), Map.entry("s", 1e9));

  private DurationMetric() {}

  /** The family's first distribution with a duration unit whose value is a double input. */
  static Optional<MetricModel> of(FamilyModel family) {
    return family.metrics().stream()
        .filter(metric -> metric.type() == MetricType.DISTRIBUTION && metric.unit() != null
            && NANOS_PER_UNIT.containsKey(metric.unit()) && metric.value() != null
            && !metric.value().isAttribute() && metric.value().type() == FieldType.DOUBLE)
        .findFirst();
  }

  /** Nanoseconds in the unit of {@code metric}, one {@link #of} found. */
  static double nanosPerUnit(MetricModel metric) {
    return NANOS_PER_UNIT.get(metric.unit());
  }
}
