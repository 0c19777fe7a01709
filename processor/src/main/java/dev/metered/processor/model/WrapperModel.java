package dev.metered.processor.model;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeVariableName;
import java.util.List;
import java.util.Set;

/**
 * The generated wrapper of one class or interface with {@code @Metered} methods: a subclass
 * that overrides them, or for an interface a decorator that delegates.
 *
 * <p>Signatures are kept as JavaPoet specs: they are read from the compiler once, in the source
 * layer, so that writing the wrapper needs no compiler.
 *
 * @param original the annotated class or interface
 * @param wrapper the generated class, for example {@code UtilityCog_Metered}
 * @param originalType the original as the wrapper extends or implements it, with type variables
 * @param typeVariables the original's type variables, repeated on the wrapper
 * @param isInterface whether to generate a delegating decorator rather than a subclass
 * @param isAbstract whether the original class is abstract (so is its wrapper)
 * @param isPublic whether the original is public (the wrapper is public only then, so that it
 *     never shows a type its users cannot see)
 * @param annotations the original class's annotations the subclass repeats: its scope, which a
 *     dependency-injection container reads from the class it creates
 * @param constructors the original's accessible constructors, mirrored by the subclass with the
 *     annotations a container reads from them and their parameters
 * @param methods the {@code @Metered} methods
 * @param delegated for an interface, the other methods the decorator passes to its delegate
 * @param namesInScope simple names the user's code declares in the wrapper's scope (member types,
 *     fields and type variables of the original and its supertypes, parameters, classes of the
 *     package that hide a {@code java.lang} class): the wrapper names every type it uses that
 *     has one of them by its qualified name, so that its code means the same whatever they are
 */
public record WrapperModel(
    ClassName original,
    ClassName wrapper,
    TypeName originalType,
    List<TypeVariableName> typeVariables,
    boolean isInterface,
    boolean isAbstract,
    boolean isPublic,
    List<AnnotationSpec> annotations,
    List<MethodSpec> constructors,
    List<WrappedMethod> methods,
    List<MethodSpec> delegated,
    Set<String> namesInScope) {

  /**
   * One {@code @Metered} method.
   *
   * @param signature the overriding signature, without a body
   * @param recorder the family's recorder class
   * @param family the family it records
   * @param supplies where each field of the event comes from
   * @param async whether the result is a {@code CompletionStage} timed until it completes
   * @param nanosPerUnit nanoseconds in the duration's unit, for example 1e6 for milliseconds
   */
  public record WrappedMethod(
      MethodSpec signature,
      ClassName recorder,
      FamilyModel family,
      List<Supply> supplies,
      boolean async,
      double nanosPerUnit) {}

  /** Where one field of a wrapped method's event comes from. */
  public sealed interface Supply permits Constant, Parameter, Outcome, ErrorType, Elapsed {
    Field field();
  }

  /** A value fixed by {@code @Metered(attributes = ...)}. */
  public record Constant(Field field, EnumValue value) implements Supply {}

  /** A parameter annotated {@code @Attr}. */
  public record Parameter(Field field, String name) implements Supply {}

  /** The boolean {@code success} attribute: true when the handler returned normally. */
  public record Outcome(Field field) implements Supply {}

  /** The {@code error_type} attribute: the thrown exception's simple class name. */
  public record ErrorType(Field field) implements Supply {}

  /** The family's duration measure: the handler's elapsed time in the measure's unit. */
  public record Elapsed(Field field) implements Supply {}
}
