package dev.metered.processor.model;

import java.util.List;

/** The types an attribute or input can have in the schema, by their schema keyword. */
public enum FieldType implements SchemaKeyword {
  /** A closed set of values; becomes a Java enum. */
  ENUM("enum"),
  BOOLEAN("boolean"),
  /** A whole number; {@code long} in Java, {@code integer} on the wire. */
  INTEGER("integer"),
  DOUBLE("double"),
  /** A string with a declared maximum length. */
  STRING("string");

  private final String keyword;

  FieldType(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }

  /** Whether values of this type can be compared with {@code above} and {@code below}. */
  public boolean isNumeric() {
    return this == INTEGER || this == DOUBLE;
  }

  /** The type named {@code keyword}, or {@code null}. */
  public static FieldType fromKeyword(String keyword) {
    return SchemaKeyword.find(FieldType.class, keyword);
  }

  /** Every keyword, for messages and suggestions. */
  public static List<String> keywords() {
    return SchemaKeyword.keywords(FieldType.class);
  }
}
