package dev.metered.processor.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds the {@code @Metered} methods of a round and reads their annotations through the mirror
 * API, so that every value keeps its place in the source for diagnostics.
 */
public final class HandlerScanner {
  /**
   * The annotations are known by name, not by class, so the processor jar needs no
   * {@code metered-annotations} classes beside it on the processor path (and bundling them,
   * relocated, would rename the very class it looks for in the user's sources).
   */
  public static final String METERED = "dev.metered.annotations.Metered";

  /** The qualified name of {@code @Attr}, known by name as {@link #METERED} is. */
  public static final String ATTR = "dev.metered.annotations.Attr";

  private final Elements elements;

  public HandlerScanner(Elements elements) {
    this.elements = elements;
  }

  /** The handlers annotated in this round; none when {@code @Metered} is not on the classpath. */
  public List<HandlerSite> scan(RoundEnvironment round) {
    TypeElement metered = elements.getTypeElement(METERED);
    if (metered == null) {
      return List.of();
    }
    List<HandlerSite> sites = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(metered)) {
      // @Target(METHOD) lets javac reject anything else before we see it.
      if (element.getKind() == ElementKind.METHOD) {
        read((ExecutableElement) element).ifPresent(sites::add);
      }
    }
    return sites;
  }

  /**
   * The handlers declared in {@code type}, read afresh: javac makes new elements for sources in
   * every round, so a later round must not use the elements of an earlier one.
   */
  public List<HandlerSite> scan(TypeElement type) {
    List<HandlerSite> sites = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (mirror(method, METERED) != null) {
        read(method).ifPresent(sites::add);
      }
    }
    return sites;
  }

  private Optional<HandlerSite> read(ExecutableElement method) {
    AnnotationMirror annotation = mirror(method, METERED);
    if (annotation == null) {
      return Optional.empty();
    }
    AnnotationValue familyValue = value(annotation, "family");
    String family = familyValue != null && familyValue.getValue() instanceof String name ? name : null;
    List<HandlerSite.Constant> constants = new ArrayList<>();
    AnnotationValue attributes = value(annotation, "attributes");
    if (attributes != null && attributes.getValue() instanceof List<?> items) {
      for (Object item : items) {
        AnnotationValue itemValue = (AnnotationValue) item;
        if (itemValue.getValue() instanceof String text) {
          constants.add(new HandlerSite.Constant(text, itemValue));
        }
      }
    }
    List<HandlerSite.Parameter> parameters = new ArrayList<>();
    for (VariableElement parameter : method.getParameters()) {
      AnnotationMirror attr = mirror(parameter, ATTR);
      if (attr != null) {
        AnnotationValue key = value(attr, "value");
        String attribute = key != null && key.getValue() instanceof String name ? name : null;
        parameters.add(new HandlerSite.Parameter(parameter, attr, attribute, key));
      }
    }
    return Optional.of(new HandlerSite(
        method, annotation, family, familyValue, List.copyOf(constants), List.copyOf(parameters)));
  }

  private static AnnotationMirror mirror(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  private static AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
