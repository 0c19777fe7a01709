package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Nouns;
import dev.metered.processor.model.Condition;
import dev.metered.processor.model.DeliveryMode;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.YamlNode;
import dev.metered.processor.schema.YamlNode.ScalarKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks a metric's references to its family's fields and builds its model. */
final class MetricValidator {
  private final Diagnostics diagnostics;
  private final String family;
  private final Map<String, Field> fields;
  private final Set<String> declared;
  private final DeliveryMode familyDelivery;
  private final boolean allHandlers;

  /**
   * @param fields the family's valid fields by key
   * @param declared every field key the family declares, valid or not: a reference to a field
   *     whose own declaration was reported is not reported again
   * @param allHandlers whether every handler is in the compilation (see SchemaValidator)
   */
  MetricValidator(Diagnostics diagnostics, String family, DeliveryMode familyDelivery,
      Map<String, Field> fields, Set<String> declared, boolean allHandlers) {
    this.diagnostics = diagnostics;
    this.allHandlers = allHandlers;
    this.familyDelivery = familyDelivery;
    this.family = family;
    this.fields = fields;
    this.declared = declared;
  }

  Optional<MetricModel> validate(SchemaDocument.Metric definition, String constant) {
    int errorsBefore = diagnostics.all().size();
    String where = "metric '" + definition.name() + "'";
    Field value = validateValue(definition, where);
    List<Field> attributes = validateAttributes(definition, where);
    Map<String, String> defaults = validateDefaults(definition, attributes, where);
    List<Condition> conditions = validateConditions(definition, where);
    if (value != null && value.optionalAtCallSite() && value.defaultValue() == null
        && conditions.stream().noneMatch(c -> c.field().equals(value))) {
      // A metric cannot be emitted without its value: make that condition explicit in the model.
      // (Any other condition on the field already requires it to be given.)
      conditions.add(new Condition(value, Condition.Operator.GIVEN, "true"));
    }
    if (diagnostics.all().size() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new MetricModel(definition.name(), definition.type(),
        definition.unit() == null ? null : definition.unit().text(), value, attributes, defaults,
        List.copyOf(conditions), definition.description(), delivery(definition), constant, definition.position(),
        definition.unit() == null ? null : definition.unit().position()));
  }

  private DeliveryMode delivery(SchemaDocument.Metric definition) {
    if (definition.delivery() != null) {
      return definition.delivery();
    }
    return familyDelivery != null ? familyDelivery : DeliveryMode.AUTO;
  }

  private Field validateValue(SchemaDocument.Metric definition, String where) {
    YamlNode.Scalar reference = definition.value();
    if (reference == null) {
      if (SchemaValidator.needsValue(definition.type())) {
        diagnostics.error(DiagnosticCode.SCHEMA_MISSING_KEY, definition.position(),
            "the " + definition.type().keyword() + " " + where + " has no 'value'; name the numeric"
                + " field it records, for example 'value: duration'");
      }
      return null;
    }
    Field field = lookup(reference, where);
    if (field != null && !field.type().isNumeric()) {
      diagnostics.error(DiagnosticCode.FIELD_TYPE_MISMATCH, reference.position(),
          "the value of " + where + " must be an integer or double field, but '" + field.key()
              + "' is " + Nouns.withArticle(field.type().keyword()));
      return null;
    }
    return field;
  }

  private List<Field> validateAttributes(SchemaDocument.Metric definition, String where) {
    List<Field> all = fields.values().stream().filter(Field::isAttribute).toList();
    if (definition.attributes() == null) {
      return all;
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (YamlNode.Scalar reference : definition.attributes()) {
      Field field = lookup(reference, where);
      if (field == null) {
        continue;
      }
      if (!field.isAttribute()) {
        diagnostics.error(DiagnosticCode.FIELD_TYPE_MISMATCH, reference.position(),
            "'" + field.key() + "' is an input of family '" + family + "', not an attribute, so "
                + where + " cannot carry it; move it under 'attributes:' to send it");
      } else if (!chosen.add(field.key())) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, reference.position(),
            "'" + field.key() + "' is listed twice in the attributes of " + where);
      }
    }
    // Family order, whatever order the list is in, so that every metric reads alike.
    return all.stream().filter(field -> chosen.contains(field.key())).toList();
  }

  private Map<String, String> validateDefaults(SchemaDocument.Metric definition, List<Field> attributes, String where) {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (SchemaDocument.Default entry : definition.defaults()) {
      Field field = lookup(entry.attribute(), where);
      if (field == null) {
        continue;
      }
      if (!attributes.contains(field)) {
        diagnostics.error(DiagnosticCode.UNKNOWN_FIELD, entry.attribute().position(),
            "'" + field.key() + "' is not an attribute of " + where + ", so it cannot have a default there");
      } else if (!field.optional()) {
        diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, entry.attribute().position(),
            "'" + field.key() + "' is always given, so a default for it in " + where + " would never"
                + " apply; make the attribute 'optional: true' or remove the default");
      } else {
        String problem = ValueChecks.problem(field, entry.value(), valuesKnown(field));
        if (problem != null) {
          diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, entry.value().position(),
              "the default '" + entry.value().shown() + "' of '" + field.key() + "' " + problem);
        } else {
          defaults.put(field.key(), ValueChecks.canonical(field.type(), entry.value()));
        }
      }
    }
    return defaults;
  }

  private List<Condition> validateConditions(SchemaDocument.Metric definition, String where) {
    List<Condition> conditions = new ArrayList<>();
    for (SchemaDocument.Condition entry : definition.when()) {
      Field field = lookup(entry.field(), where);
      if (field == null) {
        continue;
      }
      Condition.Operator operator = Condition.Operator.valueOf(entry.operator().toUpperCase(Locale.ROOT));
      YamlNode.Scalar operand = entry.operand();
      String problem = switch (operator) {
        case EQUALS -> ValueChecks.problem(field, operand, valuesKnown(field));
        case ABOVE, BELOW -> !field.type().isNumeric()
            ? "applies to integer and double fields, and '" + field.key() + "' is " + Nouns.withArticle(field.type().keyword())
            : field.type() == FieldType.INTEGER && operand.kind() != ScalarKind.INTEGER
                ? "needs a whole number for the integer field '" + field.key() + "'"
                : operand.kind() != ScalarKind.INTEGER && operand.kind() != ScalarKind.FLOAT ? "needs a number" : null;
        case GIVEN -> operand.kind() != ScalarKind.BOOLEAN ? "needs true or false"
            : !field.optionalAtCallSite() ? "is always true: '" + field.key() + "' is not optional" : null;
      };
      if (problem != null) {
        diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, operand.position(),
            "the condition '" + entry.operator() + "' on '" + field.key() + "' in " + where + " "
                + (operator == Condition.Operator.EQUALS ? "compares with '" + operand.shown() + "', which " : "")
                + problem);
        continue;
      }
      String canonical = operator == Condition.Operator.GIVEN
          ? operand.text().toLowerCase(Locale.ROOT)
          : ValueChecks.canonical(operator == Condition.Operator.EQUALS ? field.type()
              : field.type() == FieldType.INTEGER ? FieldType.INTEGER : FieldType.DOUBLE, operand);
      conditions.add(new Condition(field, operator, canonical));
    }
    return conditions;
  }

  private Field lookup(YamlNode.Scalar reference, String where) {
    Field field = fields.get(reference.text());
    if (field == null && !declared.contains(reference.text())) {
      diagnostics.error(DiagnosticCode.UNKNOWN_FIELD, reference.position(),
          where + " refers to '" + reference.shown() + "', which family '" + family
              + "' does not declare" + SchemaValidator.suggest(reference.text(), fields));
    }
    return field;
  }

  /** Whether an enum's values are all known here: not while handlers outside the compilation add some. */
  private boolean valuesKnown(Field field) {
    return allHandlers || !field.fromHandlers();
  }

}
