package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Nouns;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.HandlerModel;
import dev.metered.processor.model.HandlerPlan;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.model.WrapperModel;
import dev.metered.processor.model.WrapperModel.Supply;
import dev.metered.processor.source.HandlerSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.util.Types;

/**
 * Checks that a wrapper can record each handler's event, and plans where each of its fields
 * comes from ({@link HandlerPlan}): a constant of the validated handler, an {@code @Attr}
 * parameter of the field's type, the outcome, or the elapsed time into the family's duration.
 * Every required field must be supplied, and once. It reads the {@code @Attr} parameters'
 * types, so it runs once {@link dev.metered.processor.source.WrapperTypes} says the wrapper's
 * types are resolved; only for handlers free of errors in a family free of errors, since the
 * others get no wrapper method and their errors are reported already.
 */
public final class HandlerSupplyValidator {
  private final Diagnostics diagnostics;
  private final MetricsModel model;
  private final AttrParameterTypes attrTypes;

  public HandlerSupplyValidator(Types types, Diagnostics diagnostics, MetricsModel model) {
    this.diagnostics = diagnostics;
    this.model = model;
    this.attrTypes = new AttrParameterTypes(types);
  }

  /**
   * The plans of the handlers a wrapper can serve; a handler it cannot is reported and left out.
   *
   * @param sites handlers of this round whose families {@code model} generates
   */
  public List<HandlerPlan> validate(List<HandlerSite> sites) {
    List<HandlerPlan> plans = new ArrayList<>();
    for (HandlerSite site : sites) {
      FamilyModel family = model.families().stream()
          .filter(candidate -> candidate.name().equals(site.family())).findFirst().orElse(null);
      if (family == null) {
        continue;
      }
      Optional<HandlerModel> handler = validated(site, family);
      if (handler.isEmpty()) {
        reportHidden(site);
        continue;
      }
      plan(site, handler.get(), family).ifPresent(plans::add);
    }
    return plans;
  }

  /**
   * The handler as the schema's validation made it, found by its name and overload, which
   * outlast rounds; empty when javac did not show it to the first round ({@link #reportHidden}).
   */
  private static Optional<HandlerModel> validated(HandlerSite site, FamilyModel family) {
    String owner = site.owner().getQualifiedName().toString();
    int overload = site.overload();
    return family.handlers().stream()
        .filter(handler -> handler.enclosingType().equals(owner) && handler.overload() == overload
            && site.method().getSimpleName().contentEquals(handler.methodName()))
        .findFirst();
  }

  /**
   * Reports a handler javac left out of the first round, in which the handlers are checked and
   * the recorders written: it does that with an overload whose parameters it cannot tell from an
   * earlier overload's while a type in those is not generated yet. Not a crash, and not a
   * misleading error about the values it could not add to the recorders.
   */
  private void reportHidden(HandlerSite site) {
    String name = site.method().getSimpleName() + "()";
    diagnostics.error(DiagnosticCode.HIDDEN_OVERLOAD, site.method(), site.annotation(), null, null,
        "javac left this overload out of the first round, in which Metered checks handlers and writes the"
            + " recorders: while the types Metered generates do not exist yet, its parameters look like those of"
            + " an earlier " + name + ". So it records nothing; give it another name, or declare it before"
            + " the overloads whose signatures name a generated type");
  }

  private Optional<HandlerPlan> plan(HandlerSite site, HandlerModel handler, FamilyModel family) {
    Map<String, Supply> supplies = new LinkedHashMap<>();
    handler.constants().forEach((key, wireValue) -> {
      Field field = field(family, key);
      EnumValue value = field == null ? null : field.value(wireValue);
      if (value != null) {
        supplies.put(field.key(), new WrapperModel.Constant(field, value));
      }
    });
    // Fields an @Attr tried to supply: a mistyped one is reported once, not again as missing.
    Set<String> attempted = new HashSet<>();
    boolean ok = supplyParameters(site, handler, family, supplies, attempted);
    Field success = field(family, "success");
    if (success != null && success.type() == FieldType.BOOLEAN && !supplies.containsKey("success")) {
      supplies.put("success", new WrapperModel.Outcome(success));
    }
    Field errorType = field(family, "error_type");
    if (errorType != null && errorType.type() == FieldType.STRING && errorType.optional()
        && !supplies.containsKey("error_type")) {
      supplies.put("error_type", new WrapperModel.ErrorType(errorType));
    }
    Optional<MetricModel> timing = DurationMetric.of(family);
    if (timing.isEmpty()) {
      diagnostics.error(DiagnosticCode.HANDLER_NO_DURATION, site.method(), site.annotation(), site.familyValue(), null,
          "family '" + family.name() + "' has no distribution with a duration unit whose value is a double"
              + " input, so there is nowhere to record this handler's time; add one, for example '"
              + model.namespace() + "." + family.name() + ".duration: {type: distribution, unit: millisecond,"
              + " value: duration}' with an input 'duration: double'");
      return Optional.empty();
    }
    supplies.put(timing.get().value().key(), new WrapperModel.Elapsed(timing.get().value()));
    ok &= checkRequiredSupplied(site, family, supplies, attempted);
    if (!ok) {
      return Optional.empty();
    }
    return Optional.of(new HandlerPlan(handler, family, List.copyOf(supplies.values()),
        DurationMetric.nanosPerUnit(timing.get())));
  }

  /** Adds the validated {@code @Attr} parameters; reports one that repeats a field or has the wrong type. */
  private boolean supplyParameters(HandlerSite site, HandlerModel handler, FamilyModel family,
      Map<String, Supply> supplies, Set<String> attempted) {
    boolean ok = true;
    String recorder = model.javaPackage() + "." + family.recorderName();
    for (HandlerModel.Parameter validated : handler.parameters()) {
      Field field = field(family, validated.attribute());
      if (field == null) {
        continue; // an attribute the schema declares with an error: its family is not wrapped
      }
      HandlerSite.Parameter parameter = parameter(site, validated.name());
      Supply earlier = supplies.get(field.key());
      if (earlier != null) {
        diagnostics.error(DiagnosticCode.BAD_HANDLER_ATTRIBUTE, parameter.element(), parameter.annotation(),
            parameter.value(), null, earlier instanceof WrapperModel.Parameter other
                ? "'" + field.key() + "' is already supplied by the @Attr parameter '" + other.name()
                    + "'; remove one of the two"
                : "'" + field.key() + "' is fixed by @Metered(attributes = ...) already;"
                    + " remove the constant or this @Attr");
        ok = false;
        continue;
      }
      attempted.add(field.key());
      if (!attrTypes.accepts(field, parameter.element().asType(), recorder)) {
        diagnostics.error(DiagnosticCode.ATTR_TYPE, parameter.element(), parameter.annotation(), parameter.value(),
            null, "the attribute '" + field.key() + "' is " + Nouns.withArticle(field.type().keyword())
                + ", so this parameter must be " + AttrParameterTypes.accepted(field, recorder) + ", not "
                + parameter.element().asType());
        ok = false;
        continue;
      }
      supplies.put(field.key(), new WrapperModel.Parameter(field, validated.name()));
    }
    return ok;
  }

  /** Reports each required field nothing supplies, unless an {@code @Attr} for it was reported already. */
  private boolean checkRequiredSupplied(
      HandlerSite site, FamilyModel family, Map<String, Supply> supplies, Set<String> attempted) {
    boolean ok = true;
    for (Field field : family.requiredFields()) {
      if (!supplies.containsKey(field.key()) && !attempted.contains(field.key())) {
        String how = field.isAttribute()
            ? field.type() == FieldType.ENUM
                ? "fix it with @Metered(attributes = \"" + field.key() + "=...\") or take it from a parameter"
                    + " annotated @Attr(\"" + field.key() + "\")"
                : "take it from a parameter annotated @Attr(\"" + field.key() + "\")"
            : "an input other than the duration cannot come from a handler; make it optional in the schema";
        diagnostics.error(DiagnosticCode.UNSUPPLIED_FIELD, site.method(), site.annotation(), null, null,
            "nothing gives the required " + (field.isAttribute() ? "attribute" : "input") + " '" + field.key()
                + "' of family '" + family.name() + "' for " + site.method().getSimpleName() + "(); " + how);
        ok = false;
      }
    }
    return ok;
  }

  /** The parameter of this round's {@code site} that a validated {@code @Attr} parameter names. */
  private static HandlerSite.Parameter parameter(HandlerSite site, String name) {
    return site.parameters().stream()
        .filter(parameter -> parameter.element().getSimpleName().contentEquals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no @Attr parameter " + name + " in " + site.method()));
  }

  private static Field field(FamilyModel family, String key) {
    return family.fields().stream().filter(field -> field.key().equals(key)).findFirst().orElse(null);
  }
}
