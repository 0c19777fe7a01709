package dev.metered.processor.source;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A {@code @Metered} method as written, with the annotation values kept so that diagnostics can
 * point at them.
 *
 * @param family the family named, or {@code null} when the annotation has no usable value
 * @param familyValue the annotation value of {@code family}, or {@code null}
 * @param constants the {@code "attribute=value"} strings with their annotation values
 * @param parameters the parameters annotated {@code @Attr}
 */
public record HandlerSite(
    ExecutableElement method,
    AnnotationMirror annotation,
    String family,
    AnnotationValue familyValue,
    List<Constant> constants,
    List<Parameter> parameters) {

  /** The class or interface that declares the handler. */
  public TypeElement owner() {
    return (TypeElement) method.getEnclosingElement();
  }

  /** The handler's place among its class's methods of its name: how a later round finds it ({@link Overloads}). */
  public int overload() {
    return Overloads.indexOf(method);
  }

  /** One {@code "attribute=value"} entry of {@code attributes}. */
  public record Constant(String text, AnnotationValue value) {
    /** The attribute key before the {@code =}, trimmed, or {@code null} when there is no {@code =}. */
    public String key() {
      int equals = text.indexOf('=');
      return equals < 0 ? null : text.substring(0, equals).trim();
    }

    /** The wire value after the {@code =}, trimmed, or {@code null} when there is no {@code =}. */
    public String wireValue() {
      int equals = text.indexOf('=');
      return equals < 0 ? null : text.substring(equals + 1).trim();
    }
  }

  /** A parameter with {@code @Attr}. */
  public record Parameter(
      VariableElement element, AnnotationMirror annotation, String attribute, AnnotationValue value) {}
}
