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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the recorder's private {@code emit(...)}: the one place that turns an event into data
 * points. Attribute sets used by a metric emitted on every call are built once per call and
 * shared; those of conditional metrics are built only when their condition holds.
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
    return metric.constantName() + "_METRIC";
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
    method.beginControlFlow("if (!this.sink.isEnabled())")
        .addStatement("return")
        .endControlFlow();
    method.beginControlFlow("try");
    Map<String, String> sharedSets = new LinkedHashMap<>();
    for (MetricModel metric : family.metrics()) {
      CodeBlock set = attributeSet(metric);
      if (metric.conditions().isEmpty() && !sharedSets.containsKey(set.toString())) {
        String local = localName(metric, names);
        sharedSets.put(set.toString(), local);
        method.addStatement("$T $N = $L", RuntimeTypes.ATTRIBUTES, local, set);
      }
    }
    for (MetricModel metric : family.metrics()) {
      CodeBlock set = attributeSet(metric);
      String shared = sharedSets.get(set.toString());
      CodeBlock attributes = shared != null ? CodeBlock.of("$N", shared) : set;
      CodeBlock value = metric.value() == null ? CodeBlock.of("1") : CodeBlock.of("$N", fields.get(metric.value().key()).name());
      if (metric.conditions().isEmpty()) {
        method.addStatement("this.sink.record($N, $L, $L)", descriptorName(metric), value, attributes);
      } else {
        List<CodeBlock> tests = new ArrayList<>();
        for (Condition condition : metric.conditions()) {
          tests.add(fields.get(condition.field().key()).test(condition));
        }
        method.beginControlFlow("if ($L)", CodeBlock.join(tests, " && "))
            .addStatement("this.sink.record($N, $L, $L)", descriptorName(metric), value, attributes)
            .endControlFlow();
      }
    }
    String failure = names.unique("failure");
    method.nextControlFlow("catch ($T $N)", RuntimeException.class, failure)
        .addComment("A recorder never throws into its caller; see RecordingFailures.")
        .addStatement("$T.report($S, $N)", RuntimeTypes.RECORDING_FAILURES, recorder.simpleName(), failure)
        .endControlFlow();
    return method.build();
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

  private String localName(MetricModel metric, LocalNames names) {
    boolean allAttributes = metric.attributes().equals(family.attributes()) && metric.defaults().isEmpty();
    String base = allAttributes ? "attributes" : JavaNames.memberName(
        metric.constantName().toLowerCase()) + "Attributes";
    return names.unique(base);
  }
}
