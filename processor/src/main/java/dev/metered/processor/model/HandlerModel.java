package dev.metered.processor.model;

import java.util.List;
import java.util.Map;

/**
 * A {@code @Metered} handler method.
 *
 * @param enclosingType the qualified name of the class or interface that declares it
 * @param methodName the method's name
 * @param family the family it records
 * @param constants the attribute values it fixes, by attribute key (wire values)
 * @param parameters the parameters that supply attribute values through {@code @Attr}
 */
public record HandlerModel(
    String enclosingType,
    String methodName,
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
