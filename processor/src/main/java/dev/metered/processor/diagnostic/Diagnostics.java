package dev.metered.processor.diagnostic;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Collects the problems found while reading and validating; nothing is thrown. The processor
 * prints them all at the end of a step, so that one compilation shows every mistake at once.
 */
public final class Diagnostics {
  private final List<Diagnostic> reported = new ArrayList<>();

  /** Reports an error at a place in the schema. */
  public void error(DiagnosticCode code, SourcePosition position, String message) {
    reported.add(new Diagnostic(code, Kind.ERROR, message, position, null, null, null));
  }

  /** Reports a problem of the given kind at a place in the schema. */
  public void report(DiagnosticCode code, Kind kind, SourcePosition position, String message) {
    reported.add(new Diagnostic(code, kind, message, position, null, null, null));
  }

  /** Reports a warning at a place in the schema. */
  public void warning(DiagnosticCode code, SourcePosition position, String message) {
    reported.add(new Diagnostic(code, Kind.WARNING, message, position, null, null, null));
  }

  /**
   * Reports an error on an annotation value, where javac can show it.
   *
   * @param position the schema position the value refers to, or {@code null}
   */
  public void error(
      DiagnosticCode code,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      SourcePosition position,
      String message) {
    reported.add(new Diagnostic(code, Kind.ERROR, message, position, element, annotation, value));
  }

  /** Reports a note on an element, where javac can show it. */
  public void note(DiagnosticCode code, Element element, AnnotationMirror annotation, String message) {
    reported.add(new Diagnostic(code, Kind.NOTE, message, null, element, annotation, null));
  }

  /** Reports a warning on an element, where javac can show it. */
  public void warning(DiagnosticCode code, Element element, AnnotationMirror annotation, String message) {
    reported.add(new Diagnostic(code, Kind.WARNING, message, null, element, annotation, null));
  }

  /** Reports a diagnostic made elsewhere, for example one of several kept from another collection. */
  public void add(Diagnostic diagnostic) {
    reported.add(diagnostic);
  }

  /** Whether any error was reported. */
  public boolean hasErrors() {
    for (Diagnostic diagnostic : reported) {
      if (diagnostic.kind() == Kind.ERROR) {
        return true;
      }
    }
    return false;
  }

  /** Everything reported, in order. */
  public List<Diagnostic> all() {
    return List.copyOf(reported);
  }
}
