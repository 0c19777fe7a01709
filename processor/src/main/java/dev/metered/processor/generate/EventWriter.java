package dev.metered.processor.generate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.RecorderNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code event(...)} and the nested {@code Event} class: how callers give optional
 * fields without passing {@code null}s, for example {@code
 * metrics.event(Command.PING, CommandType.SLASH, false, 12.5).errorType("Timeout").record()}.
 */
final class EventWriter {
  private final FamilyModel family;
  private final ClassName recorder;
  private final ClassName event;
  private final Map<String, FieldCode> fields;
  private final EmitWriter emit;

  EventWriter(FamilyModel family, ClassName recorder, Map<String, FieldCode> fields, EmitWriter emit) {
    this.family = family;
    this.recorder = recorder;
    this.event = recorder.nestedClass(RecorderNames.EVENT_CLASS);
    this.fields = fields;
    this.emit = emit;
  }

  MethodSpec factoryMethod() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("event")
        .addModifiers(Modifier.PUBLIC)
        .returns(event);
    StringBuilder doc = new StringBuilder("Starts a ").append(JavadocText.code(family.name()))
        .append(" event that can also carry ").append(RecorderWriter.names(family.optionalFields()))
        .append(";\n{@link Event#record()} records it.\n\n");
    List<CodeBlock> arguments = new ArrayList<>();
    for (Field field : family.requiredFields()) {
      FieldCode code = fields.get(field.key());
      method.addParameter(code.type(), code.name());
      arguments.add(CodeBlock.of("$N", code.name()));
      doc.append("@param ").append(code.name()).append(" ").append(Javadoc.parameter(field)).append("\n");
    }
    return method.addJavadoc("$L", doc.toString())
        .addStatement("return new $T($L)", event, CodeBlock.join(arguments, ", "))
        .build();
  }

  TypeSpec eventClass() {
    TypeSpec.Builder type = TypeSpec.classBuilder(event)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("One $L event being put together. Set what applies, then call {@link #record()}.\n"
            + "Not thread-safe: build and record it on one thread.\n", JavadocText.code(family.name()));
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
    for (FieldCode code : fields.values()) {
      Field field = code.field();
      if (!field.optionalAtCallSite()) {
        type.addField(code.type(), code.name(), Modifier.PRIVATE, Modifier.FINAL);
        constructor.addParameter(code.type(), code.name())
            .addStatement("this.$N = $N", code.name(), code.name());
        continue;
      }
      FieldSpec.Builder carried = FieldSpec.builder(code.carriedType(), code.name(), Modifier.PRIVATE);
      if (field.defaultValue() != null) {
        carried.initializer("$L", code.literal(field.defaultValue()));
      }
      type.addField(carried.build());
      if (code.hasGivenFlag()) {
        type.addField(TypeName.BOOLEAN, code.givenName(), Modifier.PRIVATE);
      }
      type.addMethod(setter(code));
    }
    type.addMethod(constructor.build());
    List<CodeBlock> arguments = new ArrayList<>();
    for (EmitWriter.Parameter parameter : emit.parameters()) {
      arguments.add(CodeBlock.of("$N", parameter.name()));
    }
    type.addMethod(MethodSpec.methodBuilder("record")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Records the event: emits each metric of the family whose condition holds.\n")
        // Qualified: a setter of this class may be named emit too (for a field 'emit').
        .addStatement("$T.this.$N($L)", recorder, emit.name(), CodeBlock.join(arguments, ", "))
        .build());
    return type.build();
  }

  private MethodSpec setter(FieldCode code) {
    Field field = code.field();
    MethodSpec.Builder setter = MethodSpec.methodBuilder(code.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(event)
        .addParameter(code.type(), code.name())
        .addStatement("this.$N = $N", code.name(), code.name());
    if (code.hasGivenFlag()) {
      setter.addStatement("this.$N = true", code.givenName());
    }
    String when = field.defaultValue() != null
        ? "When not set, it is " + JavadocText.code(field.defaultValue()) + "."
        : field.omitWhen() != null
            ? "When not set, or set to " + JavadocText.code(field.omitWhen()) + ", the attribute is left out."
            : field.isAttribute() ? "When not set, the attribute is left out." : "When not set, metrics that need it are not emitted.";
    return setter.addJavadoc("Sets $L: $L\n$L\n\n@return this event\n",
            JavadocText.code(field.key()), Javadoc.parameter(field), when)
        .addStatement("return this")
        .build();
  }
}
