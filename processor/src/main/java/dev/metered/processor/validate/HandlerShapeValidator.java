package dev.metered.processor.validate;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.NotGenerated;
import dev.metered.processor.diagnostic.Nouns;
import dev.metered.processor.source.HandlerSite;
import dev.metered.processor.source.WrapperModelBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Checks what no wrapper can override or extend: the shape of a handler class and of its
 * handler methods, each refusal an error with a fix. It reads only kinds and modifiers, which
 * javac knows in the first round, before any recorder the handlers name exists.
 */
public final class HandlerShapeValidator {
  private final Diagnostics diagnostics;

  public HandlerShapeValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Checks {@code type} and its handlers. A method is reported on itself, and its class's
   * wrapper leaves it out; a class no wrapper can extend gets none, which its first error says.
   *
   * @param sites the handlers {@code type} declares, at least one
   * @return whether a wrapper can extend the class: its own shape has no error
   */
  public boolean check(TypeElement type, List<HandlerSite> sites) {
    int errorsBefore = diagnostics.size();
    checkClass(type, sites.get(0));
    boolean wrappable = diagnostics.errorsSince(errorsBefore) == 0;
    if (!wrappable) {
      diagnostics.explainFirstErrorSince(errorsBefore,
          NotGenerated.wrapper(WrapperModelBuilder.wrapperName(type).simpleName()));
    }
    boolean isInterface = type.getKind() == ElementKind.INTERFACE;
    for (HandlerSite site : sites) {
      Set<Modifier> modifiers = site.method().getModifiers();
      String name = site.method().getSimpleName() + "()";
      if (modifiers.contains(Modifier.PRIVATE)) {
        error(DiagnosticCode.HANDLER_SHAPE, site, name + " is private, so its wrapper cannot override it to time"
            + " it; make it package-private or wider");
      } else if (modifiers.contains(Modifier.STATIC)) {
        error(DiagnosticCode.HANDLER_SHAPE, site, name + " is static, so no wrapper can override it; make it an"
            + " instance method, or record with the family's recorder directly");
      } else if (modifiers.contains(Modifier.FINAL)) {
        error(DiagnosticCode.HANDLER_SHAPE, site, name + " is final, so its wrapper cannot override it to time"
            + " it; remove 'final'");
      } else if (!isInterface && modifiers.contains(Modifier.ABSTRACT)) {
        error(DiagnosticCode.HANDLER_SHAPE, site, name + " is abstract, so there is nothing to time; put"
            + " @Metered on the method that implements it");
      }
    }
    return wrappable;
  }

  /** What keeps any wrapper from extending {@code type}, reported on its {@code first} handler. */
  private void checkClass(TypeElement type, HandlerSite first) {
    boolean isInterface = type.getKind() == ElementKind.INTERFACE;
    if (type.getKind() != ElementKind.CLASS && !isInterface) {
      error(DiagnosticCode.HANDLER_SHAPE, first, "@Metered handlers must be methods of a class or an interface; "
          + Nouns.withArticle(type.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '))
          + " cannot be subclassed. Move the handler into a class");
      return;
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      error(DiagnosticCode.HANDLER_SHAPE, first, "@Metered handlers cannot be in a local or anonymous class:"
          + " the wrapper could not name it. Move the handler into a top-level or static nested class");
      return;
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !isInterface && !type.getModifiers().contains(Modifier.STATIC)) {
      error(DiagnosticCode.HANDLER_SHAPE, first, "the inner class " + type.getSimpleName() + " needs an outer"
          + " instance, so its wrapper could not be created on its own; make it 'static'");
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      error(DiagnosticCode.HANDLER_SHAPE, first, type.getSimpleName() + " is private, so no wrapper can extend it;"
          + " make it package-private or wider");
    }
    if (!isInterface && type.getModifiers().contains(Modifier.FINAL)) {
      error(DiagnosticCode.HANDLER_SHAPE, first, "the class " + type.getSimpleName() + " is final, so no wrapper"
          + " can extend it to time its @Metered methods; remove 'final' from the class");
    }
    if (!isInterface && ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .allMatch(constructor -> constructor.getModifiers().contains(Modifier.PRIVATE))) {
      error(DiagnosticCode.HANDLER_CONSTRUCTOR, first, "every constructor of " + type.getSimpleName()
          + " is private, so its wrapper cannot call one; make a constructor package-private or wider");
    }
  }

  private void error(DiagnosticCode code, HandlerSite site, String message) {
    diagnostics.error(code, site.method(), site.annotation(), null, null, message);
  }
}
