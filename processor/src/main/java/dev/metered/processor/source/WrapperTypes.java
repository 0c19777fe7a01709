package dev.metered.processor.source;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ErrorType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.TypeVisitor;
import javax.lang.model.type.UnionType;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.SimpleTypeVisitor14;

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
   * Whether the wrapper of {@code type} overriding {@code wrapped} can be written: what it repeats
   * of the class (its superclass, type parameters and constructors) and each wrapped handler's
   * signature name only types javac knows.
   */
  public static boolean resolved(TypeElement type, List<HandlerSite> wrapped) {
    return classResolved(type) && wrapped.stream().allMatch(WrapperTypes::resolved);
  }

  /**
   * Whether the wrapper of {@code type} that times nothing (there is no schema to record with)
   * can be written: a subclass names only what it repeats of the class, a decorator also every
   * handler it passes on.
   */
  public static boolean resolvedTimingNothing(TypeElement type, List<HandlerSite> sites) {
    return resolved(type, type.getKind() == ElementKind.INTERFACE ? sites : List.of());
  }

  /**
   * The handler to report an unresolved type on: the first of {@code wrapped} whose signature
   * names a type javac does not know, or, when the class's own part does, the first of them.
   */
  public static Optional<HandlerSite> firstUnresolved(TypeElement type, List<HandlerSite> wrapped) {
    boolean classResolved = classResolved(type);
    return wrapped.stream().filter(site -> !classResolved || !resolved(site)).findFirst();
  }

  /** The superclass, the type parameters' bounds and the constructors the wrapper repeats. */
  private static boolean classResolved(TypeElement type) {
    return !names(type.getSuperclass()) && type.getTypeParameters().stream().noneMatch(WrapperTypes::names)
        && ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .filter(constructor -> !constructor.getModifiers().contains(Modifier.PRIVATE))
            .allMatch(WrapperTypes::signatureResolved);
  }

  private static boolean resolved(HandlerSite site) {
    return signatureResolved(site.method());
  }

  private static boolean signatureResolved(ExecutableElement method) {
    return !names(method.getReturnType())
        && method.getTypeParameters().stream().noneMatch(WrapperTypes::names)
        && method.getThrownTypes().stream().noneMatch(WrapperTypes::names)
        && method.getParameters().stream().map(VariableElement::asType).noneMatch(WrapperTypes::names);
  }

  private static boolean names(TypeParameterElement parameter) {
    return parameter.getBounds().stream().anyMatch(WrapperTypes::names);
  }

  /** Whether {@code type} is, or has anywhere inside it, a type javac does not know. */
  private static boolean names(TypeMirror type) {
    return type.accept(ERROR_INSIDE, new HashSet<>());
  }

  /**
   * Looks through arrays, type arguments, enclosing types, wildcard and type-variable bounds,
   * intersections and unions; each type variable once, since bounds may refer back to it
   * ({@code T extends Comparable<T>}).
   */
  private static final TypeVisitor<Boolean, Set<TypeVariable>> ERROR_INSIDE =
      new SimpleTypeVisitor14<>(false) {
        @Override
        public Boolean visitError(ErrorType t, Set<TypeVariable> seen) {
          return true;
        }

        @Override
        public Boolean visitArray(ArrayType t, Set<TypeVariable> seen) {
          return t.getComponentType().accept(this, seen);
        }

        @Override
        public Boolean visitDeclared(DeclaredType t, Set<TypeVariable> seen) {
          return t.getEnclosingType().accept(this, seen)
              || t.getTypeArguments().stream().anyMatch(argument -> argument.accept(this, seen));
        }

        @Override
        public Boolean visitWildcard(WildcardType t, Set<TypeVariable> seen) {
          return t.getExtendsBound() != null && t.getExtendsBound().accept(this, seen)
              || t.getSuperBound() != null && t.getSuperBound().accept(this, seen);
        }

        @Override
        public Boolean visitTypeVariable(TypeVariable t, Set<TypeVariable> seen) {
          return seen.add(t) && t.getUpperBound().accept(this, seen);
        }

        @Override
        public Boolean visitIntersection(IntersectionType t, Set<TypeVariable> seen) {
          return t.getBounds().stream().anyMatch(bound -> bound.accept(this, seen));
        }

        @Override
        public Boolean visitUnion(UnionType t, Set<TypeVariable> seen) {
          return t.getAlternatives().stream().anyMatch(alternative -> alternative.accept(this, seen));
        }
      };
}
