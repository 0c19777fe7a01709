package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.RecorderNames;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that the names a family's recorder declares in each Java namespace are distinct: the
 * static constants (the metrics' own, their descriptors and tables, the boolean attributes'
 * values, the closed attributes' dimensions, {@link RecorderNames#GLOBAL}), the nested types (the
 * enums, {@code Event} when there is one, and the recorder's own name, which a nested type may not
 * repeat), the variables of {@code emit} (each field, and the {@code ...Given} flag of an optional
 * number) and the event's setters (never {@code wait}). The names come from {@link RecorderNames},
 * as the generator's do. A schema name that meets another, or one the recorder gives itself, is
 * one {@code MeteredDuplicateName} error at the schema's name, saying what it meets.
 *
 * <p>The recorder's own names are declared before the schema's, so the error is always at the
 * schema name that would take one of them. Keys and metric names are quoted through {@link
 * Excerpt}: they may hold line breaks.
 */
final class RecorderNameClashes {
  private final Diagnostics diagnostics;
  private final FamilyModel family;

  private RecorderNameClashes(Diagnostics diagnostics, FamilyModel family) {
    this.diagnostics = diagnostics;
    this.family = family;
  }

  static void check(FamilyModel family, Diagnostics diagnostics) {
    new RecorderNameClashes(diagnostics, family).check();
  }

  private void check() {
    checkTypes();
    checkConstants();
    checkVariables();
    checkSetters();
  }

  private void checkTypes() {
    Namespace types = new Namespace("nested class");
    types.reserve(family.recorderName(), "the name of the family's recorder");
    if (!family.optionalFields().isEmpty()) {
      types.reserve(RecorderNames.EVENT_CLASS,
          "the name of " + family.recorderName() + "'s builder of events with optional fields");
    }
    for (Field field : family.fields()) {
      if (field.type() == FieldType.ENUM) {
        types.declare(field, field.enumName(), "the enum of '" + Excerpt.of(field.key()) + "'");
      }
    }
  }

  private void checkConstants() {
    Namespace constants = new Namespace("constant");
    constants.reserve(RecorderNames.GLOBAL, "the recorder's global instance");
    for (Field field : family.fields()) {
      String attribute = "the attribute '" + Excerpt.of(field.key()) + "'";
      if (field.isAttribute() && field.type() == FieldType.BOOLEAN) {
        for (boolean value : new boolean[] {true, false}) {
          constants.declare(field, RecorderNames.booleanConstant(field.key(), value),
              "the value " + value + " of " + attribute);
        }
      }
      if (field.isAttribute() && (field.type() == FieldType.ENUM || field.type() == FieldType.BOOLEAN)) {
        for (boolean mayBeAbsent : new boolean[] {false, true}) {
          constants.declare(field, RecorderNames.dimension(field.key(), mayBeAbsent),
              "the series dimension of " + attribute);
        }
      }
    }
    for (MetricModel metric : family.metrics()) {
      String of = " of the metric '" + Excerpt.of(metric.name()) + "'";
      constants.declare(metric, RecorderNames.descriptor(metric.constantName()), "the descriptor" + of);
      constants.declare(metric, RecorderNames.table(metric.constantName()), "the series table" + of);
    }
    // Last: a metric's constant is the schema's own name, the one to report and rename.
    for (MetricModel metric : family.metrics()) {
      constants.declare(metric, metric.constantName(), "the metric '" + Excerpt.of(metric.name()) + "'");
    }
  }

  private void checkVariables() {
    Namespace variables = new Namespace("parameter");
    for (Field field : family.fields()) {
      if (field.hasGivenFlag()) {
        variables.declare(field, RecorderNames.givenFlag(field.javaName()),
            "the flag that says whether the optional '" + Excerpt.of(field.key()) + "' was given");
      }
    }
    for (Field field : family.fields()) {
      variables.declare(field, field.javaName(), fieldName(field));
    }
  }

  private void checkSetters() {
    Namespace setters = new Namespace("event setter");
    setters.reserve(RecorderNames.FINAL_OBJECT_METHOD, "Object's final method wait(long)");
    for (Field field : family.optionalFields()) {
      setters.declare(field, field.javaName(), fieldName(field));
    }
  }

  private static String fieldName(Field field) {
    return (field.isAttribute() ? "the attribute '" : "the input '") + Excerpt.of(field.key()) + "'";
  }

  /** One Java namespace of the recorder: each name with what declares it. */
  private final class Namespace {
    private final String kind;
    /** What each name is, and whether the recorder gives it itself, whatever the schema says. */
    private final Map<String, Declared> declared = new HashMap<>();

    Namespace(String kind) {
      this.kind = kind;
    }

    /** A name the recorder always gives itself. */
    void reserve(String name, String what) {
      declared.putIfAbsent(name, new Declared(what, true));
    }

    /** A name made from {@code field}: {@code what} names the field's part that has it. */
    void declare(Field field, String name, String what) {
      declare(name, what, field.position(), "the field");
    }

    /** A name made from {@code metric}. */
    void declare(MetricModel metric, String name, String what) {
      declare(name, what, metric.position(), "the metric");
    }

    private void declare(String name, String what, SourcePosition position, String source) {
      Declared first = declared.putIfAbsent(name, new Declared(what, false));
      if (first == null) {
        return;
      }
      // A name the recorder gives itself: the schema's is the one to change.
      String message = first.reserved()
          ? what + " would be the " + kind + " " + name + ", " + first.what() + "; rename " + source
          : what + " would be the " + kind + " " + name + " of " + family.recorderName() + ", " + first.what()
              + "; rename one of them";
      diagnostics.error(DiagnosticCode.DUPLICATE_NAME, position, message);
    }
  }

  private record Declared(String what, boolean reserved) {}
}
