package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Nouns;
import dev.metered.processor.diagnostic.Suggestions;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.HandlerModel;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.YamlNode;
import dev.metered.processor.source.HandlerSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks each {@code @Metered} handler against the schema, with errors on the annotation value
 * at fault, and gathers the enum values that handlers contribute.
 */
final class HandlerValidator {
  private final Diagnostics diagnostics;
  private final Map<String, SchemaDocument.Family> families;
  /** Families with errors of their own, whose handlers are checked once those are fixed. */
  private final Set<String> unchecked;
  /** family -> attribute -> values contributed by handlers. */
  private final Map<String, Map<String, TreeSet<String>>> contributions = new HashMap<>();

  /**
   * @param families the families that could be read
   * @param unchecked families (read or not) whose handlers are not checked: they had errors of
   *     their own, and are not generated
   */
  HandlerValidator(Diagnostics diagnostics, Map<String, SchemaDocument.Family> families, Set<String> unchecked) {
    this.diagnostics = diagnostics;
    this.families = families;
    this.unchecked = unchecked;
  }

  /** Validates every handler; returns the valid ones by family. */
  Map<String, List<HandlerModel>> validate(List<HandlerSite> sites) {
    Map<String, List<HandlerModel>> byFamily = new LinkedHashMap<>();
    Map<String, HandlerSite> byIdentity = new HashMap<>();
    for (HandlerSite site : sites) {
      if (site.family() == null || unchecked.contains(site.family())) {
        continue; // javac reports the missing or non-constant value itself; a family's own error is reported
      }
      SchemaDocument.Family family = families.get(site.family());
      if (family == null) {
        diagnostics.error(DiagnosticCode.UNKNOWN_FAMILY, site.method(), site.annotation(), site.familyValue(), null,
            "the schema has no family '" + site.family() + "'" + Suggestions.didYouMean(site.family(), families.keySet())
                + " (families: " + String.join(", ", families.keySet()) + ")");
        continue;
      }
      Map<String, String> constants = validateConstants(site, family);
      if (!constants.isEmpty()) {
        HandlerSite earlier = byIdentity.putIfAbsent(family.name() + constants, site);
        if (earlier != null) {
          reportDuplicate(site, earlier, family.name(), constants);
        }
      }
      List<HandlerModel.Parameter> parameters = validateParameters(site, family);
      byFamily.computeIfAbsent(family.name(), name -> new ArrayList<>()).add(new HandlerModel(
          site.owner().getQualifiedName().toString(), site.method().getSimpleName().toString(),
          site.overload(), family.name(), constants, parameters));
    }
    return byFamily;
  }

  /** Two handlers recording one identical event would be indistinguishable on every dashboard. */
  private void reportDuplicate(HandlerSite site, HandlerSite earlier, String family, Map<String, String> constants) {
    String event = family + " " + constants;
    diagnostics.error(DiagnosticCode.DUPLICATE_HANDLER, site.method(), site.annotation(), null, null,
        "two handlers record the same " + event + " event: this one and " + describe(earlier)
            + "; give each handler its own value");
    diagnostics.error(DiagnosticCode.DUPLICATE_HANDLER, earlier.method(), earlier.annotation(), null, null,
        "two handlers record the same " + event + " event: this one and " + describe(site)
            + "; give each handler its own value");
  }

  private static String describe(HandlerSite site) {
    return site.owner().getQualifiedName() + "." + site.method().getSimpleName() + "()";
  }

  /** The values handlers contribute to the enums of {@code family}, by attribute key. */
  Map<String, TreeSet<String>> contributions(String family) {
    return contributions.getOrDefault(family, Map.of());
  }

  private Map<String, String> validateConstants(HandlerSite site, SchemaDocument.Family family) {
    Map<String, String> constants = new LinkedHashMap<>();
    for (HandlerSite.Constant constant : site.constants()) {
      int equals = constant.text().indexOf('=');
      if (equals <= 0 || equals == constant.text().length() - 1) {
        error(DiagnosticCode.BAD_HANDLER_ATTRIBUTE, site, constant,
            "'" + constant.text() + "' must be written 'attribute=value', for example 'command=ping'");
        continue;
      }
      String key = constant.text().substring(0, equals).trim();
      String value = constant.text().substring(equals + 1).trim();
      SchemaDocument.Field attribute = attribute(family, key);
      if (attribute == null) {
        List<String> keys = family.attributes().stream().map(SchemaDocument.Field::key).toList();
        error(DiagnosticCode.UNKNOWN_ATTRIBUTE, site, constant,
            "family '" + family.name() + "' has no attribute '" + key + "'" + Suggestions.didYouMean(key, keys)
                + " (attributes: " + String.join(", ", keys) + ")");
        continue;
      }
      if (constants.containsKey(key)) {
        error(DiagnosticCode.BAD_HANDLER_ATTRIBUTE, site, constant,
            "the attribute '" + key + "' is given twice; give it once");
        continue;
      }
      if (attribute.type() != FieldType.ENUM) {
        error(DiagnosticCode.BAD_HANDLER_ATTRIBUTE, site, constant,
            "a handler fixes enum attributes only, and '" + key + "' is " + Nouns.withArticle(attribute.type().keyword())
                + "; pass it with an @Attr parameter instead");
        continue;
      }
      if (attribute.fromHandlers()) {
        contributions.computeIfAbsent(family.name(), name -> new HashMap<>())
            .computeIfAbsent(key, name -> new TreeSet<>()).add(value);
      } else if (attribute.values().stream().noneMatch(v -> v.text().equals(value))) {
        List<String> values = attribute.values().stream().map(YamlNode.Scalar::text).toList();
        error(DiagnosticCode.UNKNOWN_VALUE, site, constant,
            "'" + value + "' is not a value of '" + key + "'" + Suggestions.didYouMean(value, values)
                + " (values: " + String.join(", ", values) + "); add it to the schema's values, or"
                + " mark the attribute 'from_handlers: true'");
        continue;
      }
      constants.put(key, value);
    }
    return constants;
  }

  private List<HandlerModel.Parameter> validateParameters(HandlerSite site, SchemaDocument.Family family) {
    List<HandlerModel.Parameter> parameters = new ArrayList<>();
    for (HandlerSite.Parameter parameter : site.parameters()) {
      if (parameter.attribute() == null) {
        continue;
      }
      if (attribute(family, parameter.attribute()) == null) {
        List<String> keys = family.attributes().stream().map(SchemaDocument.Field::key).toList();
        diagnostics.error(DiagnosticCode.UNKNOWN_ATTRIBUTE, parameter.element(), parameter.annotation(),
            parameter.value(), null,
            "family '" + family.name() + "' has no attribute '" + parameter.attribute() + "'"
                + Suggestions.didYouMean(parameter.attribute(), keys) + " (attributes: " + String.join(", ", keys) + ")");
        continue;
      }
      parameters.add(new HandlerModel.Parameter(parameter.element().getSimpleName().toString(), parameter.attribute()));
    }
    return parameters;
  }

  private static SchemaDocument.Field attribute(SchemaDocument.Family family, String key) {
    for (SchemaDocument.Field field : family.attributes()) {
      if (field.key().equals(key)) {
        return field;
      }
    }
    return null;
  }

  private void error(DiagnosticCode code, HandlerSite site, HandlerSite.Constant constant, String message) {
    diagnostics.error(code, site.method(), site.annotation(), constant.value(), null, message);
  }
}
