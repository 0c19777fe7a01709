package dev.metered.processor.source;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeVariableName;
import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.NotGenerated;
import dev.metered.processor.diagnostic.Nouns;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.model.WrapperModel;
import dev.metered.processor.model.WrapperModel.Supply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a class or interface with {@code @Metered} methods through the compiler and plans its
 * wrapper: checks that it can be wrapped (every refusal an error with a fix), works out where
 * each field of every method's event comes from, and captures the signatures to override.
 */
public final class WrapperModelBuilder {
  /**
   * Nanoseconds in each duration unit Sentry knows, with its aliases {@code ns}, {@code ms} and
   * {@code s}, which it stores as the full names (lint only suggests the full name).
   */
  private static final Map<String, Double> NANOS_PER_UNIT = Map.ofEntries(
      Map.entry("nanosecond", 1.0), Map.entry("microsecond", 1e3), Map.entry("millisecond", 1e6),
      Map.entry("second", 1e9), Map.entry("minute", 60e9), Map.entry("hour", 3600e9), Map.entry("day", 86400e9),
      Map.entry("week", 604800e9), Map.entry("ns", 1.0), Map.entry("ms", 1e6), Map.entry("s", 1e9));

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;

  public WrapperModelBuilder(Elements elements, Types types, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** Whether every type the wrapper would mention is known yet (generated types come a round later). */
  public boolean isResolved(TypeElement type, List<HandlerSite> sites) {
    for (HandlerSite site : sites) {
      ExecutableElement method = site.method();
      if (isError(method.getReturnType()) || method.getThrownTypes().stream().anyMatch(this::isError)) {
        return false;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (isError(parameter.asType())) {
          return false;
        }
      }
    }
    return !isError(type.getSuperclass());
  }

  private boolean isError(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(this::isError);
    }
    return false;
  }

  /**
   * Checks the shape of the class and its handler methods: what no wrapper can override. Needs
   * no resolved types, so it runs in the first round. A method is reported on itself, and its
   * class's wrapper leaves it out.
   *
   * @return whether a wrapper can extend the class: its own shape has no error
   */
  public boolean checkShape(TypeElement type, List<HandlerSite> sites) {
    int errorsBefore = diagnostics.size();
    checkClassShape(type, sites.get(0));
    boolean wrappable = diagnostics.errorsSince(errorsBefore) == 0;
    if (!wrappable) {
      diagnostics.explainFirstErrorSince(errorsBefore, NotGenerated.wrapper(wrapperName(type).simpleName()));
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
  private void checkClassShape(TypeElement type, HandlerSite first) {
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

  /** The wrapper of {@code type}, for example {@code UtilityCog_Metered} beside it. */
  public static ClassName wrapperName(TypeElement type) {
    ClassName original = ClassName.get(type);
    return ClassName.get(original.packageName(), String.join("_", original.simpleNames()) + "_Metered");
  }

  /**
   * Plans the wrapper of {@code type}, whose shape was checked and whose types are resolved. A
   * handler with a problem (reported) is left out: a class's wrapper overrides it not, an
   * interface's decorator passes it to the delegate.
   *
   * @param sites the handlers to wrap
   * @param model the recorders' model; may be {@code null} when {@code sites} is empty
   */
  public WrapperModel build(TypeElement type, List<HandlerSite> sites, MetricsModel model) {
    boolean isInterface = type.getKind() == ElementKind.INTERFACE;
    ClassName original = ClassName.get(type);
    ClassName wrapper = wrapperName(type);
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      typeVariables.add(TypeVariableName.get(parameter));
    }
    TypeName originalType = typeVariables.isEmpty()
        ? original : ParameterizedTypeName.get(original, typeVariables.toArray(new TypeName[0]));
    DeclaredType declared = (DeclaredType) type.asType();

    List<WrapperModel.WrappedMethod> methods = new ArrayList<>();
    List<HandlerSite> wrapped = new ArrayList<>();
    for (HandlerSite site : sites) {
      FamilyModel family = family(model, site.family());
      if (family == null) {
        continue; // reported when the schema was checked
      }
      Optional<WrapperModel.WrappedMethod> method = plan(site, family, model, declared);
      if (method.isPresent()) {
        methods.add(method.get());
        wrapped.add(site);
      }
    }
    List<MethodSpec> constructors = isInterface ? List.of() : constructors(type);
    List<MethodSpec> delegated = isInterface ? delegatedMethods(type, wrapped, declared) : List.of();
    return new WrapperModel(original, wrapper, originalType, typeVariables, isInterface,
        type.getModifiers().contains(Modifier.ABSTRACT) && !isInterface,
        type.getModifiers().contains(Modifier.PUBLIC), isInterface ? List.of() : InjectionAnnotations.ofClass(type),
        constructors, methods, delegated, namesInScope(type, wrapped));
  }

  /**
   * The simple names that code inside the wrapper would resolve to something of the user's: the
   * wrapper extends or implements {@code type}, so every member type and field of it and its
   * supertypes is in scope, as are its type variables and each method's type variables and
   * parameters; and it sits in {@code type}'s package, whose classes hide {@code java.lang}'s.
   */
  private Set<String> namesInScope(TypeElement type, List<HandlerSite> sites) {
    Set<String> names = new TreeSet<>();
    addMemberNames(type, names, new HashSet<>());
    type.getTypeParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    for (HandlerSite site : sites) {
      site.method().getTypeParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
      site.method().getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    }
    names.addAll(JavaLangShadows.in(elements.getPackageOf(type), elements));
    return names;
  }

  private void addMemberNames(TypeElement type, Set<String> names, Set<TypeElement> seen) {
    if (!seen.add(type)) {
      return;
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind().isClass() || member.getKind().isInterface() || member.getKind().isField()) {
        names.add(member.getSimpleName().toString());
      }
    }
    List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
    supertypes.add(type.getSuperclass());
    for (TypeMirror supertype : supertypes) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        addMemberNames((TypeElement) types.asElement(supertype), names, seen);
      }
    }
  }

  private Optional<WrapperModel.WrappedMethod> plan(
      HandlerSite site, FamilyModel family, MetricsModel model, DeclaredType declared) {
    ExecutableElement method = site.method();
    Map<String, Supply> supplies = new LinkedHashMap<>();
    // Fields an @Attr tried to supply: a mistyped one is reported once, not again as missing.
    Set<String> attempted = new HashSet<>();
    boolean ok = true;
    for (HandlerSite.Constant constant : site.constants()) {
      String[] parts = constant.text().split("=", 2);
      Field field = field(family, parts[0].trim());
      if (field != null && parts.length == 2) {
        EnumValue value = field.value(parts[1].trim());
        if (value != null) {
          supplies.put(field.key(), new WrapperModel.Constant(field, value));
        }
      }
    }
    for (HandlerSite.Parameter parameter : site.parameters()) {
      Field field = parameter.attribute() == null ? null : field(family, parameter.attribute());
      if (field == null) {
        continue; // an unknown key was reported when the handlers were checked
      }
      Supply earlier = supplies.get(field.key());
      if (earlier != null) {
        diagnostics.error(DiagnosticCode.BAD_HANDLER_ATTRIBUTE, parameter.element(), parameter.annotation(),
            parameter.value(), null, earlier instanceof WrapperModel.Parameter other
                ? "'" + field.key() + "' is already supplied by the @Attr parameter '" + other.name()
                    + "'; remove one of the two"
                : "'" + field.key() + "' is fixed by @Metered(attributes = ...) already;"
                    + " remove the constant or this @Attr");
        ok = false;
        continue;
      }
      attempted.add(field.key());
      String expected = acceptedTypes(field, model);
      if (!accepts(field, parameter.element().asType(), model)) {
        diagnostics.error(DiagnosticCode.ATTR_TYPE, parameter.element(), parameter.annotation(), parameter.value(),
            null, "the attribute '" + field.key() + "' is " + describe(field) + ", so this parameter must be "
                + expected + ", not " + parameter.element().asType());
        ok = false;
        continue;
      }
      supplies.put(field.key(), new WrapperModel.Parameter(field, parameter.element().getSimpleName().toString()));
    }
    Field success = field(family, "success");
    if (success != null && success.type() == FieldType.BOOLEAN && !supplies.containsKey("success")) {
      supplies.put("success", new WrapperModel.Outcome(success));
    }
    Field errorType = field(family, "error_type");
    if (errorType != null && errorType.type() == FieldType.STRING && errorType.optional()
        && !supplies.containsKey("error_type")) {
      supplies.put("error_type", new WrapperModel.ErrorType(errorType));
    }
    MetricModel timing = timing(family);
    if (timing == null) {
      diagnostics.error(DiagnosticCode.HANDLER_NO_DURATION, method, site.annotation(), site.familyValue(), null,
          "family '" + family.name() + "' has no distribution with a duration unit whose value is a double"
              + " input, so there is nowhere to record this handler's time; add one, for example '"
              + model.namespace() + "." + family.name() + ".duration: {type: distribution, unit: millisecond,"
              + " value: duration}' with an input 'duration: double'");
      return Optional.empty();
    }
    supplies.put(timing.value().key(), new WrapperModel.Elapsed(timing.value()));
    for (Field field : family.requiredFields()) {
      if (!supplies.containsKey(field.key()) && !attempted.contains(field.key())) {
        String how = field.isAttribute()
            ? field.type() == FieldType.ENUM
                ? "fix it with @Metered(attributes = \"" + field.key() + "=...\") or take it from a parameter"
                    + " annotated @Attr(\"" + field.key() + "\")"
                : "take it from a parameter annotated @Attr(\"" + field.key() + "\")"
            : "an input other than the duration cannot come from a handler; make it optional in the schema";
        diagnostics.error(DiagnosticCode.UNSUPPLIED_FIELD, method, site.annotation(), null, null,
            "nothing gives the required " + (field.isAttribute() ? "attribute" : "input") + " '" + field.key()
                + "' of family '" + family.name() + "' for " + method.getSimpleName() + "(); " + how);
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    MethodSpec signature = MethodSpec.overriding(method, declared, types).build();
    ClassName recorder = ClassName.get(model.javaPackage(), family.recorderName());
    return Optional.of(new WrapperModel.WrappedMethod(signature, recorder, family,
        List.copyOf(supplies.values()), isAsync(method.getReturnType()), NANOS_PER_UNIT.get(timing.unit())));
  }

  /** The family's timing metric: a distribution with a duration unit whose value is a double input. */
  static MetricModel timing(FamilyModel family) {
    for (MetricModel metric : family.metrics()) {
      if (metric.type() == MetricType.DISTRIBUTION && metric.unit() != null && NANOS_PER_UNIT.containsKey(metric.unit())
          && metric.value() != null && !metric.value().isAttribute() && metric.value().type() == FieldType.DOUBLE) {
        return metric;
      }
    }
    return null;
  }

  private boolean isAsync(TypeMirror returnType) {
    TypeElement stage = elements.getTypeElement("java.util.concurrent.CompletionStage");
    return returnType.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(returnType), types.erasure(stage.asType()));
  }

  private boolean accepts(Field field, TypeMirror type, MetricsModel model) {
    return switch (field.type()) {
      case ENUM -> type.getKind() == TypeKind.DECLARED
          && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals(enumName(field, model));
      case BOOLEAN -> type.getKind() == TypeKind.BOOLEAN;
      case INTEGER -> type.getKind() == TypeKind.LONG || type.getKind() == TypeKind.INT
          || type.getKind() == TypeKind.SHORT || type.getKind() == TypeKind.BYTE;
      case DOUBLE -> type.getKind() == TypeKind.DOUBLE || type.getKind() == TypeKind.FLOAT;
      case STRING -> type.getKind() == TypeKind.DECLARED
          && ((TypeElement) types.asElement(type)).getQualifiedName().contentEquals("java.lang.String");
    };
  }

  private static String acceptedTypes(Field field, MetricsModel model) {
    return switch (field.type()) {
      case ENUM -> enumName(field, model);
      case BOOLEAN -> "boolean";
      case INTEGER -> "long or int";
      case DOUBLE -> "double or float";
      case STRING -> "String";
    };
  }

  private static String describe(Field field) {
    return Nouns.withArticle(field.type().keyword());
  }

  private static String enumName(Field field, MetricsModel model) {
    for (FamilyModel family : model.families()) {
      if (family.fields().contains(field)) {
        return model.javaPackage() + "." + family.recorderName() + "." + field.enumName();
      }
    }
    return field.enumName();
  }

  private List<MethodSpec> constructors(TypeElement type) {
    List<MethodSpec> constructors = new ArrayList<>();
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      MethodSpec.Builder builder = MethodSpec.constructorBuilder()
          .addAnnotations(InjectionAnnotations.ofConstructor(constructor));
      for (Modifier modifier : constructor.getModifiers()) {
        if (modifier == Modifier.PUBLIC || modifier == Modifier.PROTECTED) {
          builder.addModifiers(modifier);
        }
      }
      for (TypeParameterElement parameter : constructor.getTypeParameters()) {
        builder.addTypeVariable(TypeVariableName.get(parameter));
      }
      List<String> names = new ArrayList<>();
      for (VariableElement parameter : constructor.getParameters()) {
        builder.addParameter(ParameterSpec.get(parameter).toBuilder()
            .addAnnotations(InjectionAnnotations.ofParameter(parameter))
            .build());
        names.add(parameter.getSimpleName().toString());
      }
      builder.varargs(constructor.isVarArgs());
      for (TypeMirror thrown : constructor.getThrownTypes()) {
        builder.addException(TypeName.get(thrown));
      }
      builder.addStatement("super($L)", String.join(", ", names));
      constructors.add(builder.build());
    }
    return constructors;
  }

  /** For an interface decorator: every other abstract or default method, passed to the delegate. */
  private List<MethodSpec> delegatedMethods(TypeElement type, List<HandlerSite> sites, DeclaredType declared) {
    List<MethodSpec> delegated = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Set<Modifier> modifiers = method.getModifiers();
      boolean fromObject = ((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object");
      if (fromObject || modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)
          || !(modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.DEFAULT))
          || sites.stream().anyMatch(site -> site.method().equals(method) || elements.overrides(site.method(), method, type))) {
        continue;
      }
      MethodSpec.Builder builder = MethodSpec.overriding(method, declared, types);
      String arguments = method.getParameters().stream().map(p -> p.getSimpleName().toString())
          .collect(Collectors.joining(", "));
      CodeBlock call = CodeBlock.of("this.delegate.$N($L)", method.getSimpleName().toString(), arguments);
      if (method.getReturnType().getKind() == TypeKind.VOID) {
        builder.addStatement("$L", call);
      } else {
        builder.addStatement("return $L", call);
      }
      delegated.add(builder.build());
    }
    return delegated;
  }

  private static FamilyModel family(MetricsModel model, String name) {
    return model.families().stream().filter(family -> family.name().equals(name)).findFirst().orElse(null);
  }

  private static Field field(FamilyModel family, String key) {
    return family.fields().stream().filter(field -> field.key().equals(key)).findFirst().orElse(null);
  }

  private void error(DiagnosticCode code, HandlerSite site, String message) {
    diagnostics.error(code, site.method(), site.annotation(), null, null, message);
  }

  /** The type a site's method belongs to. */
  public static TypeElement owner(HandlerSite site) {
    Element enclosing = site.method().getEnclosingElement();
    return (TypeElement) enclosing;
  }
}
