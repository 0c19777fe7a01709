package dev.metered.processor.model;

import dev.metered.processor.diagnostic.SourcePosition;
import java.util.List;

/**
 * An attribute or input of a family.
 *
 * @param key the schema key, for example {@code command_type}
 * @param values an enum's values (the schema's, then those contributed by handlers)
 * @param maxLength a string's maximum length, or {@code null}
 * @param maxValues how many distinct values a non-enum attribute takes at most, or {@code null}
 * @param optional whether callers may leave it out (it is then absent)
 * @param defaultValue the wire value used when callers leave it out, or {@code null}
 * @param omitWhen the wire value for which the attribute is left out, or {@code null}
 * @param fallback an enum's value that wire values outside its set map to, or {@code null}; it is
 *     one of {@code values}
 * @param description the schema's description, or {@code null}
 * @param fromHandlers whether handlers contribute enum values
 * @param position where the field's key is in the schema
 */
public record Field(
    String key,
    FieldRole role,
    FieldType type,
    List<EnumValue> values,
    Integer maxLength,
    Integer maxValues,
    boolean optional,
    String defaultValue,
    String omitWhen,
    String fallback,
    String description,
    boolean fromHandlers,
    SourcePosition position) {

  /** Whether a record call may leave this field out: it is optional or has a default. */
  public boolean optionalAtCallSite() {
    return optional || defaultValue != null;
  }

  /**
   * Whether the field travels as a value plus a {@code ...Given} flag ({@link
   * RecorderNames#givenFlag}): an optional number, kept unboxed so that recording allocates nothing.
   */
  public boolean hasGivenFlag() {
    return optional && type.isNumeric();
  }

  /** Whether this field is sent as an attribute. */
  public boolean isAttribute() {
    return role == FieldRole.ATTRIBUTE;
  }

  /** The Java name of the field's parameter, for example {@code commandType}. */
  public String javaName() {
    return JavaNames.memberName(key);
  }

  /** The simple name of an enum field's generated enum, for example {@code CommandType}. */
  public String enumName() {
    return JavaNames.typeName(key);
  }

  /** The enum value unknown wire values map to, or {@code null} when the enum has no fallback. */
  public EnumValue fallbackValue() {
    return fallback == null ? null : value(fallback);
  }

  /** The enum value with this wire value, or {@code null}. */
  public EnumValue value(String wireValue) {
    for (EnumValue value : values) {
      if (value.wireValue().equals(wireValue)) {
        return value;
      }
    }
    return null;
  }
}
