package dev.metered.processor.generate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.TypeName;
import dev.metered.processor.model.Condition;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.RecorderNames;

/**
 * The Java for one field inside a recorder: its types, how to tell whether it was given, its
 * attribute, literals of its values and conditions on it.
 *
 * <p>Optional numbers travel as a value and a {@code ...Given} flag rather than boxed, so that
 * recording them allocates nothing; optional enums, strings and booleans travel as references
 * that are {@code null} when not given.
 */
final class FieldCode {
  private final Field field;
  private final ClassName recorder;
  // Asked for by nearly every expression written for the field; derived from the key once.
  private final String name;

  FieldCode(Field field, ClassName recorder) {
    this.field = field;
    this.recorder = recorder;
    this.name = field.javaName();
  }

  Field field() {
    return field;
  }

  String name() {
    return name;
  }

  /** The field's key as a string literal. */
  CodeBlock key() {
    return StringLiteral.of(field.key());
  }

  /** The name of the flag that says whether an optional number was given. */
  String givenName() {
    return RecorderNames.givenFlag(name);
  }

  /** Whether the field travels as a value plus a {@code ...Given} flag. */
  boolean hasGivenFlag() {
    return field.hasGivenFlag();
  }

  /** The type callers pass. */
  TypeName type() {
    return switch (field.type()) {
      case ENUM -> enumType();
      case BOOLEAN -> TypeName.BOOLEAN;
      case INTEGER -> TypeName.LONG;
      case DOUBLE -> TypeName.DOUBLE;
      case STRING -> ClassName.get(String.class);
    };
  }

  /** The type the field has inside the recorder: boxed where {@code null} means "not given". */
  TypeName carriedType() {
    return field.optional() && field.type() == FieldType.BOOLEAN ? ClassName.get(Boolean.class) : type();
  }

  ClassName enumType() {
    return recorder.nestedClass(field.enumName());
  }

  /** The expression that is true when the field was given; {@code null} when it always is. */
  CodeBlock given() {
    if (!field.optional()) {
      return null;
    }
    return hasGivenFlag() ? CodeBlock.of("$N", givenName()) : CodeBlock.of("$N != null", name());
  }

  /** The constant holding a boolean attribute's value. */
  String booleanConstant(boolean value) {
    return RecorderNames.booleanConstant(field.key(), value);
  }

  /** The expression of the field's attribute, assuming it was given. */
  CodeBlock attribute() {
    return switch (field.type()) {
      case ENUM -> CodeBlock.of("$N.attribute()", name());
      case BOOLEAN -> CodeBlock.of("$N ? $N : $N", name(), booleanConstant(true), booleanConstant(false));
      case INTEGER -> CodeBlock.of("$T.ofLong($L, $N)", RuntimeTypes.ATTRIBUTE, key(), name());
      case DOUBLE -> CodeBlock.of("$T.ofDouble($L, $N)", RuntimeTypes.ATTRIBUTE, key(), name());
      case STRING -> CodeBlock.of("$T.ofString($L, $N, $L)", RuntimeTypes.ATTRIBUTE, key(), name(), field.maxLength());
    };
  }

  /**
   * The attribute as a data point carries it: left out ({@code null}) or replaced by {@code
   * fallback} when the field was not given or equals {@code omit_when}.
   *
   * @param fallback the attribute to use instead, or {@code null} to leave it out
   */
  CodeBlock attributeOrFallback(CodeBlock fallback) {
    CodeBlock present = presentCondition();
    if (present == null) {
      return attribute();
    }
    return CodeBlock.of("$L ? $L : $L", present, attribute(), fallback == null ? CodeBlock.of("null") : fallback);
  }

  /** Whether the attribute's values form a closed set (an enum or a boolean): a series dimension. */
  boolean isClosed() {
    return field.type() == FieldType.ENUM || field.type() == FieldType.BOOLEAN;
  }

  /**
   * Whether a data point can lack the attribute: it may be left out or equal {@code omit_when},
   * and the metric has no fallback for it.
   */
  boolean mayBeAbsent(String fallback) {
    return presentCondition() != null && fallback == null;
  }

  /** The constant holding the attribute's series dimension, for example {@code COMMAND_VALUES}. */
  String dimensionName(boolean mayBeAbsent) {
    return RecorderNames.dimension(field.key(), mayBeAbsent);
  }

  /** How many positions the dimension has, "absent" included. */
  int dimensionSize(boolean mayBeAbsent) {
    int values = field.type() == FieldType.ENUM ? field.values().size() : 2;
    return mayBeAbsent ? values + 1 : values;
  }

  /** The {@code Dimension} of a closed attribute, in the order its index expression assumes. */
  CodeBlock dimensionInitializer(boolean mayBeAbsent) {
    if (field.type() == FieldType.ENUM) {
      return CodeBlock.of("$T.$L($T.values())", RuntimeTypes.DIMENSION, mayBeAbsent ? "optional" : "of", enumType());
    }
    return CodeBlock.of("$T.$L($N, $N)", RuntimeTypes.DIMENSION, mayBeAbsent ? "optionalBoolean" : "ofBoolean",
        booleanConstant(false), booleanConstant(true));
  }

  /**
   * The attribute's position in its dimension: an enum's ordinal, 0 or 1 for a boolean, shifted
   * by one when "absent" takes position 0, or the fallback's position when it is absent.
   *
   * @param fallback the metric's default wire value for the attribute, or {@code null}
   */
  CodeBlock dimensionIndex(String fallback) {
    boolean isEnum = field.type() == FieldType.ENUM;
    CodeBlock present = presentCondition();
    if (present == null) {
      return isEnum ? CodeBlock.of("$N.ordinal()", name()) : CodeBlock.of("($N ? 1 : 0)", name());
    }
    if (fallback != null) {
      CodeBlock fallbackIndex = isEnum
          ? CodeBlock.of("$T.$N.ordinal()", enumType(), field.value(fallback).constantName())
          : CodeBlock.of("$L", Boolean.parseBoolean(fallback) ? 1 : 0);
      return isEnum
          ? CodeBlock.of("($L ? $N.ordinal() : $L)", present, name(), fallbackIndex)
          : CodeBlock.of("($L ? ($N ? 1 : 0) : $L)", present, name(), fallbackIndex);
    }
    return isEnum
        ? CodeBlock.of("($L ? $N.ordinal() + 1 : 0)", present, name())
        : CodeBlock.of("($L ? ($N ? 2 : 1) : 0)", present, name());
  }

  /** The condition under which a data point lacks the attribute; the field is known to be optional. */
  CodeBlock absentCondition() {
    if (field.omitWhen() == null) {
      return hasGivenFlag() ? CodeBlock.of("!$N", givenName()) : CodeBlock.of("$N == null", name());
    }
    return CodeBlock.of("!($L)", presentCondition());
  }

  /** The condition under which a data point carries the attribute; {@code null} when it always does. */
  CodeBlock presentCondition() {
    CodeBlock given = given();
    if (field.omitWhen() == null) {
      return given;
    }
    CodeBlock notOmitted = notEqualsValue(field.omitWhen());
    return given == null ? notOmitted : CodeBlock.of("$L && $L", given, notOmitted);
  }

  /** The attribute of a constant wire value, for per-metric defaults. */
  CodeBlock attributeOf(String wireValue) {
    return switch (field.type()) {
      case ENUM -> CodeBlock.of("$T.$N.attribute()", enumType(), field.value(wireValue).constantName());
      case BOOLEAN -> CodeBlock.of("$N", booleanConstant(Boolean.parseBoolean(wireValue)));
      case INTEGER -> CodeBlock.of("$T.ofLong($L, $LL)", RuntimeTypes.ATTRIBUTE, key(), wireValue);
      case DOUBLE -> CodeBlock.of("$T.ofDouble($L, $L)", RuntimeTypes.ATTRIBUTE, key(), wireValue);
      case STRING -> CodeBlock.of("$T.ofString($L, $L)", RuntimeTypes.ATTRIBUTE, key(), StringLiteral.of(wireValue));
    };
  }

  /** A Java literal of a wire value of this field. */
  CodeBlock literal(String wireValue) {
    return switch (field.type()) {
      case ENUM -> CodeBlock.of("$T.$N", enumType(), field.value(wireValue).constantName());
      case BOOLEAN -> CodeBlock.of("$L", wireValue);
      case INTEGER -> CodeBlock.of("$LL", wireValue);
      case DOUBLE -> CodeBlock.of("$L", wireValue);
      case STRING -> StringLiteral.of(wireValue);
    };
  }

  /** True when the field equals {@code wireValue}; the field is known to be given. */
  private CodeBlock equalsValue(String wireValue) {
    return switch (field.type()) {
      case STRING -> CodeBlock.of("$L.equals($N)", StringLiteral.of(wireValue), name());
      case BOOLEAN -> field.optional()
          ? CodeBlock.of("$T.$N.equals($N)", Boolean.class, wireValue.equals("true") ? "TRUE" : "FALSE", name())
          : wireValue.equals("true") ? CodeBlock.of("$N", name()) : CodeBlock.of("!$N", name());
      default -> CodeBlock.of("$N == $L", name(), literal(wireValue));
    };
  }

  /** True when the field differs from {@code wireValue}; the field is known to be given. */
  private CodeBlock notEqualsValue(String wireValue) {
    return switch (field.type()) {
      case STRING -> CodeBlock.of("!$L.equals($N)", StringLiteral.of(wireValue), name());
      case BOOLEAN -> equalsValue(String.valueOf(!Boolean.parseBoolean(wireValue)));
      default -> CodeBlock.of("$N != $L", name(), literal(wireValue));
    };
  }

  /** The Java test for {@code condition}, which is on this field. */
  CodeBlock test(Condition condition) {
    CodeBlock given = given();
    return switch (condition.operator()) {
      case GIVEN -> Boolean.parseBoolean(condition.operand()) ? given : CodeBlock.of("!($L)", given);
      // equals() on a reference and comparisons of enums are already false for null.
      case EQUALS -> hasGivenFlag()
          ? CodeBlock.of("$L && $L", given, equalsValue(condition.operand()))
          : equalsValue(condition.operand());
      case ABOVE -> compare(">", condition.operand(), given);
      case BELOW -> compare("<", condition.operand(), given);
    };
  }

  private CodeBlock compare(String operator, String operand, CodeBlock given) {
    CodeBlock comparison = CodeBlock.of("$N $L $L", name(), operator, literal(operand));
    return given == null ? comparison : CodeBlock.of("$L && $L", given, comparison);
  }
}
