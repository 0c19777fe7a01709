package dev.metered.processor.model;

import java.util.List;
import java.util.Map;

/**
 * A {@code @Metered} handler method.
 *
 * @param enclosingType the qualified name of the class or interface that declares it
 * @param methodName the method's name
 * @param overload its place among the methods of its name that {@code enclosingType} declares,
 *     which tells overloads apart and stays the same in every round, while javac's elements do not
 * @param family the family it records
 * @param constants the attribute values it fixes, by attribute key (wire values)
 * @param parameters the parameters that supply attribute values through {@code @Attr}
 */
public record HandlerModel(
    String enclosingType,
    String methodName,
    int overload,
    String family,
    Map<String, String> constants,
    List<Parameter> parameters) {

  /**
   * A parameter annotated {@code @Attr}.
   *
   * @param name the parameter's name
   * @param attribute the attribute key it supplies
   */
  public record Parameter(String name, String attribute) {}
}
