package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.JavaNames;
import dev.metered.processor.model.MetricModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks that the names a family's recorder declares in each Java namespace are distinct: the
 * static constants (the metrics' names, descriptors and tables, the boolean attributes' values,
 * the closed attributes' dimensions, {@code GLOBAL}), the nested types (the enums, {@code Event},
 * and the recorder's own name, which a nested type may not repeat), and the variables of an
 * event (each field, and the {@code ...Given} flag of an optional number) and its setters (which
 * may not be {@code wait}, a final method of every object). Two schema names that
 * meet in one of them are one error, at the second, naming both.
 */
final class RecorderNames {
  private final Diagnostics diagnostics;
  private final FamilyModel family;

  private RecorderNames(Diagnostics diagnostics, FamilyModel family) {
    this.diagnostics = diagnostics;
    this.family = family;
  }

  static void check(FamilyModel family, Diagnostics diagnostics) {
    new RecorderNames(diagnostics, family).check();
  }

  private void check() {
    Namespace constants = new Namespace("constant");
    constants.declare(JavaNames.GLOBAL_CONSTANT, "the recorder's global instance", null);
    Namespace types = new Namespace("nested class");
    types.declare(family.recorderName(), "the recorder itself", null);
    types.declare(JavaNames.EVENT_CLASS, "the recorder's event class", null);
    Namespace variables = new Namespace("parameter");
    Namespace setters = new Namespace("event setter");
    // Object's final wait(long): a setter cannot take its name.
    setters.declare("wait", "Object's final method wait(long)", null);
    for (Field field : family.fields()) {
      String what = (field.isAttribute() ? "the attribute '" : "the input '") + field.key() + "'";
      variables.declare(field.javaName(), what, field.position());
      if (field.optionalAtCallSite()) {
        setters.declare(field.javaName(), what, field.position());
      }
      if (field.hasGivenFlag()) {
        variables.declare(JavaNames.givenFlag(field.javaName()), what + " (whether it was given)", field.position());
      }
      if (field.type() == FieldType.ENUM) {
        types.declare(field.enumName(), what + " (its enum)", field.position());
      }
      if (field.isAttribute() && field.type() == FieldType.BOOLEAN) {
        for (boolean value : new boolean[] {true, false}) {
          constants.declare(JavaNames.booleanConstant(field.key(), value), what + " (its value " + value + ")",
              field.position());
        }
      }
      if (field.isAttribute() && (field.type() == FieldType.ENUM || field.type() == FieldType.BOOLEAN)) {
        for (boolean mayBeAbsent : new boolean[] {false, true}) {
          constants.declare(JavaNames.dimensionConstant(field.key(), mayBeAbsent), what + " (its series dimension)",
              field.position());
        }
      }
    }
    for (MetricModel metric : family.metrics()) {
      String what = "the metric '" + metric.name() + "'";
      constants.declare(metric.constantName(), what, metric.position());
      constants.declare(JavaNames.descriptorConstant(metric.constantName()), what + " (its descriptor)",
          metric.position());
      constants.declare(JavaNames.seriesConstant(metric.constantName()), what + " (its series table)",
          metric.position());
    }
  }

  /** One Java namespace of the recorder: each name with what declares it. */
  private final class Namespace {
    private final String kind;
    private final Map<String, String> declared = new HashMap<>();

    Namespace(String kind) {
      this.kind = kind;
    }

    /** @param position the schema node that makes the name, or {@code null} for a fixed name */
    void declare(String name, String what, SourcePosition position) {
      String first = declared.putIfAbsent(name, what);
      if (first != null && position != null) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, position, first + " and " + what + " would both be the "
            + kind + " " + name + " of " + family.recorderName() + "; rename one");
      }
    }
  }
}
