package dev.metered.processor;

import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.source.Overloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * A first round's diagnostics, kept to be printed in a later round with their carets. A message
 * printed in the first round would make javac skip the normal round in which the wrappers are
 * written; and javac makes new elements for sources in every round, placing a message on an
 * element of an earlier round nowhere.
 *
 * <p>So each diagnostic's place is written down while its elements are current: a handler by
 * its class, its name and its overload ({@link Overloads}), a parameter by its index, an
 * annotation by its type, a value by its name and index in an array. Those stay the same from
 * round to round.
 */
final class LaterRound {
  private final List<Kept> kept = new ArrayList<>();

  /** Keeps {@code diagnostics}, whose elements are of the current round. */
  LaterRound(Diagnostics diagnostics) {
    for (Diagnostic diagnostic : diagnostics.all()) {
      kept.add(new Kept(diagnostic, Place.of(diagnostic)));
    }
  }

  /** The diagnostics, each on the elements of the round {@code elements} now sees. */
  Diagnostics inThisRound(Elements elements) {
    Diagnostics relocated = new Diagnostics();
    for (Kept diagnostic : kept) {
      relocated.add(diagnostic.place() == null ? diagnostic.diagnostic() : diagnostic.place().relocate(
          diagnostic.diagnostic(), elements));
    }
    return relocated;
  }

  private record Kept(Diagnostic diagnostic, Place place) {}

  /**
   * Where a diagnostic on a handler is.
   *
   * @param overload the method's place among those of its name ({@link Overloads})
   * @param parameter the index of the parameter, or -1 for the method itself
   * @param annotation the qualified name of the annotation's type, or {@code null}
   * @param value the name of the annotation's member, or {@code null}
   * @param item the index of the value in the member's array, or -1 for the member's value
   */
  private record Place(
      String owner, String name, int overload, int parameter, String annotation, String value, int item) {
    /** The place of {@code diagnostic}'s element, or {@code null} when it is no handler's method or parameter. */
    static Place of(Diagnostic diagnostic) {
      Element element = diagnostic.element();
      int parameter = -1;
      if (element instanceof VariableElement variable && variable.getEnclosingElement() instanceof ExecutableElement m) {
        parameter = m.getParameters().indexOf(variable);
        element = m;
      }
      if (!(element instanceof ExecutableElement method) || !(method.getEnclosingElement() instanceof TypeElement owner)) {
        return null;
      }
      String annotation = null;
      String value = null;
      int item = -1;
      if (diagnostic.annotation() != null) {
        annotation = typeName(diagnostic.annotation());
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
            : diagnostic.annotation().getElementValues().entrySet()) {
          int index = entry.getValue().getValue() instanceof List<?> items ? indexOf(items, diagnostic.value()) : -1;
          if (entry.getValue() == diagnostic.value() || index >= 0) {
            value = entry.getKey().getSimpleName().toString();
            item = index;
          }
        }
      }
      return new Place(owner.getQualifiedName().toString(), method.getSimpleName().toString(),
          Overloads.indexOf(method), parameter, annotation, value, item);
    }

    Diagnostic relocate(Diagnostic diagnostic, Elements elements) {
      TypeElement type = elements.getTypeElement(owner);
      List<ExecutableElement> methods = type == null ? List.of() : Overloads.named(type, name);
      if (overload < 0 || overload >= methods.size()) {
        return diagnostic;
      }
      ExecutableElement found = methods.get(overload);
      Element element = parameter < 0 ? found
          : parameter < found.getParameters().size() ? found.getParameters().get(parameter) : found;
      AnnotationMirror mirror = annotation == null ? null : element.getAnnotationMirrors().stream()
          .filter(candidate -> typeName(candidate).equals(annotation)).findFirst().orElse(null);
      AnnotationValue at = mirror == null || value == null ? null : valueOf(mirror);
      return new Diagnostic(diagnostic.code(), diagnostic.kind(), diagnostic.message(), diagnostic.position(),
          element, mirror, at);
    }

    private AnnotationValue valueOf(AnnotationMirror mirror) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
          : mirror.getElementValues().entrySet()) {
        if (entry.getKey().getSimpleName().contentEquals(value)) {
          if (item < 0) {
            return entry.getValue();
          }
          return entry.getValue().getValue() instanceof List<?> items && item < items.size()
              ? (AnnotationValue) items.get(item) : null;
        }
      }
      return null;
    }

    private static String typeName(AnnotationMirror mirror) {
      return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    private static int indexOf(List<?> items, Object item) {
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) == item) {
          return i;
        }
      }
      return -1;
    }
  }
}
