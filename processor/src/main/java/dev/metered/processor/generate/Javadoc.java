package dev.metered.processor.generate;

import dev.metered.processor.model.Condition;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricModel;
import java.util.stream.Collectors;

/**
 * Javadoc text for generated members, from the schema's descriptions. Every piece of schema text
 * goes through {@link JavadocText}, so that it reads as text whatever it holds.
 */
final class Javadoc {
  private Javadoc() {}

  /** A schema description as javadoc, ending with a period. */
  static String sentence(String description, String fallback) {
    String text = description == null || description.isBlank() ? fallback : description.strip();
    text = JavadocText.of(text);
    return text.endsWith(".") ? text : text + ".";
  }

  /** "counter" or "distribution in millisecond", as javadoc. */
  static String kindAndUnit(MetricModel metric) {
    return metric.type().keyword() + (metric.unit() == null ? "" : " in " + JavadocText.of(metric.unit()));
  }

  /** When a metric is emitted, as plain text: "always" or "when success is false". */
  static String emittedWhen(MetricModel metric) {
    if (metric.conditions().isEmpty()) {
      return "always";
    }
    return "when " + metric.conditions().stream().map(Condition::describe).collect(Collectors.joining(" and "));
  }

  /** {@link #emittedWhen} as javadoc. */
  static String emittedWhenDoc(MetricModel metric) {
    return JavadocText.of(emittedWhen(metric));
  }

  /** A parameter's description. */
  static String parameter(Field field) {
    return sentence(field.description(), "the " + field.key() + " " + (field.isAttribute() ? "attribute" : "value"));
  }
}
