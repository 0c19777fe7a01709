package dev.metered.processor.source;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeVariableName;
import dev.metered.processor.model.HandlerPlan;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.model.WrapperModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
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
 * Reads a class or interface with {@code @Metered} methods through the compiler and builds its
 * wrapper's model from the handlers' validated plans ({@link HandlerPlan}): the signatures to
 * override, the constructors to repeat, the methods a decorator passes on and the names in scope.
 * It checks nothing: {@code validate/} has refused what cannot be wrapped.
 */
public final class WrapperModelBuilder {
  private final Elements elements;
  private final Types types;
  // A package's shadows of java.lang, looked up once for all the wrappers written into it.
  private final Map<PackageElement, Set<String>> javaLangShadows = new HashMap<>();

  public WrapperModelBuilder(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The wrapper of {@code type}, for example {@code UtilityCog_Metered} beside it. */
  public static ClassName wrapperName(TypeElement type) {
    ClassName original = ClassName.get(type);
    return ClassName.get(original.packageName(), String.join("_", original.simpleNames()) + "_Metered");
  }

  /**
   * The wrapper of {@code type}, whose types are resolved ({@link WrapperTypes}), overriding the
   * handlers {@code plans} name. A handler left out (an error was reported on it) is not
   * overridden by a class's wrapper, and passed to the delegate by an interface's decorator.
   *
   * @param plans the handlers to wrap, each declared by {@code type}
   * @param model the recorders' model; may be {@code null} when {@code plans} is empty
   */
  public WrapperModel build(TypeElement type, List<HandlerPlan> plans, MetricsModel model) {
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
    List<ExecutableElement> wrapped = new ArrayList<>();
    for (HandlerPlan plan : plans) {
      ExecutableElement method = Overloads.find(type, plan.handler().methodName(), plan.handler().overload());
      methods.add(new WrapperModel.WrappedMethod(MethodSpec.overriding(method, declared, types).build(),
          ClassName.get(model.javaPackage(), plan.family().recorderName()), plan.family(), plan.supplies(),
          isAsync(method.getReturnType()), plan.nanosPerUnit()));
      wrapped.add(method);
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
  private Set<String> namesInScope(TypeElement type, List<ExecutableElement> wrapped) {
    Set<String> names = new TreeSet<>();
    addMemberNames(type, names, new HashSet<>());
    type.getTypeParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    for (ExecutableElement method : wrapped) {
      method.getTypeParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
      method.getParameters().forEach(parameter -> names.add(parameter.getSimpleName().toString()));
    }
    names.addAll(javaLangShadows.computeIfAbsent(elements.getPackageOf(type), pkg -> JavaLangShadows.in(pkg, elements)));
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

  private boolean isAsync(TypeMirror returnType) {
    TypeElement stage = elements.getTypeElement("java.util.concurrent.CompletionStage");
    return returnType.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(returnType), types.erasure(stage.asType()));
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
  private List<MethodSpec> delegatedMethods(TypeElement type, List<ExecutableElement> wrapped, DeclaredType declared) {
    List<MethodSpec> delegated = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      Set<Modifier> modifiers = method.getModifiers();
      boolean fromObject = ((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals("java.lang.Object");
      if (fromObject || modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.PRIVATE)
          || !(modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.DEFAULT))
          || wrapped.stream().anyMatch(handler -> handler.equals(method) || elements.overrides(handler, method, type))) {
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
}
