package dev.metered.processor.source;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Names a method across rounds, in which javac makes new elements for the same sources: by its
 * name and its place among the methods of that name its class declares. Not by its place among
 * all the class's methods: in the first round javac leaves out an overload whose parameters it
 * cannot tell from an earlier one's while a type in them is not generated yet, so every later
 * method would move.
 */
public final class Overloads {
  private Overloads() {}

  /** The place of {@code method} among its class's methods of its name. */
  public static int indexOf(ExecutableElement method) {
    return named((TypeElement) method.getEnclosingElement(), method.getSimpleName().toString()).indexOf(method);
  }

  /** The method of {@code type} at {@code index} among those named {@code name}. */
  public static ExecutableElement find(TypeElement type, String name, int index) {
    return named(type, name).get(index);
  }

  /** The methods of {@code type} named {@code name}, in the order {@link #indexOf} counts them. */
  public static List<ExecutableElement> named(TypeElement type, String name) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(method -> method.getSimpleName().contentEquals(name))
        .toList();
  }
}
