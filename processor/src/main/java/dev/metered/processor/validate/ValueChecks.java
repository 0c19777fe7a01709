package dev.metered.processor.validate;

import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.schema.YamlNode;
import dev.metered.processor.schema.YamlNode.ScalarKind;
import java.util.Locale;

/** Whether a scalar written in the schema is a value of a field's type. */
final class ValueChecks {
  private ValueChecks() {}

  /**
   * Why {@code scalar} is not a value of {@code field}, or {@code null} when it is.
   *
   * @param enumValuesKnown whether an enum's value set is complete (handlers have added theirs)
   */
  static String problem(Field field, YamlNode.Scalar scalar, boolean enumValuesKnown) {
    return switch (field.type()) {
      case BOOLEAN -> scalar.kind() == ScalarKind.BOOLEAN ? null : "must be true or false";
      case INTEGER -> scalar.kind() == ScalarKind.INTEGER && fitsLong(scalar.text()) ? null : "must be a whole number";
      case DOUBLE -> scalar.kind() == ScalarKind.INTEGER || scalar.kind() == ScalarKind.FLOAT ? null : "must be a number";
      case STRING -> field.maxLength() != null && scalar.text().length() > field.maxLength()
          ? "is longer than the attribute's max_length of " + field.maxLength() : null;
      case ENUM -> !enumValuesKnown || field.value(scalar.text()) != null ? null
          : "is not one of its values (" + String.join(", ", field.values().stream().map(v -> v.wireValue()).toList()) + ")";
    };
  }

  /** The canonical wire text of a value already checked by {@link #problem}. */
  static String canonical(FieldType type, YamlNode.Scalar scalar) {
    return switch (type) {
      case BOOLEAN -> scalar.text().toLowerCase(Locale.ROOT);
      case INTEGER -> String.valueOf(Long.parseLong(scalar.text().replace("+", "")));
      case DOUBLE -> String.valueOf(Double.parseDouble(scalar.text()));
      case STRING, ENUM -> scalar.text();
    };
  }

  private static boolean fitsLong(String text) {
    try {
      Long.parseLong(text.replace("+", ""));
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
