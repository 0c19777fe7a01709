package dev.metered.runtime;

/** The value types Sentry accepts for a metric attribute, with their wire names. */
public enum AttributeType {
  STRING("string"),
  BOOLEAN("boolean"),
  INTEGER("integer"),
  DOUBLE("double");

  private final String wireName;

  AttributeType(String wireName) {
    this.wireName = wireName;
  }

  /** The type's name in Sentry's payload, for example {@code "boolean"}. */
  public String wireName() {
    return wireName;
  }
}
