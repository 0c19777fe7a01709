package dev.metered.runtime;

/**
 * A value from a closed set, as the generated attribute enums are (for example
 * {@code CommandType.SLASH}): it knows its wire value and carries its attribute, built once.
 */
public interface AttributeValue {

  /** The value as Sentry receives it, for example {@code slash}. */
  String wireValue();

  /** The attribute {@code key=wireValue}, built once. */
  Attribute attribute();
}
