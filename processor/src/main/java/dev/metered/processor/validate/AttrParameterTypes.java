package dev.metered.processor.validate;

import dev.metered.processor.model.Field;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The Java types an {@code @Attr} parameter may have to supply a field: those the recorder's
 * parameter for the field takes without a cast. It reads the parameter's type, which for a
 * recorder's enum javac knows only from the round after the recorders are written; so it is
 * asked only once {@link dev.metered.processor.source.WrapperTypes} says the handler's types are
 * resolved.
 */
final class AttrParameterTypes {
  private final Types types;

  AttrParameterTypes(Types types) {
    this.types = types;
  }

  /**
   * Whether a parameter of {@code type} can supply {@code field}.
   *
   * @param recorder the qualified name of the field's recorder, which declares its enum
   */
  boolean accepts(Field field, TypeMirror type, String recorder) {
    return switch (field.type()) {
      case ENUM -> isClass(type, enumName(field, recorder));
      case BOOLEAN -> type.getKind() == TypeKind.BOOLEAN;
      case INTEGER -> type.getKind() == TypeKind.LONG || type.getKind() == TypeKind.INT
          || type.getKind() == TypeKind.SHORT || type.getKind() == TypeKind.BYTE;
      case DOUBLE -> type.getKind() == TypeKind.DOUBLE || type.getKind() == TypeKind.FLOAT;
      case STRING -> isClass(type, "java.lang.String");
    };
  }

  /** The types {@link #accepts} takes, as an error message names them. */
  static String accepted(Field field, String recorder) {
    return switch (field.type()) {
      case ENUM -> enumName(field, recorder);
      case BOOLEAN -> "boolean";
      case INTEGER -> "long or int";
      case DOUBLE -> "double or float";
      case STRING -> "String";
    };
  }

  private boolean isClass(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(qualifiedName);
  }

  private static String enumName(Field field, String recorder) {
    return recorder + "." + field.enumName();
  }
}
