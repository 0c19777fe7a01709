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
    // One plan per metric, used by the three passes below.
    Map<MetricModel, SeriesPlan> plans = new LinkedHashMap<>();
    for (MetricModel metric : family.metrics()) {
      plans.put(metric, SeriesPlan.of(metric, fields));
    }
    if (asksFirst(plans.values())) {
      method.beginControlFlow("if (!this.sink.isEnabled())")
          .addComment("Nothing to do while the sink would drop it.")
          .addStatement("return")
          .endControlFlow();
    }
    Map<String, String> indexes = new LinkedHashMap<>();
    Map<String, String> attributeSets = new LinkedHashMap<>();
    boolean commented = false;
    for (MetricModel metric : family.metrics()) {
      SeriesPlan plan = plans.get(metric);
      if (plan.kind() != SeriesPlan.Kind.ATTRIBUTES && !indexes.containsKey(plan.index().toString())) {
        if (!commented) {
          method.addComment("Each data point's number in its metric's SeriesTable, from enum ordinals and booleans.");
          commented = true;
        }
        String local = localName(metric, names, "series");
        indexes.put(plan.index().toString(), local);
        method.addStatement("int $N = $L", local, plan.index());
      }
    }
    for (MetricModel metric : family.metrics()) {
      SeriesPlan plan = plans.get(metric);
      CodeBlock set = attributeSet(metric);
      if (attributeSets.containsKey(set.toString())) {
        continue;
      }
      if (plan.kind() == SeriesPlan.Kind.TABLE_UNLESS_OPEN_PRESENT) {
        String local = localName(metric, names, "attributes");
        attributeSets.put(set.toString(), local);
        method.addComment("Strings and numbers have no closed set, so no table numbers them: while one is");
        method.addComment("given, the data points carry attributes built for the call.");
        method.addStatement("$T $N = $L ? null : $L", RuntimeTypes.ATTRIBUTES, local, plan.openAbsent(), set);
      } else if (plan.kind() == SeriesPlan.Kind.ATTRIBUTES && metric.conditions().isEmpty()) {
        String local = localName(metric, names, "attributes");
        attributeSets.put(set.toString(), local);
        method.addStatement("$T $N = $L", RuntimeTypes.ATTRIBUTES, local, set);
      }
    }
    for (MetricModel metric : family.metrics()) {
      SeriesPlan plan = plans.get(metric);
      CodeBlock set = attributeSet(metric);
      CodeBlock value = metric.value() == null ? CodeBlock.of("1") : CodeBlock.of("$N", fields.get(metric.value().key()).name());
      CodeBlock record = switch (plan.kind()) {
        case TABLE -> CodeBlock.of("this.sink.record($N, $N, $L)",
            plan.tableName(), indexes.get(plan.index().toString()), value);
        case TABLE_UNLESS_OPEN_PRESENT -> {
          String attributes = attributeSets.get(set.toString());
          yield CodeBlock.of("this.sink.record($N == null ? $N.get($N) : $N.with($N), $L)",
              attributes, plan.tableName(), indexes.get(plan.index().toString()), plan.tableName(), attributes, value);
        }
        case ATTRIBUTES -> {
          String shared = attributeSets.get(set.toString());
          yield CodeBlock.of("this.sink.record($N, $L, $L)", descriptorName(metric), value,
              shared != null ? CodeBlock.of("$N", shared) : set);
        }
      };
      if (metric.conditions().isEmpty()) {
        method.addStatement(record);
      } else {
        List<CodeBlock> tests = new ArrayList<>();
        for (Condition condition : metric.conditions()) {
          tests.add(fields.get(condition.field().key()).test(condition));
        }
        method.beginControlFlow("if ($L)", CodeBlock.join(tests, " && "))
            .addStatement(record)
            .endControlFlow();
      }
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
   * Whether {@code emit} asks the sink whether it is enabled before anything else. It does unless
   * the family has a single metric whose data points are all numbered in its table: such a call
   * builds nothing and makes one sink call, which does nothing while the sink is disabled
   * ({@code MetricSink.record(SeriesTable, int, double)}), so asking first would only add a call
   * to the aggregate hot path. A call that builds attributes or series, or makes several sink
   * calls, asks once rather than have each of them find the sink disabled.
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

  /** {@code Attributes.of(...)} for the attributes {@code metric} carries. */
  private CodeBlock attributeSet(MetricModel metric) {
    if (metric.attributes().isEmpty()) {
      return CodeBlock.of("$T.empty()", RuntimeTypes.ATTRIBUTES);
    }
    List<CodeBlock> attributes = new ArrayList<>();
    for (Field attribute : metric.attributes()) {
      FieldCode code = fields.get(attribute.key());
      String fallback = metric.defaults().get(attribute.key());
      attributes.add(code.attributeOrFallback(fallback == null ? null : code.attributeOf(fallback)));
    }
    if (attributes.size() == 1) {
      return CodeBlock.of("$T.of($L)", RuntimeTypes.ATTRIBUTES, attributes.get(0));
    }
    return CodeBlock.builder()
        .add("$T.of(\n$>", RuntimeTypes.ATTRIBUTES)
        .add(CodeBlock.join(attributes, ",\n"))
        .add(")$<")
        .build();
  }

  /** {@code suffix} for the family's full attribute set, else prefixed with the metric's name. */
  private String localName(MetricModel metric, LocalNames names, String suffix) {
    boolean allAttributes = metric.attributes().equals(family.attributes()) && metric.defaults().isEmpty();
    String base = allAttributes ? suffix : JavaNames.memberName(metric.constantName().toLowerCase(Locale.ROOT))
        + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    return names.unique(base);
  }
}
