package dev.metered.processor.diagnostic;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One problem found in the schema or in annotated sources.
 *
 * <p>A schema problem carries its {@link SourcePosition}; javac cannot point into a YAML file,
 * so the position is written into the message. A problem with an annotation carries the element,
 * annotation and value, so that javac puts its caret on the value itself.
 *
 * @param code the stable code
 * @param kind error, warning or note
 * @param message what is wrong and how to fix it, without the code or position
 * @param position where in the schema, or {@code null}
 * @param element the Java element concerned, or {@code null}
 * @param annotation the annotation on {@code element} concerned, or {@code null}
 * @param value the annotation value concerned, or {@code null}
 */
public record Diagnostic(
    DiagnosticCode code,
    Kind kind,
    String message,
    SourcePosition position,
    Element element,
    AnnotationMirror annotation,
    AnnotationValue value) {

  /** The full text javac prints: {@code [Code] FILE:LINE:COLUMN: message}. */
  public String formatted() {
    return code.tag() + " " + (position == null ? "" : position + ": ") + message;
  }
}
