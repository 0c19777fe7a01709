package dev.metered.runtime;

import io.sentry.SentryAttribute;
import java.util.Objects;

/**
 * One attribute of a data point: a key and a typed value.
 *
 * <p>Immutable. Generated recorders build the attributes of enum and boolean values once, as
 * constants, so recording them allocates nothing for the attribute; the Sentry form of the
 * attribute is built once for the same reason, when {@link SentrySink} first asks for it, so that
 * no Sentry class is touched before {@link SentrySink} has checked the SDK.
 */
public final class Attribute {
  private final String key;
  private final AttributeType type;
  private final Object value;
  // Built on first use; SentryAttribute is immutable, so a race builds it twice, harmlessly.
  private SentryAttribute sentryAttribute;

  private Attribute(String key, AttributeType type, Object value) {
    this.key = Objects.requireNonNull(key, "key");
    this.type = type;
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A string attribute. */
  public static Attribute ofString(String key, String value) {
    return new Attribute(key, AttributeType.STRING, value);
  }

  /**
   * A string attribute whose value is cut to at most {@code maxLength} characters, so that a
   * bounded string in the schema stays bounded whatever a caller passes.
   */
  public static Attribute ofString(String key, String value, int maxLength) {
    if (value.length() <= maxLength) {
      return new Attribute(key, AttributeType.STRING, value);
    }
    // Never cut a surrogate pair in half: that would send an unpaired surrogate.
    int end = Character.isHighSurrogate(value.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
    return new Attribute(key, AttributeType.STRING, value.substring(0, end));
  }

  /** A boolean attribute. */
  public static Attribute ofBoolean(String key, boolean value) {
    return new Attribute(key, AttributeType.BOOLEAN, value);
  }

  /** An integer attribute. */
  public static Attribute ofLong(String key, long value) {
    return new Attribute(key, AttributeType.INTEGER, value);
  }

  /** A floating-point attribute. */
  public static Attribute ofDouble(String key, double value) {
    return new Attribute(key, AttributeType.DOUBLE, value);
  }

  /** The attribute's key, for example {@code command_type}. */
  public String key() {
    return key;
  }

  /** The value's type. */
  public AttributeType type() {
    return type;
  }

  /** The value: a {@link String}, {@link Boolean}, {@link Long} or {@link Double}. */
  public Object value() {
    return value;
  }

  /** The same attribute as the Sentry SDK takes it; built on first use, then kept. */
  SentryAttribute sentryAttribute() {
    SentryAttribute built = sentryAttribute;
    if (built == null) {
      built = toSentry(key, type, value);
      sentryAttribute = built;
    }
    return built;
  }

  private static SentryAttribute toSentry(String key, AttributeType type, Object value) {
    return switch (type) {
      case STRING -> SentryAttribute.stringAttribute(key, (String) value);
      case BOOLEAN -> SentryAttribute.booleanAttribute(key, (Boolean) value);
      case DOUBLE -> SentryAttribute.doubleAttribute(key, (Double) value);
      // integerAttribute takes an Integer; a Long is typed "integer" by the SDK all the same.
      case INTEGER -> SentryAttribute.named(key, value);
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attribute that
        && key.equals(that.key)
        && type == that.type
        && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, type, value);
  }

  @Override
  public String toString() {
    return key + "=" + value;
  }
}
