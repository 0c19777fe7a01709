package dev.metered.processor.validate;

import dev.metered.processor.model.DurationUnits;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricType;
import java.util.Optional;

/** The metric a handler's wrapper records its elapsed time into, and how to convert to its unit. */
final class DurationMetric {
  private DurationMetric() {}

  /** The family's first distribution with a duration unit whose value is a double input. */
  static Optional<MetricModel> of(FamilyModel family) {
    return family.metrics().stream()
        .filter(metric -> metric.type() == MetricType.DISTRIBUTION && DurationUnits.nanosPer(metric.unit()).isPresent()
            && metric.value() != null && !metric.value().isAttribute() && metric.value().type() == FieldType.DOUBLE)
        .findFirst();
  }

  /** Nanoseconds in the unit of {@code metric}, one {@link #of} found. */
  static double nanosPerUnit(MetricModel metric) {
    return DurationUnits.nanosPer(metric.unit()).getAsDouble();
  }
}
