package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.NotGenerated;
import dev.metered.processor.diagnostic.Suggestions;
import dev.metered.processor.model.DeliveryMode;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricType;
import dev.metered.processor.model.RecorderNames;
import dev.metered.processor.schema.SchemaDocument.Condition;
import dev.metered.processor.schema.SchemaDocument.Default;
import dev.metered.processor.schema.SchemaDocument.Family;
import dev.metered.processor.schema.SchemaDocument.Field;
import dev.metered.processor.schema.SchemaDocument.Metric;
import dev.metered.processor.schema.YamlNode.ScalarKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a parsed schema into a {@link SchemaDocument}: the format's keys, their types and the
 * keywords they take. What the parts say about each other is the validator's job.
 */
public final class SchemaReader {
  /** The one format version this processor reads. */
  public static final int VERSION = 1;

  static final List<String> TOP_KEYS = List.of("schema", "namespace", "package", "families", "lint");
  static final List<String> FAMILY_KEYS = List.of("description", "delivery", "attributes", "inputs", "metrics");
  static final List<String> ATTRIBUTE_KEYS =
      List.of("type", "description", "values", "from_handlers", "fallback", "max_length", "max_values",
          "optional", "default", "omit_when");
  static final List<String> INPUT_KEYS =
      List.of("type", "description", "values", "fallback", "max_length", "optional");
  static final List<String> METRIC_KEYS =
      List.of("type", "unit", "description", "delivery", "value", "attributes", "defaults", "when");
  static final List<String> OPERATORS = List.of("equals", "above", "below", "given");

  private final Diagnostics diagnostics;
  /** The errors in the metrics of the family being read, which were left out. */
  private int metricErrors;

  public SchemaReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Reads the document; empty when its top level is no mapping. A family or metric with an error
   * is left out and named in {@link SchemaDocument#unread()}, so that the rest can still be
   * generated; the first error of a family left out says that its recorder is not generated.
   */
  public Optional<SchemaDocument> read(YamlNode root) {
    if (!(root instanceof YamlNode.Mapping top)) {
      MappingReader.wrongType(root, "the schema's top level", "a mapping with 'schema',"
          + " 'namespace', 'package' and 'families'", diagnostics);
      return Optional.empty();
    }
    MappingReader keys = new MappingReader(top, "the schema's top level", TOP_KEYS, diagnostics);
    // An unknown top-level key (reported above) or a bad lint section leaves the rest usable.
    int topLevelStart = diagnostics.size();
    readVersion(keys.required("schema", "'schema: " + VERSION + "' (the format's version)"));
    YamlNode.Scalar namespace = keys.requiredString("namespace", "the first segment of every metric name, for example 'namespace: bot'");
    YamlNode.Scalar javaPackage = keys.requiredString("package", "the Java package of the generated recorders, for example 'package: com.example.metrics'");
    List<Family> families = new ArrayList<>();
    Set<String> unreadFamilies = new LinkedHashSet<>();
    Set<String> withoutMetrics = new LinkedHashSet<>();
    int familyErrors = 0;
    YamlNode familiesNode = keys.required("families", "a mapping of family names to families");
    if (familiesNode != null) {
      if (familiesNode instanceof YamlNode.Mapping familyMap && !familyMap.entries().isEmpty()) {
        for (YamlNode.Entry entry : familyMap.entries()) {
          int familyStart = diagnostics.size();
          metricErrors = 0;
          Optional<Family> family = readFamily(entry);
          int errors = diagnostics.errorsSince(familyStart);
          familyErrors += errors;
          if (family.isPresent() && errors == 0) {
            families.add(family.get());
          } else if (family.isPresent() && errors == metricErrors && !family.get().metrics().isEmpty()) {
            families.add(family.get());
            withoutMetrics.add(entry.key().text());
          } else {
            unreadFamilies.add(entry.key().text());
            diagnostics.explainFirstErrorSince(familyStart,
                NotGenerated.recorder(RecorderNames.recorder(entry.key().text())));
          }
        }
      } else if (familiesNode instanceof YamlNode.Mapping) {
        diagnostics.error(DiagnosticCode.SCHEMA_MISSING_KEY, familiesNode.position(),
            "'families' is empty; declare at least one family with its metrics");
      } else {
        MappingReader.wrongType(familiesNode, "'families'", "a mapping of family names to families", diagnostics);
      }
    }
    boolean topLevel = diagnostics.errorsSince(topLevelStart) > familyErrors;
    if (topLevel) {
      diagnostics.explainFirstErrorSince(topLevelStart, NotGenerated.NOTHING);
    }
    YamlNode.Mapping lint = keys.mapping("lint");
    return Optional.of(new SchemaDocument(top.position(), namespace, javaPackage, List.copyOf(families),
        lint == null ? List.of() : lint.entries(),
        new SchemaDocument.Unread(topLevel, Set.copyOf(unreadFamilies), Set.copyOf(withoutMetrics))));
  }

  private void readVersion(YamlNode node) {
    if (node == null) {
      return;
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.INTEGER) {
      if (!scalar.text().equals(String.valueOf(VERSION))) {
        diagnostics.error(DiagnosticCode.SCHEMA_VERSION, scalar.position(),
            "schema version " + scalar.shown() + " is not supported; this processor reads version "
                + VERSION + " (see docs/schema.md)");
      }
      return;
    }
    MappingReader.wrongType(node, "'schema'", "the format's version number, " + VERSION, diagnostics);
  }

  private Optional<Family> readFamily(YamlNode.Entry entry) {
    String name = entry.key().text();
    if (!(entry.value() instanceof YamlNode.Mapping body)) {
      MappingReader.wrongType(entry.value(), "family '" + name + "'", "a mapping with 'metrics'", diagnostics);
      return Optional.empty();
    }
    String where = "family '" + name + "'";
    MappingReader keys = new MappingReader(body, where, FAMILY_KEYS, diagnostics);
    YamlNode.Scalar description = keys.string("description");
    DeliveryMode delivery = delivery(keys.string("delivery"), where);
    List<Field> attributes = readFields(keys.mapping("attributes"), "attribute", ATTRIBUTE_KEYS);
    List<Field> inputs = readFields(keys.mapping("inputs"), "input", INPUT_KEYS);
    List<Metric> metrics = new ArrayList<>();
    YamlNode metricsNode = keys.required("metrics", "a mapping of metric names to metrics");
    if (metricsNode instanceof YamlNode.Mapping metricMap) {
      if (metricMap.entries().isEmpty()) {
        diagnostics.error(DiagnosticCode.SCHEMA_MISSING_KEY, metricMap.position(),
            "'metrics' of " + where + " is empty; a family needs at least one metric");
      }
      for (YamlNode.Entry metric : metricMap.entries()) {
        int metricStart = diagnostics.size();
        Optional<Metric> read = readMetric(metric);
        int errors = diagnostics.errorsSince(metricStart);
        if (errors == 0) {
          read.ifPresent(metrics::add);
        }
        metricErrors += errors;
      }
    } else if (metricsNode != null) {
      MappingReader.wrongType(metricsNode, "'metrics' of " + where, "a mapping of metric names to metrics", diagnostics);
    }
    return Optional.of(new Family(name, entry.key().position(),
        description == null ? null : description.text(),
        delivery, attributes, inputs, List.copyOf(metrics)));
  }

  private List<Field> readFields(YamlNode.Mapping fields, String role, List<String> knownKeys) {
    if (fields == null) {
      return List.of();
    }
    List<Field> read = new ArrayList<>();
    for (YamlNode.Entry entry : fields.entries()) {
      readField(entry, role, knownKeys).ifPresent(read::add);
    }
    return List.copyOf(read);
  }

  private Optional<Field> readField(YamlNode.Entry entry, String role, List<String> knownKeys) {
    String key = entry.key().text();
    String where = role + " '" + key + "'";
    // Shorthand: "success: boolean".
    if (entry.value() instanceof YamlNode.Scalar shorthand) {
      FieldType type = fieldType(shorthand, where);
      return type == null ? Optional.empty() : Optional.of(
          new Field(key, entry.key().position(), type, List.of(), false, null, null, false, null, null, null, null));
    }
    if (!(entry.value() instanceof YamlNode.Mapping body)) {
      MappingReader.wrongType(entry.value(), where, "a type name or a mapping with 'type'", diagnostics);
      return Optional.empty();
    }
    MappingReader keys = new MappingReader(body, where, knownKeys, diagnostics);
    YamlNode typeNode = keys.required("type", "its type: one of " + String.join(", ", FieldType.keywords()));
    FieldType type = typeNode == null ? null : fieldType(typeNode, where);
    List<YamlNode.Scalar> values = keys.scalarList("values");
    YamlNode.Scalar description = keys.string("description");
    Field field = new Field(
        key,
        entry.key().position(),
        type,
        values == null ? List.of() : values,
        keys.bool("from_handlers", false),
        keys.positiveInt("max_length"),
        keys.positiveInt("max_values"),
        keys.bool("optional", false),
        keys.scalar("default"),
        keys.scalar("omit_when"),
        keys.scalar("fallback"),
        description == null ? null : description.text());
    return type == null ? Optional.empty() : Optional.of(field);
  }

  private FieldType fieldType(YamlNode node, String where) {
    YamlNode.Scalar scalar = MappingReader.asString(node, "the type of " + where, diagnostics);
    if (scalar == null) {
      return null;
    }
    FieldType type = FieldType.fromKeyword(scalar.text());
    if (type == null) {
      diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, scalar.position(),
          "'" + scalar.shown() + "' is not a type" + Suggestions.didYouMean(scalar.text(), FieldType.keywords())
              + "; the types are " + String.join(", ", FieldType.keywords()));
    }
    return type;
  }

  private Optional<Metric> readMetric(YamlNode.Entry entry) {
    String name = entry.key().text();
    String where = "metric '" + name + "'";
    if (entry.value() instanceof YamlNode.Scalar shorthand) {
      MetricType kind = metricType(shorthand, where);
      return kind == null ? Optional.empty() : Optional.of(new Metric(
          name, entry.key().position(), kind, null, null, null, null, null, List.of(), List.of()));
    }
    if (!(entry.value() instanceof YamlNode.Mapping body)) {
      MappingReader.wrongType(entry.value(), where, "a metric type or a mapping with 'type'", diagnostics);
      return Optional.empty();
    }
    MappingReader keys = new MappingReader(body, where, METRIC_KEYS, diagnostics);
    YamlNode typeNode = keys.required("type", "its type: one of " + String.join(", ", MetricType.keywords()));
    MetricType kind = typeNode == null ? null : metricType(typeNode, where);
    YamlNode.Scalar unit = keys.string("unit");
    YamlNode.Scalar description = keys.string("description");
    DeliveryMode delivery = delivery(keys.string("delivery"), where);
    YamlNode.Scalar value = keys.string("value");
    List<YamlNode.Scalar> attributes = keys.scalarList("attributes");
    List<Default> defaults = readDefaults(keys.mapping("defaults"));
    List<Condition> when = readConditions(keys.node("when"), where);
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(new Metric(name, entry.key().position(), kind, unit,
        description == null ? null : description.text(), delivery, value, attributes, defaults, when));
  }

  /** The delivery mode {@code node} names, or {@code null} when absent or not a mode (reported). */
  private DeliveryMode delivery(YamlNode.Scalar node, String where) {
    if (node == null) {
      return null;
    }
    DeliveryMode delivery = DeliveryMode.fromKeyword(node.text());
    if (delivery == null) {
      diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, node.position(),
          "'" + node.shown() + "' is not a delivery mode of " + where
              + Suggestions.didYouMean(node.text(), DeliveryMode.keywords())
              + "; the modes are " + String.join(", ", DeliveryMode.keywords()));
    }
    return delivery;
  }

  private MetricType metricType(YamlNode node, String where) {
    YamlNode.Scalar scalar = MappingReader.asString(node, "the type of " + where, diagnostics);
    if (scalar == null) {
      return null;
    }
    MetricType kind = MetricType.fromKeyword(scalar.text());
    if (kind == null) {
      diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, scalar.position(),
          "'" + scalar.shown() + "' is not a metric type" + Suggestions.didYouMean(scalar.text(), MetricType.keywords())
              + "; the metric types are " + String.join(", ", MetricType.keywords()));
    }
    return kind;
  }

  private List<Default> readDefaults(YamlNode.Mapping defaults) {
    if (defaults == null) {
      return List.of();
    }
    List<Default> read = new ArrayList<>();
    for (YamlNode.Entry entry : defaults.entries()) {
      if (entry.value() instanceof YamlNode.Scalar value && value.kind() != ScalarKind.NULL) {
        read.add(new Default(entry.key(), value));
      } else {
        MappingReader.wrongType(entry.value(), "the default of '" + entry.key().shown() + "'", "a single value", diagnostics);
      }
    }
    return List.copyOf(read);
  }

  /**
   * Reads {@code when:}: a mapping of field names to a value ({@code success: false}) or to one
   * operator ({@code retry_count: {above: 0}}); all conditions must hold.
   */
  private List<Condition> readConditions(YamlNode node, String where) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof YamlNode.Mapping conditions)) {
      MappingReader.wrongType(node, "'when' of " + where,
          "a mapping such as {success: false} or {retry_count: {above: 0}}", diagnostics);
      return List.of();
    }
    List<Condition> read = new ArrayList<>();
    for (YamlNode.Entry entry : conditions.entries()) {
      if (entry.value() instanceof YamlNode.Scalar operand && operand.kind() != ScalarKind.NULL) {
        read.add(new Condition(entry.key(), "equals", operand));
        continue;
      }
      if (entry.value() instanceof YamlNode.Mapping operation && operation.entries().size() == 1
          && operation.entries().get(0).value() instanceof YamlNode.Scalar operand
          && operand.kind() != ScalarKind.NULL) {
        YamlNode.Scalar operator = operation.entries().get(0).key();
        if (OPERATORS.contains(operator.text())) {
          read.add(new Condition(entry.key(), operator.text(), operand));
        } else {
          diagnostics.error(DiagnosticCode.SCHEMA_BAD_VALUE, operator.position(),
              "'" + operator.shown() + "' is not a condition" + Suggestions.didYouMean(operator.text(), OPERATORS)
                  + "; the conditions are " + String.join(", ", OPERATORS));
        }
        continue;
      }
      MappingReader.wrongType(entry.value(), "the condition on '" + entry.key().shown() + "' of " + where,
          "a value (success: false) or one operator ({above: 0}, {given: true})", diagnostics);
    }
    return List.copyOf(read);
  }
}
