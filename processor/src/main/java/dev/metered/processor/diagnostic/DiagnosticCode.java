package dev.metered.processor.diagnostic;

/**
 * Every diagnostic the processor reports, each with a stable code printed as {@code [Code]}.
 *
 * <p>Codes are part of the public contract: users search for them and docs describe them, so a
 * code is never renamed or reused for another problem.
 */
public enum DiagnosticCode {
  // Finding and reading the schema file.
  SCHEMA_NOT_FOUND("MeteredSchemaNotFound"),
  SCHEMA_UNREADABLE("MeteredSchemaUnreadable"),
  SCHEMA_TOO_LARGE("MeteredSchemaTooLarge"),
  SCHEMA_ENCODING("MeteredSchemaEncoding"),
  SCHEMA_EMPTY("MeteredSchemaEmpty"),
  // The YAML document's shape.
  SCHEMA_SYNTAX("MeteredSchemaSyntax"),
  SCHEMA_DUPLICATE_KEY("MeteredSchemaDuplicateKey"),
  SCHEMA_UNKNOWN_KEY("MeteredSchemaUnknownKey"),
  SCHEMA_MISSING_KEY("MeteredSchemaMissingKey"),
  SCHEMA_WRONG_TYPE("MeteredSchemaWrongType"),
  SCHEMA_BAD_VALUE("MeteredSchemaBadValue"),
  SCHEMA_VERSION("MeteredSchemaVersion"),
  // What the schema's parts say about each other.
  UNKNOWN_FIELD("MeteredUnknownField"),
  FIELD_TYPE_MISMATCH("MeteredFieldTypeMismatch"),
  DUPLICATE_NAME("MeteredDuplicateName"),
  BAD_NAME("MeteredBadName"),
  EMPTY_ENUM("MeteredEmptyEnum"),
  // What javac cannot compile however it is named: the limits of a class file.
  TOO_MANY_VALUES("MeteredTooManyValues"),
  FAMILY_TOO_LARGE("MeteredFamilyTooLarge"),
  // @Metered handlers.
  UNKNOWN_FAMILY("MeteredUnknownFamily"),
  UNKNOWN_ATTRIBUTE("MeteredUnknownAttribute"),
  UNKNOWN_VALUE("MeteredUnknownValue"),
  BAD_HANDLER_ATTRIBUTE("MeteredBadHandlerAttribute"),
  /** No longer reported: such handlers are checked against the compiled recorders now. */
  HANDLER_NOT_CHECKED("MeteredHandlerNotChecked"),
  RECORDER_OUT_OF_DATE("MeteredRecorderOutOfDate"),
  PARTIAL_COMPILATION("MeteredPartialCompilation"),
  DUPLICATE_HANDLER("MeteredDuplicateHandler"),
  HANDLER_SHAPE("MeteredHandlerShape"),
  HANDLER_CONSTRUCTOR("MeteredHandlerConstructor"),
  ATTR_TYPE("MeteredAttrType"),
  UNSUPPLIED_FIELD("MeteredUnsuppliedField"),
  HANDLER_NO_DURATION("MeteredHandlerNoDuration"),
  HANDLER_UNRESOLVED("MeteredHandlerUnresolved"),
  /** An overload javac left out of the first round, so that it was never checked with the schema. */
  HIDDEN_OVERLOAD("MeteredHiddenOverload"),
  /** A handler in a source another processor generated, seen after the recorders were written. */
  GENERATED_HANDLER("MeteredGeneratedHandler"),
  // Lint: Sentry would accept these and quietly show something else. Severity is configurable.
  METRIC_NAME("MeteredMetricName"),
  NAMESPACE("MeteredNamespace"),
  UNKNOWN_UNIT("MeteredUnknownUnit"),
  UNIT_ALIAS("MeteredUnitAlias"),
  COUNTER_UNIT("MeteredCounterUnit"),
  TIME_UNIT("MeteredTimeUnit"),
  UNIT_IN_NAME("MeteredUnitInName"),
  ATTRIBUTE_KEY("MeteredAttributeKey"),
  DEPRECATED_ATTRIBUTE("MeteredDeprecatedAttribute"),
  SCRUBBED_ATTRIBUTE("MeteredScrubbedAttribute"),
  INCONSISTENT_ATTRIBUTE("MeteredInconsistentAttribute"),
  UNBOUNDED_ATTRIBUTE("MeteredUnboundedAttribute"),
  CARDINALITY("MeteredCardinality"),
  METRIC_SIZE("MeteredMetricSize"),
  MISSING_DESCRIPTION("MeteredMissingDescription"),
  CATALOG_CHANGE("MeteredCatalogChange"),
  // Reading the earlier build's catalog (-Ametered.catalog.previous).
  CATALOG_TOO_LARGE("MeteredCatalogTooLarge"),
  CATALOG_EMPTY("MeteredCatalogEmpty"),
  BAD_LINT_CONFIG("MeteredBadLintConfig"),
  // Writing generated files.
  GENERATION_FAILED("MeteredGenerationFailed"),
  INTERNAL_ERROR("MeteredInternalError");

  private final String code;

  DiagnosticCode(String code) {
    this.code = code;
  }

  /** The stable code, for example {@code MeteredSchemaSyntax}. */
  public String code() {
    return code;
  }

  /** The code named {@code code}, or {@code null}. */
  public static DiagnosticCode fromCode(String code) {
    for (DiagnosticCode candidate : values()) {
      if (candidate.code.equals(code)) {
        return candidate;
      }
    }
    return null;
  }

  /** The code as printed at the start of a message, for example {@code [MeteredSchemaSyntax]}. */
  public String tag() {
    return "[" + code + "]";
  }
}
