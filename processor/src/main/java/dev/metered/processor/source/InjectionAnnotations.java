package dev.metered.processor.source;

import com.squareup.javapoet.AnnotationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The annotations of the original class that a dependency-injection container reads to create it,
 * which its wrapper repeats so that the container creates the wrapper the same way: binding the
 * class to its wrapper is then one line. Copied with their values as written; known by name, so
 * the processor depends on no container.
 *
 * <ul>
 *   <li>On each constructor, the injection markers: {@code jakarta.inject.Inject},
 *       {@code javax.inject.Inject}, Guice's {@code com.google.inject.Inject} and Spring's
 *       {@code @Autowired}. They say which constructor the container calls.
 *   <li>On each constructor parameter, every annotation: qualifiers such as {@code @Named},
 *       Spring's {@code @Value}, {@code @Nullable}. They say what the container passes.
 *   <li>On the class, its scope annotations: those annotated {@code jakarta.inject.Scope},
 *       {@code javax.inject.Scope} or Guice's {@code @ScopeAnnotation}, such as
 *       {@code @Singleton}, Dagger's {@code @Reusable} or a component's own scope. A container
 *       reads the scope from the class it creates, and scope annotations are not inherited.
 * </ul>
 *
 * <p>Not the class's qualifiers ({@code @Named} included) nor anything else: Dagger and Guice
 * read qualifiers at injection points and bindings, never from the class they create; Spring
 * and CDI read them from a class they discover by scanning, where a wrapper carrying the
 * original's {@code @Named("x")} would be found as a second bean named {@code x}. Nor
 * annotations whose type is private, which the wrapper, a class of its own, could not name.
 *
 * <p>Wrappers are written in the second round, and javac leaves out of an element's annotations
 * those whose type is not known yet: an annotation type that another processor generates in
 * the second round or later is not repeated.
 */
final class InjectionAnnotations {
  private static final Set<String> INJECT = Set.of(
      "jakarta.inject.Inject",
      "javax.inject.Inject",
      "com.google.inject.Inject",
      "org.springframework.beans.factory.annotation.Autowired");
  private static final Set<String> SCOPE_MARKERS = Set.of(
      "jakarta.inject.Scope",
      "javax.inject.Scope",
      "com.google.inject.ScopeAnnotation");

  private InjectionAnnotations() {}

  /** The class's scope annotations, for the wrapper class. */
  static List<AnnotationSpec> ofClass(TypeElement type) {
    List<AnnotationSpec> copied = new ArrayList<>();
    for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
      TypeElement annotationType = typeOf(annotation);
      if (isNameable(annotationType) && annotationType.getAnnotationMirrors().stream()
          .anyMatch(meta -> SCOPE_MARKERS.contains(typeOf(meta).getQualifiedName().toString()))) {
        copied.add(AnnotationSpec.get(annotation));
      }
    }
    return copied;
  }

  /** The constructor's injection markers, for the wrapper's constructor that mirrors it. */
  static List<AnnotationSpec> ofConstructor(ExecutableElement constructor) {
    List<AnnotationSpec> copied = new ArrayList<>();
    for (AnnotationMirror annotation : constructor.getAnnotationMirrors()) {
      if (INJECT.contains(typeOf(annotation).getQualifiedName().toString())) {
        copied.add(AnnotationSpec.get(annotation));
      }
    }
    return copied;
  }

  /** Every annotation of a constructor parameter that the wrapper can name. */
  static List<AnnotationSpec> ofParameter(VariableElement parameter) {
    List<AnnotationSpec> copied = new ArrayList<>();
    for (AnnotationMirror annotation : parameter.getAnnotationMirrors()) {
      if (isNameable(typeOf(annotation))) {
        copied.add(AnnotationSpec.get(annotation));
      }
    }
    return copied;
  }

  private static TypeElement typeOf(AnnotationMirror annotation) {
    return (TypeElement) annotation.getAnnotationType().asElement();
  }

  /** Whether code outside the original class can name the annotation type: none of it is private. */
  private static boolean isNameable(TypeElement annotationType) {
    for (Element element = annotationType; element instanceof TypeElement; element = element.getEnclosingElement()) {
      if (element.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
    }
    return true;
  }
}
