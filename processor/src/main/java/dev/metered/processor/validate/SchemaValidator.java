package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.diagnostic.NotGenerated;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.diagnostic.Suggestions;
import dev.metered.processor.model.Condition;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldRole;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.HandlerModel;
import dev.metered.processor.model.JavaNames;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricType;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.model.RecorderNames;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.YamlNode;
import dev.metered.processor.source.HandlerSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Cross-checks the schema's parts and the handlers against each other and builds the {@link
 * MetricsModel}. Every problem is reported; the model holds what can be generated despite them
 * ({@link #validateAll}).
 */
public final class SchemaValidator {
  /** Lowercase words joined by {@code _}: what every family, attribute and input key must be. */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  private final Diagnostics diagnostics;
  private final boolean allHandlers;
  /** The errors in the metrics of the family being validated, which were left out. */
  private int metricErrors;

  /** A validator for a compilation that holds every {@code @Metered} handler. */
  public SchemaValidator(Diagnostics diagnostics) {
    this(diagnostics, true);
  }

  /**
   * @param allHandlers whether the compilation holds every handler; when it holds only some (its
   *     recorders were compiled before), an enum that handlers add values to is not complete, so
   *     neither its lack of values nor a value missing from it is an error here
   */
  public SchemaValidator(Diagnostics diagnostics, boolean allHandlers) {
    this.diagnostics = diagnostics;
    this.allHandlers = allHandlers;
  }

  /**
   * Validates {@code document} with the {@code handlers} of the compilation.
   *
   * @return the model, or empty when an error was reported
   */
  public Optional<MetricsModel> validate(SchemaDocument document, String schemaPath, List<HandlerSite> handlers) {
    Optional<MetricsModel> model = validateAll(document, schemaPath, handlers).model();
    return diagnostics.hasErrors() ? Optional.empty() : model;
  }

  /**
   * Validates {@code document} with the {@code handlers} of the compilation, and keeps what can
   * be generated whatever the errors: a family with an error in its name or fields is left out
   * (its first error says so), a metric with an error is left out of its family, and a handler
   * of a family left out is not checked, so that nothing is reported twice.
   */
  public Validated validateAll(SchemaDocument document, String schemaPath, List<HandlerSite> handlers) {
    int start = diagnostics.size();
    checkNamespace(document.namespace());
    checkPackage(document.javaPackage());
    if (diagnostics.errorsSince(start) > 0) {
      diagnostics.explainFirstErrorSince(start, NotGenerated.NOTHING);
    }
    boolean usable = diagnostics.errorsSince(start) == 0 && !document.unread().topLevel()
        && document.namespace() != null && document.javaPackage() != null;
    Map<String, SchemaDocument.Family> familiesByName = new LinkedHashMap<>();
    for (SchemaDocument.Family family : document.families()) {
      familiesByName.put(family.name(), family);
    }
    // The values handlers add to enums, first: a family's enums need them. The handlers'
    // errors are reported below, once it is known which families are generated.
    HandlerValidator contributions = new HandlerValidator(new Diagnostics(), familiesByName, Set.of());
    contributions.validate(handlers);

    String namespace = document.namespace() == null ? "" : document.namespace().text();
    Map<String, FamilyModel> generated = new LinkedHashMap<>();
    Set<String> notGenerated = new LinkedHashSet<>(document.unread().families());
    Set<String> withErrors = new LinkedHashSet<>(document.unread().families());
    withErrors.addAll(document.unread().withoutMetrics());
    Map<String, SourcePosition> metricNames = new HashMap<>();
    Map<String, String> recorderNames = new HashMap<>();
    for (SchemaDocument.Family family : document.families()) {
      int familyStart = diagnostics.size();
      checkKey(family.name(), family.position(), "family");
      String recorder = RecorderNames.recorder(family.name());
      String clash = recorderNames.putIfAbsent(recorder, family.name());
      if (clash != null) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, family.position(),
            "families '" + clash + "' and '" + family.name() + "' would both generate " + recorder + "; rename one");
      }
      metricErrors = 0;
      FamilyModel model = validateFamily(family, namespace, contributions.contributions(family.name()), metricNames);
      int errors = diagnostics.errorsSince(familyStart);
      if (errors == metricErrors) {
        // Only a family whose fields are fine: a name reported already is not reported again.
        JavaLimits.checkFamily(model, diagnostics);
        RecorderNameClashes.check(model, diagnostics);
      }
      if (clash != null || diagnostics.errorsSince(familyStart) > metricErrors || model.metrics().isEmpty()) {
        if (clash == null) {
          // (With a clash, the recorder of that name is the other family's, and generated.)
          diagnostics.explainFirstErrorSince(familyStart, NotGenerated.recorder(recorder));
        }
        notGenerated.add(family.name());
        withErrors.add(family.name());
      } else {
        if (errors > 0) {
          withErrors.add(family.name());
        }
        generated.put(family.name(), model);
      }
    }
    // Handlers of a family that is not generated are checked once it is.
    Map<String, List<HandlerModel>> handlersByFamily =
        new HandlerValidator(diagnostics, familiesByName, notGenerated).validate(handlers);
    List<FamilyModel> families = new ArrayList<>();
    for (FamilyModel model : generated.values()) {
      families.add(new FamilyModel(model.name(), model.description(), model.attributes(), model.inputs(),
          model.metrics(), List.copyOf(handlersByFamily.getOrDefault(model.name(), List.of())), model.position()));
    }
    if (!usable) {
      return new Validated(Optional.empty(), Set.copyOf(withErrors));
    }
    return new Validated(Optional.of(new MetricsModel(schemaPath, namespace, document.javaPackage().text(),
        List.copyOf(families), document.namespace().position())), Set.copyOf(withErrors));
  }

  private void checkNamespace(YamlNode.Scalar namespace) {
    if (namespace != null && !KEY.matcher(namespace.text()).matches()) {
      diagnostics.error(DiagnosticCode.BAD_NAME, namespace.position(),
          "the namespace '" + namespace.shown() + "' must be one lowercase word of letters, digits"
              + " and '_', starting with a letter, for example 'bot'");
    }
  }

  private void checkPackage(YamlNode.Scalar javaPackage) {
    if (javaPackage != null && !SourceVersion.isName(javaPackage.text())) {
      diagnostics.error(DiagnosticCode.BAD_NAME, javaPackage.position(),
          "'" + javaPackage.shown() + "' is not a Java package name; use dotted identifiers such as"
              + " 'com.example.metrics'");
    } else if (javaPackage != null && JavaNames.isPlatformPackage(javaPackage.text())) {
      diagnostics.error(DiagnosticCode.BAD_NAME, javaPackage.position(),
          "the package '" + javaPackage.shown() + "' is the Java platform's: no other class may be in a"
              + " 'java' package; use your own, such as 'com.example.metrics'");
    }
  }

  private boolean checkKey(String key, SourcePosition position, String what) {
    if (KEY.matcher(key).matches()) {
      return true;
    }
    diagnostics.error(DiagnosticCode.BAD_NAME, position,
        "the " + what + " name '" + Excerpt.of(key) + "' must be lowercase letters, digits and '_', starting with"
            + " a letter, for example '" + Excerpt.of(key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_").replaceAll("^[^a-z]+", "")) + "'");
    return false;
  }

  private boolean startsWithLetter(String key, SourcePosition position) {
    if (!key.isEmpty() && Character.isLetter(key.charAt(0))) {
      return true;
    }
    diagnostics.error(DiagnosticCode.BAD_NAME, position,
        "the attribute key '" + Excerpt.of(key) + "' must start with a letter");
    return false;
  }

  private FamilyModel validateFamily(
      SchemaDocument.Family family,
      String namespace,
      Map<String, TreeSet<String>> contributions,
      Map<String, SourcePosition> metricNames) {
    Map<String, Field> fields = new LinkedHashMap<>();
    Map<String, String> javaNames = new HashMap<>();
    List<Field> attributes = new ArrayList<>();
    List<Field> inputs = new ArrayList<>();
    FieldValidator fieldValidator = new FieldValidator(diagnostics, allHandlers);
    for (SchemaDocument.Field definition : family.attributes()) {
      addField(fieldValidator.validate(definition, FieldRole.ATTRIBUTE,
          contributions.getOrDefault(definition.key(), new TreeSet<>())), FieldRole.ATTRIBUTE, definition, fields,
          javaNames, attributes);
    }
    for (SchemaDocument.Field definition : family.inputs()) {
      addField(fieldValidator.validate(definition, FieldRole.INPUT, new TreeSet<>()), FieldRole.INPUT,
          definition, fields, javaNames, inputs);
    }
    Set<String> declared = new HashSet<>();
    family.attributes().forEach(field -> declared.add(field.key()));
    family.inputs().forEach(field -> declared.add(field.key()));
    MetricValidator metricValidator = new MetricValidator(
        diagnostics, family.name(), family.delivery(), fields, declared, allHandlers);
    List<MetricModel> metrics = new ArrayList<>();
    Map<String, String> constants = new HashMap<>();
    for (SchemaDocument.Metric definition : family.metrics()) {
      int metricStart = diagnostics.size();
      validateMetric(definition, namespace, family.name(), metricValidator, metricNames, constants)
          .ifPresent(metrics::add);
      metricErrors += diagnostics.errorsSince(metricStart);
    }
    return new FamilyModel(family.name(), family.description(), List.copyOf(attributes),
        List.copyOf(inputs), List.copyOf(metrics), List.of(), family.position());
  }

  /** The metric's model, or empty when it has an error: then it is left out of its family. */
  private Optional<MetricModel> validateMetric(SchemaDocument.Metric definition, String namespace, String family,
      MetricValidator metricValidator, Map<String, SourcePosition> metricNames, Map<String, String> constants) {
    SourcePosition first = metricNames.putIfAbsent(definition.name(), definition.position());
    if (first != null) {
      diagnostics.error(DiagnosticCode.DUPLICATE_NAME, definition.position(),
          "the metric '" + definition.name() + "' is already defined at " + first
              + "; a metric name has exactly one definition");
      return Optional.empty();
    }
    if (definition.name().isBlank()) {
      diagnostics.error(DiagnosticCode.BAD_NAME, definition.position(), "a metric needs a name");
      return Optional.empty();
    }
    String constant = JavaNames.metricConstant(definition.name(), namespace, family);
    String clash = constants.putIfAbsent(constant, definition.name());
    if (clash != null) {
      diagnostics.error(DiagnosticCode.DUPLICATE_NAME, definition.position(),
          "the metrics '" + clash + "' and '" + definition.name() + "' would both be the constant "
              + constant + "; rename one");
      return Optional.empty();
    }
    return metricValidator.validate(definition, constant);
  }

  private void addField(
      Field field,
      FieldRole role,
      SchemaDocument.Field definition,
      Map<String, Field> fields,
      Map<String, String> javaNames,
      List<Field> into) {
    // Attribute keys are sent to Sentry, and the lint rule MeteredAttributeKey checks them as
    // Sentry sees them; what every field key needs here is a usable Java name.
    boolean usable = role == FieldRole.ATTRIBUTE
        ? startsWithLetter(definition.key(), definition.position())
        : checkKey(definition.key(), definition.position(), "field");
    if (!usable) {
      return;
    }
    if (fields.containsKey(definition.key())) {
      diagnostics.error(DiagnosticCode.DUPLICATE_NAME, definition.position(),
          "'" + definition.key() + "' is declared both as an attribute and as an input; a field is one or the other");
      return;
    }
    String javaName = JavaNames.memberName(definition.key());
    String clash = javaNames.putIfAbsent(javaName, definition.key());
    if (clash != null) {
      diagnostics.error(DiagnosticCode.DUPLICATE_NAME, definition.position(),
          "the fields '" + clash + "' and '" + definition.key() + "' would both be the Java name "
              + javaName + "; rename one");
      return;
    }
    if (field != null) {
      fields.put(definition.key(), field);
      into.add(field);
    }
  }

  /** Text for "did you mean" among a family's attributes. */
  static String suggest(String given, Map<String, Field> fields) {
    return Suggestions.didYouMean(given, fields.keySet());
  }

  /** Builds the model of an enum's values, reporting values that map to the same constant. */
  static List<EnumValue> enumValues(
      List<YamlNode.Scalar> schemaValues, TreeSet<String> handlerValues, SourcePosition position, Diagnostics diagnostics) {
    List<EnumValue> values = new ArrayList<>();
    Map<String, String> constants = new HashMap<>();
    for (YamlNode.Scalar scalar : schemaValues) {
      addEnumValue(scalar.text(), false, scalar.position(), values, constants, diagnostics);
    }
    for (String handlerValue : handlerValues) {
      if (values.stream().noneMatch(value -> value.wireValue().equals(handlerValue))) {
        addEnumValue(handlerValue, true, position, values, constants, diagnostics);
      }
    }
    return List.copyOf(values);
  }

  private static void addEnumValue(
      String wire, boolean fromHandler, SourcePosition position, List<EnumValue> values,
      Map<String, String> constants, Diagnostics diagnostics) {
    String constant = JavaNames.constantName(wire);
    String clash = constants.putIfAbsent(constant, wire);
    if (clash != null) {
      diagnostics.error(DiagnosticCode.DUPLICATE_NAME, position,
          clash.equals(wire)
              ? "the value '" + wire + "' is listed twice"
              : "the values '" + clash + "' and '" + wire + "' would both be the enum constant " + constant + "; rename one");
      return;
    }
    values.add(new EnumValue(wire, constant, fromHandler));
  }

  /** The metric kinds that need a value field. */
  static boolean needsValue(MetricType kind) {
    return kind != MetricType.COUNTER;
  }

  /** Whether a condition operator applies to a field type. */
  static boolean operatorApplies(Condition.Operator operator, FieldType type) {
    return switch (operator) {
      case EQUALS, GIVEN -> true;
      case ABOVE, BELOW -> type.isNumeric();
    };
  }
}
