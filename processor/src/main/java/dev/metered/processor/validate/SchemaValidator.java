package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Excerpt;
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
import dev.metered.processor.model.MetricKind;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.YamlNode;
import dev.metered.processor.source.HandlerSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * MetricsModel}. Every problem is reported; the model is built only when there were none.
 */
public final class SchemaValidator {
  /** Lowercase words joined by {@code _}: what every family, attribute and input key must be. */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  private final Diagnostics diagnostics;
  private final boolean allHandlers;

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
    checkNamespace(document.namespace());
    checkPackage(document.javaPackage());
    Map<String, SchemaDocument.Family> familiesByName = new LinkedHashMap<>();
    for (SchemaDocument.Family family : document.families()) {
      familiesByName.put(family.name(), family);
    }
    HandlerValidator handlerValidator = new HandlerValidator(diagnostics, familiesByName);
    Map<String, List<HandlerModel>> handlersByFamily = handlerValidator.validate(handlers);

    String namespace = document.namespace() == null ? "" : document.namespace().text();
    List<FamilyModel> families = new ArrayList<>();
    Map<String, SourcePosition> metricNames = new HashMap<>();
    Map<String, String> recorderNames = new HashMap<>();
    for (SchemaDocument.Family family : document.families()) {
      checkKey(family.name(), family.position(), "family");
      String recorder = JavaNames.typeName(family.name()) + "Metrics";
      String clash = recorderNames.putIfAbsent(recorder, family.name());
      if (clash != null) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, family.position(),
            "families '" + clash + "' and '" + family.name() + "' would both generate " + recorder + "; rename one");
      }
      List<HandlerModel> familyHandlers = handlersByFamily.getOrDefault(family.name(), List.of());
      int errorsBefore = diagnostics.all().size();
      FamilyModel model = validateFamily(family, namespace, familyHandlers,
          handlerValidator.contributions(family.name()), metricNames);
      if (diagnostics.all().size() == errorsBefore) {
        // Only a family without other problems: a name reported already is not reported again.
        JavaLimits.checkFamily(model, diagnostics);
        RecorderNameClashes.check(model, diagnostics);
      }
      families.add(model);
    }
    if (diagnostics.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new MetricsModel(schemaPath, namespace, document.javaPackage().text(), List.copyOf(families),
        document.namespace().position()));
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
      List<HandlerModel> handlers,
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
      SourcePosition first = metricNames.putIfAbsent(definition.name(), definition.position());
      if (first != null) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, definition.position(),
            "the metric '" + definition.name() + "' is already defined at " + first
                + "; a metric name has exactly one definition");
      }
      if (definition.name().isBlank()) {
        diagnostics.error(DiagnosticCode.BAD_NAME, definition.position(), "a metric needs a name");
        continue;
      }
      String constant = JavaNames.metricConstant(definition.name(), namespace, family.name());
      String clash = constants.putIfAbsent(constant, definition.name());
      if (clash != null) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, definition.position(),
            "the metrics '" + clash + "' and '" + definition.name() + "' would both be the constant "
                + constant + "; rename one");
      }
      metricValidator.validate(definition, constant).ifPresent(metrics::add);
    }
    return new FamilyModel(family.name(), family.description(), List.copyOf(attributes),
        List.copyOf(inputs), List.copyOf(metrics), List.copyOf(handlers), family.position());
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
  static boolean needsValue(MetricKind kind) {
    return kind != MetricKind.COUNTER;
  }

  /** Whether a condition operator applies to a field type. */
  static boolean operatorApplies(Condition.Operator operator, FieldType type) {
    return switch (operator) {
      case EQUALS, GIVEN -> true;
      case ABOVE, BELOW -> type.isNumeric();
    };
  }
}
