package dev.metered.processor.generate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.Field;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes the enum of a closed field. Each constant carries its wire value and, for attributes,
 * its attribute, built once when the enum is loaded.
 */
final class EnumWriter {
  private EnumWriter() {}

  static TypeSpec write(FieldCode code) {
    Field field = code.field();
    ClassName type = code.enumType();
    TypeSpec.Builder enumType = TypeSpec.enumBuilder(type)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L\n\n<p>The values of $L$L.\n", Javadoc.sentence(field.description(), "The values of " + field.key()),
            JavadocText.code(field.key()), field.fromHandlers() ? ", including those @Metered handlers declare" : "");
    for (EnumValue value : field.values()) {
      enumType.addEnumConstant(value.constantName(), TypeSpec.anonymousClassBuilder("$L", StringLiteral.of(value.wireValue()))
          .addJavadoc("$L$L$L.\n", JavadocText.code(value.wireValue()), value.fromHandler() ? ", declared by a @Metered handler" : "",
              value.wireValue().equals(field.fallback()) ? ", the fallback: what fromWireValue returns for any other wire value" : "")
          .build());
    }
    if (field.isAttribute()) {
      enumType.addSuperinterface(RuntimeTypes.ATTRIBUTE_VALUE);
    }
    enumType.addField(String.class, "wireValue", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(String.class, "wireValue")
        .addStatement("this.wireValue = wireValue");
    if (field.isAttribute()) {
      enumType.addField(FieldSpec.builder(RuntimeTypes.ATTRIBUTE, "attribute", Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addStatement("this.attribute = $T.ofString($L, wireValue)", RuntimeTypes.ATTRIBUTE, StringLiteral.of(field.key()));
    }
    enumType.addMethod(constructor.build());
    MethodSpec.Builder wireValue = MethodSpec.methodBuilder("wireValue");
    if (field.isAttribute()) {
      wireValue.addAnnotation(Override.class);
    }
    enumType.addMethod(wireValue
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addJavadoc("The value as Sentry receives it, for example $L.\n", JavadocText.code(field.values().get(0).wireValue()))
        .addStatement("return wireValue")
        .build());
    if (field.isAttribute()) {
      enumType.addMethod(MethodSpec.methodBuilder("attribute")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(RuntimeTypes.ATTRIBUTE)
          .addJavadoc("The attribute $L with the constant's wire value, built once.\n", JavadocText.code(field.key()))
          .addStatement("return attribute")
          .build());
    }
    enumType.addMethod(fromWireValue(field, type));
    return enumType.build();
  }

  /**
   * {@code fromWireValue(String)}: without a fallback an {@code Optional}, empty for a string that
   * is no wire value; with one the constant itself, the fallback for any other string, so that a
   * name the schema does not know can still be recorded, as a value whose series stay bounded.
   */
  private static MethodSpec fromWireValue(Field field, ClassName type) {
    EnumValue fallback = field.fallbackValue();
    MethodSpec.Builder method = MethodSpec.methodBuilder("fromWireValue")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(String.class, "wireValue")
        .beginControlFlow("for ($T value : values())", type)
        .beginControlFlow("if (value.wireValue.equals(wireValue))");
    if (fallback == null) {
      return method
          .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), type))
          .addJavadoc("The constant whose wire value is {@code wireValue}; empty for any other string,"
              + " {@code null} included.\n")
          .addStatement("return $T.of(value)", Optional.class)
          .endControlFlow()
          .endControlFlow()
          .addStatement("return $T.empty()", Optional.class)
          .build();
    }
    return method
        .returns(type)
        .addJavadoc("The constant whose wire value is {@code wireValue}, or {@link #$N}, the schema's\n"
            + "fallback, for any other string ({@code null} included); never {@code null}. Each use of\n"
            + "the fallback for a string other than $L is counted in {@code DeliveryStats.fallbacks()}.\n",
            fallback.constantName(), JavadocText.code(fallback.wireValue()))
        .addStatement("return value")
        .endControlFlow()
        .endControlFlow()
        .addStatement("$T.countUse()", RuntimeTypes.FALLBACK_VALUES)
        .addStatement("return $N", fallback.constantName())
        .build();
  }
}
