package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricsModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An attribute key means one kind of value everywhere: {@code success} is a boolean in every
 * family, {@code error_type} the same bounded string, so that one filter works across related
 * metrics. An enum attribute's values belong to its family ({@code operation} of a cog is load,
 * unload, reload; of a database, query, insert, ...): each family gets its own Java enum, so the
 * value sets may differ, but not the type.
 */
final class InconsistentAttributeRule extends BaseRule {
  InconsistentAttributeRule() {
    super(DiagnosticCode.INCONSISTENT_ATTRIBUTE, Severity.ERROR);
  }

  @Override
  public void check(MetricsModel model, Findings findings) {
    Map<String, Field> first = new LinkedHashMap<>();
    Map<String, String> firstFamily = new LinkedHashMap<>();
    for (FamilyModel family : model.families()) {
      for (Field attribute : family.attributes()) {
        Field earlier = first.putIfAbsent(attribute.key(), attribute);
        firstFamily.putIfAbsent(attribute.key(), family.name());
        if (earlier == null) {
          continue;
        }
        String where = "'" + attribute.key() + "' is " + describe(attribute) + " in family '" + family.name()
            + "' but " + describe(earlier) + " in family '" + firstFamily.get(attribute.key()) + "' ("
            + earlier.position() + ")";
        if (earlier.type() != attribute.type()) {
          findings.report(attribute.position(), where + "; give an attribute one type everywhere, or rename one"
              + " (Metered's policy: a filter on one key then works across metrics)");
        } else if (attribute.type() == FieldType.STRING && !Objects.equals(earlier.maxLength(), attribute.maxLength())) {
          findings.report(attribute.position(), where + "; give it the same max_length everywhere (Metered's policy)");
        }
      }
    }
  }

  private static String describe(Field field) {
    return field.type() == FieldType.STRING
        ? "a string of at most " + field.maxLength() + " characters"
        : "of type " + field.type().keyword();
  }
}
