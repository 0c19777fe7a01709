package dev.metered.processor;

import dev.metered.processor.diagnostic.Diagnostic;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic.Kind;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * What docs/schema.md and docs/lint.md say an accepted schema is, checked on the mutant's text
 * read with snakeyaml's plain {@code Load}: no processor class is used. Each broken rule is a
 * violation with its lint code ({@code null} for the format's rules, which are always errors).
 */
final class SchemaOracle {
  static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");
  static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  static final List<String> DURATIONS =
      List.of("nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week");
  static final Set<String> UNITS = new TreeSet<>(List.of(
      "nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week", "bit", "byte",
      "kilobyte", "kibibyte", "megabyte", "mebibyte", "gigabyte", "gibibyte", "terabyte", "tebibyte", "petabyte",
      "pebibyte", "exabyte", "exbibyte", "ratio", "percent", "none"));
  /** Relay's aliases (relay-base-schema units.rs): accepted, stored under the full name, warned about. */
  static final Map<String, String> UNIT_ALIASES = Map.of("ms", "millisecond", "s", "second", "ns", "nanosecond");
  /** Keys the Java SDK writes over (MetricsApi.createAttributes), besides all of sentry.*. */
  static final Set<String> SDK_KEYS = Set.of("server.address", "user.id", "user.name", "user.email");
  /** Some keys sentry-conventions deprecate (shared/deprecated_attributes.json). */
  static final Set<String> DEPRECATED_KEYS = Set.of("http.method", "http.status_code", "db.statement", "net.peer.name");
  /** Words that make Relay's default data scrubbing filter a key's value, anywhere in it (relay-pii regexes.rs). */
  static final List<String> SCRUBBED_WORDS = List.of("password", "secret", "passwd", "api_key", "api-key", "apikey",
      "auth", "credentials", "mysql_pwd", "privatekey", "private_key", "private-key", "token");
  static final List<String> TIME_WORDS = List.of("time", "duration", "latency", "elapsed", "delay");
  static final List<String> UNIT_SUFFIXES =
      List.of("_ms", "_millis", "_milliseconds", "_seconds", "_secs", "_ns", "_us", "_bytes", "_percent", "_total");
  static final Set<String> TOP_KEYS = Set.of("schema", "namespace", "package", "families", "lint");
  static final Set<String> FAMILY_KEYS = Set.of("description", "attributes", "inputs", "metrics");
  static final Set<String> ATTRIBUTE_KEYS = Set.of(
      "type", "description", "values", "from_handlers", "fallback", "max_length", "max_values", "optional", "default",
      "omit_when");
  static final Set<String> INPUT_KEYS = Set.of("type", "description", "values", "fallback", "max_length", "optional");
  static final Set<String> METRIC_KEYS = Set.of("type", "unit", "description", "value", "attributes", "defaults", "when");
  static final Set<String> TYPES = Set.of("enum", "boolean", "integer", "double", "string");
  static final Set<String> KINDS = Set.of("counter", "distribution", "gauge");
  /** docs/lint.md: each rule's default severity. */
  static final Map<String, String> DEFAULT_SEVERITY = Map.ofEntries(
      Map.entry("MeteredMetricName", "error"), Map.entry("MeteredNamespace", "error"),
      Map.entry("MeteredUnknownUnit", "error"), Map.entry("MeteredUnitAlias", "warning"),
      Map.entry("MeteredCounterUnit", "warning"),
      Map.entry("MeteredTimeUnit", "error"), Map.entry("MeteredUnitInName", "warning"),
      Map.entry("MeteredAttributeKey", "error"), Map.entry("MeteredDeprecatedAttribute", "warning"),
      Map.entry("MeteredScrubbedAttribute", "warning"), Map.entry("MeteredInconsistentAttribute", "error"),
      Map.entry("MeteredUnboundedAttribute", "warning"), Map.entry("MeteredCardinality", "warning"),
      Map.entry("MeteredMetricSize", "error"), Map.entry("MeteredMissingDescription", "warning"));

  record Violation(String code, String subject, String what) {}

  record FieldDef(String key, boolean attribute, String type, List<String> values, Long maxLength, Long maxValues,
      boolean optional, boolean hasDefault) {}

  private final List<Violation> violations = new ArrayList<>();
  private long seriesBudget = 10_000;
  private long maxMetricBytes = 2048;

  /** The rules an accepted mutant breaks, given what the pipeline reported for it. */
  static List<String> problemsOfAccepted(String text, List<Diagnostic> diagnostics) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Object root;
    try {
      // The processor reads a scalar's text whatever its explicit tag; so does the oracle, for the
      // tags the mutator writes (!!binary, !custom).
      ConstructNode asText = node -> node instanceof ScalarNode scalar ? scalar.getValue() : null;
      // One buffer for the whole text, as the processor does: snakeyaml-engine 2.10 fails on a
      // surrogate pair split between two buffer fills.
      root = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setBufferSize(text.length() + 1)
          .setTagConstructors(Map.of(Tag.BINARY, asText, new Tag("!custom"), asText)).build()).loadFromString(text);
    } catch (RuntimeException e) {
      return List.of("the oracle cannot read it as YAML: " + MutationTest.abbreviate(String.valueOf(e.getMessage()), 300));
    }
    SchemaOracle oracle = new SchemaOracle();
    Map<String, String> severities = oracle.check(root);
    List<String> problems = new ArrayList<>();
    for (Violation violation : oracle.violations) {
      String severity = violation.code() == null ? "error"
          : severities.getOrDefault(violation.code(), DEFAULT_SEVERITY.get(violation.code()));
      if (severity.equals("error")) {
        problems.add("it breaks a rule that is an error" + (violation.code() == null ? "" : " (" + violation.code() + ")")
            + ": " + violation.what());
      } else if (severity.equals("warning") && diagnostics.stream().noneMatch(d -> d.kind() == Kind.WARNING
          && d.code().code().equals(violation.code()) && d.message().contains("'" + violation.subject() + "'"))) {
        problems.add("no " + violation.code() + " warning names '" + violation.subject() + "': " + violation.what());
      }
    }
    return problems;
  }

  private void always(String what) {
    violations.add(new Violation(null, null, what));
  }

  private void lint(String code, String subject, String what) {
    violations.add(new Violation(code, subject, what));
  }

  /** Checks the document; returns the severities its lint section sets. */
  Map<String, String> check(Object root) {
    Map<String, String> severities = new HashMap<>();
    if (!(root instanceof Map<?, ?> top)) {
      always("the top level is not a mapping");
      return severities;
    }
    unknownKeys(top, TOP_KEYS, "the top level");
    if (!(top.get("schema") instanceof Integer version) || version != 1) {
      always("schema is " + top.get("schema") + ", not 1");
    }
    String namespace = top.get("namespace") instanceof String text ? text : null;
    if (namespace == null || !WORD.matcher(namespace).matches()) {
      always("the namespace '" + top.get("namespace") + "' is not a lowercase word");
    } else if (namespace.equals("sentry") || namespace.equals("otel")) {
      lint("MeteredNamespace", namespace, "the namespace '" + namespace + "' is reserved");
    }
    if (!(top.get("package") instanceof String javaPackage) || !SourceVersion.isName(javaPackage)) {
      always("the package '" + top.get("package") + "' is not a Java package name");
    } else if (javaPackage.equals("java") || javaPackage.startsWith("java.")) {
      always("the package '" + javaPackage + "' is the platform's");
    }
    if (top.containsKey("lint")) {
      if (top.get("lint") instanceof Map<?, ?> lint) {
        for (Map.Entry<?, ?> entry : lint.entrySet()) {
          String key = text(entry.getKey());
          if (key.equals("series_budget") && entry.getValue() instanceof Number budget) {
            seriesBudget = budget.longValue();
          } else if (key.equals("max_metric_bytes") && entry.getValue() instanceof Number budget) {
            maxMetricBytes = budget.longValue();
          } else if (entry.getValue() instanceof String severity) {
            severities.put(key, severity.strip().toLowerCase(Locale.ROOT));
          }
        }
      } else {
        always("lint is not a mapping");
      }
    }
    if (!(top.get("families") instanceof Map<?, ?> families) || families.isEmpty()) {
      always("families is not a non-empty mapping");
      return severities;
    }
    Set<String> metricNames = new LinkedHashSet<>();
    Map<String, FieldDef> firstAttribute = new HashMap<>();
    for (Map.Entry<?, ?> family : families.entrySet()) {
      checkFamily(text(family.getKey()), family.getValue(), namespace == null ? "" : namespace, metricNames,
          firstAttribute);
    }
    unique(families.keySet().stream().map(key -> upperCamelCase(text(key)) + "Metrics").toList(), "the recorder classes");
    return severities;
  }

  private void checkFamily(String name, Object value, String namespace, Set<String> metricNames,
      Map<String, FieldDef> firstAttribute) {
    if (!WORD.matcher(name).matches()) {
      always("the family name '" + name + "' is not a lowercase word");
    }
    if (!(value instanceof Map<?, ?> family)) {
      always("family '" + name + "' is not a mapping");
      return;
    }
    unknownKeys(family, FAMILY_KEYS, "family '" + name + "'");
    description(family, "family '" + name + "'");
    Map<String, FieldDef> fields = new LinkedHashMap<>();
    for (boolean attribute : new boolean[] {true, false}) {
      String section = attribute ? "attributes" : "inputs";
      if (!family.containsKey(section)) {
        continue;
      }
      if (!(family.get(section) instanceof Map<?, ?> declared)) {
        always(section + " of family '" + name + "' is not a mapping");
        continue;
      }
      for (Map.Entry<?, ?> entry : declared.entrySet()) {
        FieldDef field = field(text(entry.getKey()), attribute, entry.getValue());
        if (field == null) {
          continue;
        }
        if (fields.put(field.key(), field) != null) {
          always("'" + field.key() + "' is declared twice in family '" + name + "'");
        }
        if (attribute) {
          FieldDef first = firstAttribute.putIfAbsent(field.key(), field);
          if (first != null && (!first.type().equals(field.type())
              || field.type().equals("string") && !Objects.equals(first.maxLength(), field.maxLength()))) {
            lint("MeteredInconsistentAttribute", field.key(), "the attribute '" + field.key()
                + "' has two types or lengths across families");
          }
        }
      }
    }
    unique(fields.keySet().stream().map(SchemaOracle::lowerCamelCase).toList(), "the Java names of the fields of family '" + name + "'");
    if (fields.size() > 64) {
      always("family '" + name + "' has " + fields.size() + " fields, over the 64 of docs/schema.md");
    }
    if (!(family.get("metrics") instanceof Map<?, ?> metrics) || metrics.isEmpty()) {
      always("family '" + name + "' has no metrics mapping");
      return;
    }
    List<String> constants = new ArrayList<>();
    for (Map.Entry<?, ?> metric : metrics.entrySet()) {
      checkMetric(text(metric.getKey()), metric.getValue(), namespace, fields, metricNames);
      constants.add(metricConstant(text(metric.getKey()), namespace, name));
    }
    unique(constants, "the name constants of family '" + name + "'");
  }

  private FieldDef field(String key, boolean attribute, Object definition) {
    String where = (attribute ? "attribute '" : "input '") + key + "'";
    if (attribute) {
      if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
        always("the attribute key '" + key + "' does not start with a letter");
      }
      boolean reserved = key.startsWith("sentry.") || SDK_KEYS.contains(key)
          || key.equals("trace_id") || key.equals("span_id");
      if (reserved || !ATTRIBUTE_KEY.matcher(key).matches()) {
        lint("MeteredAttributeKey", key, "the attribute key '" + key + "' is reserved or malformed");
      }
      if (DEPRECATED_KEYS.contains(key)) {
        lint("MeteredDeprecatedAttribute", key, "the attribute key '" + key + "' is deprecated in Sentry's conventions");
      }
      String lower = key.toLowerCase(Locale.ROOT);
      if (SCRUBBED_WORDS.stream().anyMatch(lower::contains) || Set.of("otp", "two_factor", "two-factor").contains(lower)) {
        lint("MeteredScrubbedAttribute", key, "the values of the attribute '" + key + "' would be scrubbed");
      }
    } else if (!WORD.matcher(key).matches()) {
      always("the input key '" + key + "' is not a lowercase word");
    }
    if (definition instanceof String shorthand) {
      if (!TYPES.contains(shorthand)) {
        always(where + " has the type '" + shorthand + "'");
        return null;
      }
      if (shorthand.equals("string")) {
        always(where + " is a string without max_length");
      }
      if (shorthand.equals("enum")) {
        always(where + " is an enum without values");
      }
      FieldDef field = new FieldDef(key, attribute, shorthand, List.of(), null, null, false, false);
      unbounded(field);
      return field;
    }
    if (!(definition instanceof Map<?, ?> body)) {
      always(where + " is neither a type nor a mapping");
      return null;
    }
    unknownKeys(body, attribute ? ATTRIBUTE_KEYS : INPUT_KEYS, where);
    description(body, where);
    if (!(body.get("type") instanceof String type) || !TYPES.contains(type)) {
      always(where + " has the type '" + body.get("type") + "'");
      return null;
    }
    List<String> values = new ArrayList<>();
    if (body.containsKey("values")) {
      if (!(body.get("values") instanceof List<?> list)) {
        always("values of " + where + " is not a list");
      } else {
        for (Object item : list) {
          if (item == null || item instanceof Map || item instanceof List) {
            always("values of " + where + " holds " + item);
          } else if (values.contains(text(item))) {
            always("values of " + where + " lists '" + text(item) + "' twice");
          } else {
            values.add(text(item));
          }
        }
        unique(values.stream().map(SchemaOracle::constantName).toList(), "the enum constants of " + where);
        if (values.size() > 2_000) {
          always(where + " has " + values.size() + " values, over the 2,000 of docs/schema.md");
        }
      }
      if (!type.equals("enum")) {
        always(where + " has values but is " + type);
      }
    }
    if (type.equals("enum") && values.isEmpty()) {
      always(where + " is an enum without values");
    }
    if (body.containsKey("fallback")) {
      Object fallback = body.get("fallback");
      if (fallback == null || fallback instanceof Map || fallback instanceof List) {
        always("the fallback of " + where + " is " + fallback);
      } else if (!type.equals("enum")) {
        always(where + " has a fallback but is " + type);
      } else if (!values.contains(text(fallback))) {
        always("the fallback of " + where + " is none of its values");
      }
    }
    if (body.containsKey("from_handlers") && (!(body.get("from_handlers") instanceof Boolean fromHandlers)
        || fromHandlers && !type.equals("enum"))) {
      always("from_handlers of " + where + " is " + body.get("from_handlers"));
    }
    Long maxLength = positive(body, "max_length", where);
    Long maxValues = positive(body, "max_values", where);
    if (type.equals("string") && maxLength == null) {
      always(where + " is a string without max_length");
    }
    if (!type.equals("string") && body.containsKey("max_length")) {
      always(where + " is " + type + " with max_length");
    }
    if ((type.equals("enum") || type.equals("boolean")) && body.containsKey("max_values")) {
      always(where + " is " + type + " with max_values");
    }
    boolean optional = false;
    if (body.containsKey("optional")) {
      if (body.get("optional") instanceof Boolean flag) {
        optional = flag;
      } else {
        always("optional of " + where + " is " + body.get("optional"));
      }
    }
    FieldDef field = new FieldDef(key, attribute, type, values, maxLength, maxValues, optional, body.containsKey("default"));
    for (String valued : List.of("default", "omit_when")) {
      if (body.containsKey(valued) && !fits(field, body.get(valued))) {
        always(valued + " of " + where + " is " + body.get(valued) + ", which does not fit a " + type);
      }
    }
    if (optional && body.containsKey("default")) {
      always(where + " is optional and has a default");
    }
    unbounded(field);
    return field;
  }

  private void unbounded(FieldDef field) {
    if (field.attribute() && !field.type().equals("enum") && !field.type().equals("boolean") && field.maxValues() == null) {
      lint("MeteredUnboundedAttribute", field.key(), "the attribute '" + field.key() + "' has no max_values");
    }
  }

  private void checkMetric(String name, Object definition, String namespace, Map<String, FieldDef> fields,
      Set<String> metricNames) {
    String where = "metric '" + name + "'";
    if (name.length() > 150 || !METRIC_NAME.matcher(name).matches()) {
      lint("MeteredMetricName", name, "the metric name '" + name + "' is malformed or too long");
    }
    boolean reservedNamespace = namespace.equals("sentry") || namespace.equals("otel");
    if (!reservedNamespace && !name.startsWith(namespace + ".")) {
      lint("MeteredNamespace", name, where + " is outside the namespace '" + namespace + "'");
    }
    if (!metricNames.add(name)) {
      always(where + " is defined twice");
    }
    String kind;
    Map<?, ?> body;
    if (definition instanceof String shorthand) {
      kind = shorthand;
      body = Map.of();
    } else if (definition instanceof Map<?, ?> map) {
      body = map;
      unknownKeys(body, METRIC_KEYS, where);
      kind = body.get("type") instanceof String type ? type : null;
    } else {
      always(where + " is neither a type nor a mapping");
      return;
    }
    if (kind == null || !KINDS.contains(kind)) {
      always(where + " has the type '" + kind + "'");
      return;
    }
    String unit = null;
    if (body.containsKey("unit")) {
      if (body.get("unit") instanceof String text) {
        unit = text;
        if (UNIT_ALIASES.containsKey(unit)) {
          lint("MeteredUnitAlias", name, where + " has Sentry's alias '" + unit + "' for a unit");
        } else if (!UNITS.contains(unit)) {
          lint("MeteredUnknownUnit", name, where + " has the unit '" + unit + "'");
        }
      } else {
        always("the unit of " + where + " is " + body.get("unit"));
      }
    }
    if (kind.equals("counter") && unit != null && !unit.equals("none")) {
      lint("MeteredCounterUnit", name, "the counter '" + name + "' has the unit '" + unit + "'");
    }
    FieldDef value = null;
    if (body.containsKey("value")) {
      value = body.get("value") instanceof String key ? fields.get(key) : null;
      if (value == null) {
        always("the value of " + where + " is " + body.get("value") + ", which is no field of its family");
      } else if (!value.type().equals("integer") && !value.type().equals("double")) {
        always("the value of " + where + " is the " + value.type() + " field '" + value.key() + "'");
      }
    } else if (!kind.equals("counter")) {
      always("the " + kind + " " + where + " has no value");
    }
    String lastSegment = name.substring(name.lastIndexOf('.') + 1);
    String valueKey = value == null ? "" : value.key();
    boolean time = TIME_WORDS.stream().anyMatch(word -> lastSegment.contains(word) || valueKey.contains(word));
    String canonicalUnit = unit == null ? null : UNIT_ALIASES.getOrDefault(unit, unit);
    if (!kind.equals("counter") && time
        && (canonicalUnit == null || UNITS.contains(canonicalUnit) && !DURATIONS.contains(canonicalUnit))) {
      lint("MeteredTimeUnit", name, "the " + kind + " '" + name + "' measures a time but has the unit " + unit);
    }
    if (kind.equals("distribution") && name.endsWith(".count") || UNIT_SUFFIXES.stream().anyMatch(name::endsWith)) {
      lint("MeteredUnitInName", name, "'" + name + "' has a unit or _total in its name");
    }
    if (!(body.get("description") instanceof String text) || text.isBlank()) {
      lint("MeteredMissingDescription", name, where + " has no description");
    }
    description(body, where);
    List<FieldDef> carried = new ArrayList<>();
    if (body.containsKey("attributes")) {
      if (!(body.get("attributes") instanceof List<?> list)) {
        always("the attributes of " + where + " are not a list");
      } else {
        Set<String> seen = new TreeSet<>();
        for (Object item : list) {
          FieldDef field = item instanceof String key ? fields.get(key) : null;
          if (field == null || !field.attribute()) {
            always(where + " carries '" + item + "', which is no attribute of its family");
          } else if (!seen.add(field.key())) {
            always(where + " lists '" + field.key() + "' twice");
          } else {
            carried.add(field);
          }
        }
      }
    } else {
      fields.values().stream().filter(FieldDef::attribute).forEach(carried::add);
    }
    if (body.containsKey("defaults")) {
      if (!(body.get("defaults") instanceof Map<?, ?> defaults)) {
        always("the defaults of " + where + " are not a mapping");
      } else {
        for (Map.Entry<?, ?> entry : defaults.entrySet()) {
          FieldDef field = fields.get(text(entry.getKey()));
          if (field == null || !carried.contains(field) || !field.optional() || !fits(field, entry.getValue())) {
            always("the default of '" + text(entry.getKey()) + "' in " + where + " does not apply or fit");
          }
        }
      }
    }
    if (body.containsKey("when")) {
      conditions(body.get("when"), fields, where);
    }
    long series = 1;
    // docs/lint.md: Relay's canonical size is the name, 8 for the value, and each attribute's key and value;
    // a string is at most 3 bytes a character. Enums, booleans and numbers are left out of this lower bound.
    long size = name.length() + 8;
    for (FieldDef field : carried) {
      long count = switch (field.type()) {
        case "enum" -> field.values().size();
        case "boolean" -> 2;
        default -> field.maxValues() == null ? 1 : field.maxValues();
      };
      series = count != 0 && series > Long.MAX_VALUE / count ? Long.MAX_VALUE : series * count;
      size += field.key().length();
      if (field.type().equals("string") && field.maxLength() != null) {
        size += field.maxLength() * 3;
      }
    }
    if (series > seriesBudget) {
      lint("MeteredCardinality", name, where + " has at least " + series + " series, over " + seriesBudget);
    }
    if (size > maxMetricBytes) {
      lint("MeteredMetricSize", name, "one data point of " + where + " is at least " + size + " bytes");
    }
  }

  private void conditions(Object when, Map<String, FieldDef> fields, String where) {
    if (!(when instanceof Map<?, ?> conditions)) {
      always("the when of " + where + " is not a mapping");
      return;
    }
    for (Map.Entry<?, ?> entry : conditions.entrySet()) {
      FieldDef field = fields.get(text(entry.getKey()));
      if (field == null) {
        always(where + " has a condition on '" + text(entry.getKey()) + "', which is no field of its family");
        continue;
      }
      String operator = "equals";
      Object operand = entry.getValue();
      if (operand instanceof Map<?, ?> operation) {
        if (operation.size() != 1) {
          always(where + " has a condition with " + operation.size() + " operators");
          continue;
        }
        Map.Entry<?, ?> only = operation.entrySet().iterator().next();
        operator = text(only.getKey());
        operand = only.getValue();
      }
      boolean numeric = field.type().equals("integer") || field.type().equals("double");
      boolean ok = switch (operator) {
        case "equals" -> operand != null && !(operand instanceof Map) && !(operand instanceof List) && fits(field, operand);
        case "above", "below" -> numeric && (field.type().equals("integer") ? isWhole(operand) : operand instanceof Number);
        case "given" -> operand instanceof Boolean && (field.optional() || field.hasDefault());
        default -> false;
      };
      if (!ok) {
        always(where + " has the condition " + operator + " " + operand + " on the " + field.type() + " '" + field.key() + "'");
      }
    }
  }

  private void unknownKeys(Map<?, ?> mapping, Set<String> known, String where) {
    for (Object key : mapping.keySet()) {
      if (!known.contains(text(key))) {
        always("the unknown key '" + text(key) + "' in " + where);
      }
    }
  }

  private void description(Map<?, ?> mapping, String where) {
    if (mapping.containsKey("description") && !(mapping.get("description") instanceof String)) {
      always("the description of " + where + " is " + mapping.get("description"));
    }
  }

  private Long positive(Map<?, ?> body, String key, String where) {
    if (!body.containsKey(key)) {
      return null;
    }
    Object value = body.get(key);
    if (isWhole(value) && new BigInteger(value.toString()).signum() > 0
        && new BigInteger(value.toString()).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0) {
      return ((Number) value).longValue();
    }
    always(key + " of " + where + " is " + value + ", not a whole number from 1");
    return null;
  }

  private static boolean fits(FieldDef field, Object value) {
    return switch (field.type()) {
      case "boolean" -> value instanceof Boolean;
      case "integer" -> isWhole(value) && new BigInteger(value.toString()).bitLength() < 64;
      case "double" -> value instanceof Number;
      case "enum" -> value != null && field.values().contains(text(value));
      default -> value != null && !(value instanceof Map) && !(value instanceof List)
          && (!(value instanceof String text) || field.maxLength() == null || text.length() <= field.maxLength());
    };
  }

  private void unique(List<String> javaNames, String what) {
    if (new TreeSet<>(javaNames).size() != javaNames.size()) {
      always(what + " collide: " + javaNames);
    }
  }

  /** docs/schema.md: {@code command_type} is {@code CommandType}. */
  static String upperCamelCase(String key) {
    StringBuilder name = new StringBuilder();
    for (String part : ascii(key).split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return name.toString();
  }

  /** docs/schema.md: parameter names in lowerCamelCase, {@code command_type} is {@code commandType}. */
  static String lowerCamelCase(String key) {
    String type = upperCamelCase(key);
    return type.isEmpty() ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }

  /**
   * docs/schema.md: upper case, other characters {@code _}, a {@code _} before a leading digit,
   * {@code VALUE} before a name of {@code _} only.
   */
  static String constantName(String wireValue) {
    String upper = ascii(wireValue.toUpperCase(Locale.ROOT)).replaceAll("[^A-Z0-9_]", "_");
    if (upper.matches("_*")) {
      return "VALUE" + upper;
    }
    return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
  }

  /** docs/schema.md: accents dropped, another non-ASCII letter or digit {@code U} and its hex code point. */
  static String ascii(String text) {
    StringBuilder out = new StringBuilder();
    java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && Character.getType(c) != Character.ENCLOSING_MARK
            && Character.getType(c) != Character.COMBINING_SPACING_MARK)
        .forEach(c -> out.append(c < 0x80 ? Character.toString(c)
            : Character.isLetterOrDigit(c) ? "U" + Integer.toHexString(c).toUpperCase(Locale.ROOT) : "_"));
    return out.toString();
  }

  /** docs/schema.md: the segments after the namespace and the family, upper case, joined by {@code _}. */
  static String metricConstant(String name, String namespace, String family) {
    String rest = name.startsWith(namespace + ".") ? name.substring(namespace.length() + 1) : name;
    rest = rest.startsWith(family + ".") ? rest.substring(family.length() + 1) : rest;
    return constantName(rest.replace('.', '_'));
  }

  private static boolean isWhole(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  private static String text(Object value) {
    return String.valueOf(value);
  }
}
