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
          .addJavadoc("$L$L.\n", JavadocText.code(value.wireValue()), value.fromHandler() ? ", declared by a @Metered handler" : "")
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
    enumType.addMethod(MethodSpec.methodBuilder("fromWireValue")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), type))
        .addParameter(String.class, "wireValue")
        .addJavadoc("The constant whose wire value is {@code wireValue}, if there is one.\n")
        .beginControlFlow("for ($T value : values())", type)
        .beginControlFlow("if (value.wireValue.equals(wireValue))")
        .addStatement("return $T.of(value)", Optional.class)
        .endControlFlow()
        .endControlFlow()
        .addStatement("return $T.empty()", Optional.class)
        .build());
    return enumType.build();
  }
}
