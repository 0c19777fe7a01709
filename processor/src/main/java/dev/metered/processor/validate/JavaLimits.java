package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricModel;

/**
 * The sizes beyond which a recorder would not compile, checked before it is written. A class
 * file limits one method to 64 KiB of bytecode and to 255 parameter slots, and javac says only
 * "code too large" in the generated file; the limits here sit well below, measured with javac 17
 * (an enum's static initializer takes about 19 bytes a constant, and fails at about 3,400 of
 * them; {@code emit} takes at most about 37 bytes for each unit of {@link #MAX_FAMILY_SIZE}, so
 * about 37 KiB at the limit), and documented in docs/schema.md. {@code JavaLimitsTest} compiles a family at each
 * limit in its most expensive shape.
 */
final class JavaLimits {
  /** Constants of one enum; its static initializer makes each one. */
  static final int MAX_ENUM_VALUES = 2_000;
  /**
   * Fields of one family: {@code emit} takes each as a parameter, an optional number as a value
   * and a flag (three slots), within the 255 a method may have.
   */
  static final int MAX_FIELDS = 64;
  /**
   * A family's size: for each metric, one plus the attributes it carries plus its conditions.
   * Each is a few dozen bytes of {@code emit}, which javac cannot split.
   */
  static final int MAX_FAMILY_SIZE = 1_000;

  private JavaLimits() {}

  /** Reports an enum with too many values. */
  static boolean checkEnum(Field field, Diagnostics diagnostics) {
    if (field.type() != FieldType.ENUM || field.values().size() <= MAX_ENUM_VALUES) {
      return true;
    }
    diagnostics.error(DiagnosticCode.TOO_MANY_VALUES, field.position(),
        "the enum '" + field.key() + "' has " + field.values().size() + " values" + (field.fromHandlers()
            ? " with those the handlers add" : "") + ", more than the " + MAX_ENUM_VALUES + " one generated Java"
            + " enum can hold; an attribute with that many values is better a string with 'max_values'");
    return false;
  }

  /** Reports a family whose recorder would be too large to compile. */
  static void checkFamily(FamilyModel family, Diagnostics diagnostics) {
    if (family.fields().size() > MAX_FIELDS) {
      diagnostics.error(DiagnosticCode.FAMILY_TOO_LARGE, family.fields().get(MAX_FIELDS).position(),
          "family '" + family.name() + "' has " + family.fields().size() + " attributes and inputs, more than the "
              + MAX_FIELDS + " its recorder's methods can take; split it into families of related events");
      return;
    }
    int size = 0;
    for (MetricModel metric : family.metrics()) {
      size += 1 + metric.attributes().size() + metric.conditions().size();
      if (size > MAX_FAMILY_SIZE) {
        diagnostics.error(DiagnosticCode.FAMILY_TOO_LARGE, metric.position(),
            "family '" + family.name() + "' is too large for one recorder from this metric on: counting each"
                + " metric as one plus its attributes and conditions, its metrics add up to more than "
                + MAX_FAMILY_SIZE + ", past which the recording method would not compile; split the family");
        return;
      }
    }
  }
}
