package dev.metered.processor.generate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import dev.metered.processor.model.Condition;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.JavaNames;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.RecorderNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * Writes the recorder's private {@code emit(...)}: the one place that turns an event into data
 * points. A metric whose attributes have closed value sets records into its
 * {@code SeriesTable}'s series, found by a number computed from enum ordinals and booleans (see
 * {@link SeriesPlan}): nothing is built per call. Attribute sets that include strings or numbers
 * are built once per call and shared by the metrics that carry them.
 */
final class EmitWriter {
  private final FamilyModel family;
  private final ClassName recorder;
  private final Map<String, FieldCode> fields;

  EmitWriter(FamilyModel family, ClassName recorder, Map<String, FieldCode> fields) {
    this.family = family;
    this.recorder = recorder;
    this.fields = fields;
  }

  String name() {
    return "emit";
  }

  /** The private constant holding a metric's descriptor, for example {@code USAGE_METRIC}. */
  static String descriptorName(MetricModel metric) {
    return RecorderNames.descriptor(metric.constantName());
  }

  /** The parameters of {@code emit}, in order: every field, plus flags for optional numbers. */
  List<Parameter> parameters() {
    List<Parameter> parameters = new ArrayList<>();
    for (FieldCode code : fields.values()) {
      parameters.add(new Parameter(code.carriedType(), code.name()));
      if (code.hasGivenFlag()) {
        parameters.add(new Parameter(TypeName.BOOLEAN, code.givenName()));
      }
    }
    return parameters;
  }

  /** A parameter of {@code emit}. */
  record Parameter(TypeName type, String name) {}

  MethodSpec method() {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name()).addModifiers(Modifier.PRIVATE);
    Set<String> parameterNames = new HashSet<>();
    for (Parameter parameter : parameters()) {
      method.addParameter(parameter.type(), parameter.name());
      parameterNames.add(parameter.name());
    }
    LocalNames names = new LocalNames(parameterNames);
    method.beginControlFlow("try");
    List<SeriesPlan> plans = new ArrayList<>();
    for (MetricModel metric : family.metrics()) {
      plans.add(SeriesPlan.of(metric, fields));
    }
    if (asksFirst(plans)) {
      method.beginControlFlow("if (!this.sink.isEnabled())")
          .addComment("Nothing to do while the sink would drop it.")
          .addStatement("return")
          .endControlFlow();
    }
    // What the data points use whichever branch below the call takes.
    Locals always = new Locals(names);
    always.declareIndexes(method, plans, plan -> plan.kind() == SeriesPlan.Kind.TABLE);
    always.declareSharedSets(method, plans, plan -> plan.kind() == SeriesPlan.Kind.ATTRIBUTES, Set.of());
    List<FieldCode> open = optionalOpenFields(plans);
    if (open.isEmpty()) {
      for (SeriesPlan plan : plans) {
        method.addCode(whenConditionsHold(plan.metric(), always.record(plan, false, Set.of())));
      }
    } else {
      // One branch for a call without its optional strings and numbers, one for a call with them.
      method.beginControlFlow("if ($L)", absent(open));
      Locals plain = always.copy();
      plain.declareIndexes(method, plans, plan -> plan.kind() == SeriesPlan.Kind.TABLE_UNLESS_OPEN_PRESENT);
      for (SeriesPlan plan : plans) {
        method.addCode(whenConditionsHold(plan.metric(), plain.record(plan, false, Set.of())));
      }
      // A single such field is known to be present in the other branch: its attribute needs no check.
      Set<FieldCode> present = open.size() == 1 ? Set.of(open.get(0)) : Set.of();
      method.nextControlFlow("else")
          .addComment("Strings and numbers have no closed set, so no table numbers them: the data points")
          .addComment("carry attributes built for the call.");
      Locals withOpen = always.copy();
      withOpen.declareSharedSets(method, plans, plan -> isAllOf(plan, open), present);
      for (SeriesPlan plan : plans) {
        CodeBlock record = plan.kind() != SeriesPlan.Kind.TABLE_UNLESS_OPEN_PRESENT || isAllOf(plan, open)
            ? withOpen.record(plan, true, present)
            : withOpen.eitherRecord(plan);
        method.addCode(whenConditionsHold(plan.metric(), record));
      }
      method.endControlFlow();
    }
    String fatal = names.unique("fatal");
    String failure = names.unique("failure");
    method.nextControlFlow("catch ($T $N)", VirtualMachineError.class, fatal)
        .addComment("Out of memory, stack overflow: the JVM's own failures are not the recorder's to hide.")
        .addStatement("throw $N", fatal)
        .nextControlFlow("catch ($T $N)", Throwable.class, failure)
        .addComment("Anything else, an Error from the sink included, never reaches the caller; see RecordingFailures.")
        .addStatement("$T.report($S, $N)", RuntimeTypes.RECORDING_FAILURES, recorder.simpleName(), failure)
        .endControlFlow();
    return method.build();
  }

  /**
   * The open fields (strings, numbers) whose absence lets some metric record into its table, in
   * the family's order.
   */
  private List<FieldCode> optionalOpenFields(Collection<SeriesPlan> plans) {
    Set<FieldCode> used = new HashSet<>();
    for (SeriesPlan plan : plans) {
      if (plan.kind() == SeriesPlan.Kind.TABLE_UNLESS_OPEN_PRESENT) {
        used.addAll(plan.optionalOpen());
      }
    }
    return fields.values().stream().filter(used::contains).toList();
  }

  /** Whether {@code plan} records into its table exactly while every one of {@code open} is absent. */
  private static boolean isAllOf(SeriesPlan plan, List<FieldCode> open) {
    return plan.kind() == SeriesPlan.Kind.TABLE_UNLESS_OPEN_PRESENT
        && Set.copyOf(plan.optionalOpen()).equals(Set.copyOf(open));
  }

  /** True while each of {@code open} is absent. */
  private static CodeBlock absent(List<FieldCode> open) {
    return CodeBlock.join(open.stream().map(FieldCode::absentCondition).toList(), " && ");
  }

  /** {@code record}, inside {@code if (...)} when the metric is emitted only under conditions. */
  private CodeBlock whenConditionsHold(MetricModel metric, CodeBlock record) {
    if (metric.conditions().isEmpty()) {
      return record;
    }
    List<CodeBlock> tests = new ArrayList<>();
    for (Condition condition : metric.conditions()) {
      tests.add(fields.get(condition.field().key()).test(condition));
    }
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", CodeBlock.join(tests, " && "))
        .add(record)
        .endControlFlow()
        .build();
  }

  /** The value a data point of {@code metric} records: its input, or 1 for a counter without one. */
  private CodeBlock value(MetricModel metric) {
    return metric.value() == null ? CodeBlock.of("1") : CodeBlock.of("$N", fields.get(metric.value().key()).name());
  }

  /**
   * The locals a branch of {@code emit} has declared, series numbers and attribute sets, by
   * their expression: metrics that share one compute it once.
   */
  private final class Locals {
    private final LocalNames names;
    private final Map<String, String> indexes;
    private final Map<String, String> sets;

    Locals(LocalNames names) {
      this(names, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    private Locals(LocalNames names, Map<String, String> indexes, Map<String, String> sets) {
      this.names = names;
      this.indexes = indexes;
      this.sets = sets;
    }

    /** The locals declared so far, for a branch that declares more of its own. */
    Locals copy() {
      return new Locals(names, new LinkedHashMap<>(indexes), new LinkedHashMap<>(sets));
    }

    /** Declares the series number of each metric whose plan {@code uses} its table here. */
    void declareIndexes(MethodSpec.Builder method, List<SeriesPlan> plans, Predicate<SeriesPlan> uses) {
      boolean commented = false;
      for (SeriesPlan plan : plans) {
        String index = plan.indexText();
        if (!uses.test(plan) || indexes.containsKey(index)) {
          continue;
        }
        if (!commented) {
          method.addComment("Each data point's number in its metric's SeriesTable, from enum ordinals and booleans.");
          commented = true;
        }
        // Named after the first metric numbered so, whichever branch declares it.
        MetricModel namesake = plans.stream()
            .filter(other -> other.kind() != SeriesPlan.Kind.ATTRIBUTES && other.indexText().equals(index))
            .findFirst().orElseThrow().metric();
        String local = localName(namesake, "series");
        indexes.put(index, local);
        method.addStatement("int $N = $L", local, plan.index());
      }
    }

    /**
     * Declares each attribute set that two or more metrics whose plan {@code uses} attributes
     * here carry, one of them unconditionally: built once for all of them, and not for a call
     * whose only carriers' conditions may not hold.
     *
     * @param present the open fields known to be present here
     */
    void declareSharedSets(MethodSpec.Builder method, List<SeriesPlan> plans,
        Predicate<SeriesPlan> uses, Set<FieldCode> present) {
      Map<String, List<MetricModel>> carriers = new LinkedHashMap<>();
      for (SeriesPlan plan : plans) {
        if (uses.test(plan)) {
          carriers.computeIfAbsent(attributeSet(plan.metric(), present).toString(), set -> new ArrayList<>())
              .add(plan.metric());
        }
      }
      for (Map.Entry<String, List<MetricModel>> entry : carriers.entrySet()) {
        List<MetricModel> metrics = entry.getValue();
        if (metrics.size() < 2 || sets.containsKey(entry.getKey())
            || metrics.stream().noneMatch(metric -> metric.conditions().isEmpty())) {
          continue;
        }
        String local = localName(metrics.get(0), "attributes");
        sets.put(entry.getKey(), local);
        method.addStatement("$T $N = $L", RuntimeTypes.ATTRIBUTES, local, attributeSet(metrics.get(0), present));
      }
    }

    /**
     * The sink call for one data point of {@code metric}: into its table by number, or with its
     * attributes when it carries open ones and {@code withOpen} says they are there.
     *
     * @param present the open fields known to be present here
     */
    CodeBlock record(SeriesPlan plan, boolean withOpen, Set<FieldCode> present) {
      MetricModel metric = plan.metric();
      boolean table = plan.kind() == SeriesPlan.Kind.TABLE
          || plan.kind() == SeriesPlan.Kind.TABLE_UNLESS_OPEN_PRESENT && !withOpen;
      if (table) {
        String local = indexes.get(plan.indexText());
        return CodeBlock.builder()
            .addStatement("this.sink.record($N, $L, $L)", plan.tableName(),
                local != null ? CodeBlock.of("$N", local) : plan.index(), value(metric))
            .build();
      }
      CodeBlock set = attributeSet(metric, present);
      String shared = sets.get(set.toString());
      return CodeBlock.builder()
          .addStatement("this.sink.record($N, $L, $L)", descriptorName(metric), value(metric),
              shared != null ? CodeBlock.of("$N", shared) : set)
          .build();
    }

    /**
     * For a metric whose own open fields are only some of the call's: into its table while they
     * are absent, else with its attributes.
     */
    CodeBlock eitherRecord(SeriesPlan plan) {
      List<FieldCode> own = plan.optionalOpen();
      return CodeBlock.builder()
          .beginControlFlow("if ($L)", absent(own))
          .add(record(plan, false, Set.of()))
          .nextControlFlow("else")
          .add(record(plan, true, own.size() == 1 ? Set.of(own.get(0)) : Set.of()))
          .endControlFlow()
          .build();
    }

    /** {@code suffix} for the family's full attribute set, else prefixed with the metric's name. */
    private String localName(MetricModel metric, String suffix) {
      boolean allAttributes = metric.attributes().equals(family.attributes()) && metric.defaults().isEmpty();
      String base = allAttributes ? suffix : JavaNames.memberName(metric.constantName().toLowerCase(Locale.ROOT))
          + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
      return names.unique(base);
    }
  }

  /**
   * Whether {@code emit} asks the sink whether it is enabled before anything else. It does unless
   * the family has a single metric whose data points are all numbered in its table: such a call
   * builds nothing and makes one sink call, which does nothing while the sink is disabled
   * ({@code MetricSink.record(SeriesTable, int, double)}), so asking first would only add a call
   * to the aggregate hot path. A call that builds attributes, or makes several sink calls, asks
   * once rather than have each of them find the sink disabled.
   */
  private static boolean asksFirst(Collection<SeriesPlan> plans) {
    if (plans.size() > 1) {
      return true;
    }
    for (SeriesPlan plan : plans) {
      if (plan.kind() != SeriesPlan.Kind.TABLE) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code Attributes.of(...)} for the attributes {@code metric} carries.
   *
   * @param present the open fields known to be present, whose attributes need no check
   */
  private CodeBlock attributeSet(MetricModel metric, Set<FieldCode> present) {
    if (metric.attributes().isEmpty()) {
      return CodeBlock.of("$T.empty()", RuntimeTypes.ATTRIBUTES);
    }
    List<CodeBlock> attributes = new ArrayList<>();
    for (Field attribute : metric.attributes()) {
      FieldCode code = fields.get(attribute.key());
      String fallback = metric.defaults().get(attribute.key());
      attributes.add(present.contains(code) ? code.attribute()
          : code.attributeOrFallback(fallback == null ? null : code.attributeOf(fallback)));
    }
    if (attributes.size() == 1) {
      return CodeBlock.of("$T.of($L)", RuntimeTypes.ATTRIBUTES, attributes.get(0));
    }
    // One attribute a line, indented as any statement's continuation lines are.
    return CodeBlock.builder()
        .add("$T.of(\n", RuntimeTypes.ATTRIBUTES)
        .add(CodeBlock.join(attributes, ",\n"))
        .add(")")
        .build();
  }


}
