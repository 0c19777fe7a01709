package dev.metered.processor.source;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricsModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The recorders of a compilation that holds only part of the sources (an IDE recompiling one
 * file, a test compilation): they were generated and compiled before, are on the class path and
 * are used as they are. Generating them again here would drop the enum values that handlers
 * outside this compilation add, so a handler compiled now may only use the constants the
 * compiled enums have.
 */
public final class CompiledRecorders {
  private final Elements elements;
  private final Diagnostics diagnostics;

  public CompiledRecorders(Elements elements, Diagnostics diagnostics) {
    this.elements = elements;
    this.diagnostics = diagnostics;
  }

  /** Reports, on the annotation value, each enum value a handler fixes that its compiled enum lacks. */
  public void checkHandlers(List<HandlerSite> sites, MetricsModel model) {
    for (HandlerSite site : sites) {
      FamilyModel family = model.families().stream()
          .filter(candidate -> candidate.name().equals(site.family())).findFirst().orElse(null);
      if (family == null) {
        continue; // reported when the handlers were validated
      }
      for (HandlerSite.Constant constant : site.constants()) {
        Field field = family.fields().stream()
            .filter(candidate -> candidate.key().equals(constant.key())).findFirst().orElse(null);
        EnumValue value = field == null || field.type() != FieldType.ENUM ? null : field.value(constant.wireValue());
        if (value == null) {
          continue; // not an enum value: reported when the handlers were validated
        }
        String enumName = model.javaPackage() + "." + family.recorderName() + "." + field.enumName();
        if (!constants(enumName).contains(value.constantName())) {
          diagnostics.error(DiagnosticCode.RECORDER_OUT_OF_DATE, site.method(), site.annotation(), constant.value(),
              null, "'" + value.wireValue() + "' is not a constant of " + enumName + " as compiled earlier."
                  + " This compilation holds only part of the sources, so it uses the recorders compiled before"
                  + " rather than generate them again (which would lose the values other handlers add), and a"
                  + " new value reaches them only when they are generated again: rebuild the whole module, for"
                  + " example with 'mvn clean compile'");
        }
      }
    }
  }

  /** The constants of the compiled enum {@code name}; none when there is no such enum. */
  private Set<String> constants(String name) {
    TypeElement type = elements.getTypeElement(name);
    if (type == null) {
      return Set.of();
    }
    return type.getEnclosedElements().stream()
        .filter(element -> element.getKind() == ElementKind.ENUM_CONSTANT)
        .map(element -> element.getSimpleName().toString())
        .collect(Collectors.toSet());
  }
}
