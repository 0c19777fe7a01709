package dev.metered.processor.source;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Which types a handler class's wrapper names, and whether javac knows them yet: the one place
 * that decides when a wrapper can be written. A handler's signature may name a recorder's enum,
 * which exists only from the round after the recorders are written; until then javac gives it
 * as an error type. The wrapper's {@code @Attr} type check ({@code validate/HandlerSupplyValidator})
 * reads the same parameter types, so it runs only once these are resolved.
 */
public final class WrapperTypes {
  private WrapperTypes() {}

  /**
   * Whether the wrapper of {@code type} overriding {@code wrapped} can be written: its
   * superclass, and each wrapped handler's return, parameter and thrown types, are known.
   */
  public static boolean resolved(TypeElement type, List<HandlerSite> wrapped) {
    return !isError(type.getSuperclass()) && wrapped.stream().allMatch(WrapperTypes::resolved);
  }

  /**
   * Whether the wrapper of {@code type} that times nothing (there is no schema to record with)
   * can be written: a subclass names only its superclass, a decorator every handler it passes on.
   */
  public static boolean resolvedTimingNothing(TypeElement type, List<HandlerSite> sites) {
    return resolved(type, type.getKind() == ElementKind.INTERFACE ? sites : List.of());
  }

  /**
   * The handler to report an unresolved type on: the first of {@code wrapped} whose signature
   * names a type javac does not know, or with an unknown superclass the first of them.
   */
  public static Optional<HandlerSite> firstUnresolved(TypeElement type, List<HandlerSite> wrapped) {
    return wrapped.stream().filter(site -> isError(type.getSuperclass()) || !resolved(site)).findFirst();
  }

  private static boolean resolved(HandlerSite site) {
    ExecutableElement method = site.method();
    return !isError(method.getReturnType())
        && method.getThrownTypes().stream().noneMatch(WrapperTypes::isError)
        && method.getParameters().stream().map(VariableElement::asType).noneMatch(WrapperTypes::isError);
  }

  private static boolean isError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(WrapperTypes::isError);
    }
    return false;
  }
}
