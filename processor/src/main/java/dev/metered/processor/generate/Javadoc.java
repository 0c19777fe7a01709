package dev.metered.processor.generate;

import dev.metered.processor.model.Condition;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricModel;
import java.util.stream.Collectors;

/** Javadoc text for generated members, from the schema's descriptions. */
final class Javadoc {
  private Javadoc() {}

  /** A schema description made safe for javadoc, ending with a period. */
  static String sentence(String description, String fallback) {
    String text = description == null || description.isBlank() ? fallback : description.strip();
    text = text.replace("*/", "*&#47;").replace("@", "{@literal @}");
    return text.endsWith(".") ? text : text + ".";
  }

  /** "counter, no unit" or "distribution in millisecond". */
  static String kindAndUnit(MetricModel metric) {
    return metric.kind().keyword() + (metric.unit() == null ? "" : " in " + metric.unit());
  }

  /** When a metric is emitted: "always" or "when success is false". */
  static String emittedWhen(MetricModel metric) {
    if (metric.conditions().isEmpty()) {
      return "always";
    }
    return "when " + metric.conditions().stream().map(Condition::describe).collect(Collectors.joining(" and "));
  }

  /** A parameter's description. */
  static String parameter(Field field) {
    return sentence(field.description(), "the " + field.key() + " " + (field.isAttribute() ? "attribute" : "value"));
  }
}
