package dev.metered.runtime;

/**
 * An {@link AttributeValue} made from an attribute, standing in for a generated enum constant
 * in tests that need values without declaring an enum.
 */
public record TestAttributeValue(Attribute attribute) implements AttributeValue {

  /** The string value {@code key=wireValue}. */
  public static TestAttributeValue of(String key, String wireValue) {
    return new TestAttributeValue(Attribute.ofString(key, wireValue));
  }

  @Override
  public String wireValue() {
    return attribute.value().toString();
  }
}
