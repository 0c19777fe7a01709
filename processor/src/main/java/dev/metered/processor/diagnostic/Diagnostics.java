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

  /** How many diagnostics were reported so far: a mark for {@link #errorsSince} and {@link #explainFirstErrorSince}. */
  public int size() {
    return reported.size();
  }

  /** How many errors were reported after {@code mark} (an earlier {@link #size()}). */
  public int errorsSince(int mark) {
    int errors = 0;
    for (Diagnostic diagnostic : reported.subList(mark, reported.size())) {
      if (diagnostic.kind() == Kind.ERROR) {
        errors++;
      }
    }
    return errors;
  }

  /**
   * Adds {@code consequence} to the first error reported after {@code mark}: what that error
   * keeps from being generated, said once, in the error that causes it.
   */
  public void explainFirstErrorSince(int mark, String consequence) {
    for (int i = mark; i < reported.size(); i++) {
      Diagnostic diagnostic = reported.get(i);
      if (diagnostic.kind() == Kind.ERROR) {
        reported.set(i, new Diagnostic(diagnostic.code(), diagnostic.kind(), diagnostic.message() + consequence,
            diagnostic.position(), diagnostic.element(), diagnostic.annotation(), diagnostic.value()));
        return;
      }
    }
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
