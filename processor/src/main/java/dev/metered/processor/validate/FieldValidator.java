package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Nouns;
import dev.metered.processor.diagnostic.Suggestions;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldRole;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.YamlNode;
import java.util.List;
import java.util.TreeSet;

/** Checks one attribute or input on its own and builds its model. */
final class FieldValidator {
  private final Diagnostics diagnostics;
  private final boolean allHandlers;

  /** @param allHandlers whether every handler is in the compilation (see SchemaValidator) */
  FieldValidator(Diagnostics diagnostics, boolean allHandlers) {
    this.diagnostics = diagnostics;
    this.allHandlers = allHandlers;
  }

  /**
   * @param handlerValues enum values that handlers contribute to this field
   * @return the field, or {@code null} when it is unusable (reported)
   */
  Field validate(SchemaDocument.Field definition, FieldRole role, TreeSet<String> handlerValues) {
    String where = (role == FieldRole.ATTRIBUTE ? "attribute '" : "input '") + definition.key() + "'";
    FieldType type = definition.type();
    boolean ok = true;
    if (type != FieldType.ENUM && !definition.values().isEmpty()) {
      ok = bad(definition.values().get(0), "'values' applies to enum fields only; make " + where + " 'type: enum' or remove 'values'");
    }
    if (type != FieldType.ENUM && definition.fromHandlers()) {
      ok = bad(definition, "'from_handlers' applies to enum attributes only; make " + where + " 'type: enum' or remove it");
    }
    if (type == FieldType.ENUM && definition.values().isEmpty() && !definition.fromHandlers()) {
      diagnostics.error(DiagnosticCode.SCHEMA_MISSING_KEY, definition.position(),
          where + " is an enum with no values; list them under 'values: [a, b]' or let handlers add them with 'from_handlers: true'");
      ok = false;
    }
    if (type == FieldType.STRING && definition.maxLength() == null) {
      diagnostics.error(DiagnosticCode.SCHEMA_MISSING_KEY, definition.position(),
          where + " is a string with no 'max_length'; bound it (for example 'max_length: 64') so that"
              + " no caller can send an unbounded value");
      ok = false;
    }
    if (type != FieldType.STRING && definition.maxLength() != null) {
      ok = bad(definition, "'max_length' applies to string fields only; remove it from " + where);
    }
    if ((type == FieldType.ENUM || type == FieldType.BOOLEAN) && definition.maxValues() != null) {
      ok = bad(definition, "'max_values' applies to string, integer and double fields; the values of "
          + where + " are already counted");
    }
    if (definition.optional() && definition.defaultValue() != null) {
      ok = bad(definition.defaultValue(), where + " is optional and has a default; with a default it is always"
          + " sent, so remove 'optional: true' or the default");
    }
    if (definition.fallback() != null && !fallbackIsListed(definition, where)) {
      ok = false;
    }
    if (!ok) {
      return null;
    }
    List<EnumValue> values = type == FieldType.ENUM
        ? SchemaValidator.enumValues(definition.values(), handlerValues, definition.position(), diagnostics)
        : List.of();
    if (type == FieldType.ENUM && values.isEmpty() && allHandlers) {
      diagnostics.error(DiagnosticCode.EMPTY_ENUM, definition.position(),
          where + " takes its values from handlers, but no @Metered handler in this compilation"
              + " declares one; annotate a handler with attributes = \"" + definition.key()
              + "=...\", or list values under 'values:'");
      return null;
    }
    String fallback = definition.fallback() == null ? null : definition.fallback().text();
    Field field = new Field(definition.key(), role, type, values, definition.maxLength(), definition.maxValues(),
        definition.optional(), null, null, fallback, definition.description(), definition.fromHandlers(),
        definition.position());
    if (!JavaLimits.checkEnum(field, diagnostics)) {
      return null;
    }
    String defaultValue = checkedValue(field, definition.defaultValue(), "the default of " + where);
    String omitWhen = checkedValue(field, definition.omitWhen(), "'omit_when' of " + where);
    return new Field(definition.key(), role, type, values, definition.maxLength(), definition.maxValues(),
        definition.optional(), defaultValue, omitWhen, fallback, definition.description(), definition.fromHandlers(),
        definition.position());
  }

  /**
   * Whether the fallback is one of the enum's own {@code values}, reporting it when not. It must be
   * listed there rather than be added by {@code fallback:}, so that every value of the enum stays
   * in one list and a mistyped fallback is an error instead of one more value.
   */
  private boolean fallbackIsListed(SchemaDocument.Field definition, String where) {
    YamlNode.Scalar fallback = definition.fallback();
    if (definition.type() != FieldType.ENUM) {
      return bad(fallback, "'fallback' applies to enum fields only: " + where + " is "
          + Nouns.withArticle(definition.type().keyword()) + ", whose values are no closed set to fall back"
          + " from" + (definition.type() == FieldType.STRING ? " (max_values folds the excess into __overflow__)" : "")
          + "; remove 'fallback'");
    }
    List<String> listed = definition.values().stream().map(YamlNode.Scalar::text).toList();
    if (listed.contains(fallback.text())) {
      return true;
    }
    if (listed.isEmpty()) {
      return bad(fallback, "the fallback '" + fallback.shown() + "' of " + where + " must be one of its"
          + " 'values', and it has none; list it, for example 'values: [" + fallback.shown() + "]'"
          + (definition.fromHandlers() ? " (handlers add the others)" : ""));
    }
    return bad(fallback, "the fallback '" + fallback.shown() + "' of " + where + " is not one of its 'values'"
        + Suggestions.didYouMean(fallback.text(), listed) + " (values: " + String.join(", ", listed)
        + "); list it there, or name a listed value");
  }

  private String checkedValue(Field field, YamlNode.Scalar scalar, String what) {
    if (scalar == null) {
      return null;
    }
    String problem = ValueChecks.problem(field, scalar, allHandlers || !field.fromHandlers());
    if (problem != null) {
      bad(scalar, what + " '" + scalar.shown() + "' " + problem);
      return null;
    }
    return ValueChecks.canonical(field.type(), scalar);
  }

  private boolean bad(YamlNode.Scalar at, String message) {
    diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, at.position(), message);
    return false;
  }

  private boolean bad(SchemaDocument.Field at, String message) {
    diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, at.position(), message);
    return false;
  }
}
