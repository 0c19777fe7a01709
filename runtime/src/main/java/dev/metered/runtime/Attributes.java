package dev.metered.runtime;

import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The attributes of one data point, in the schema's order. Immutable. */
public final class Attributes {
  private static final Attributes EMPTY = new Attributes(new Attribute[0]);

  private final Attribute[] attributes;

  private Attributes(Attribute[] attributes) {
    this.attributes = attributes;
  }

  /**
   * The given attributes in order, leaving out {@code null}s: generated recorders pass
   * {@code null} for an optional attribute that was not given.
   */
  public static Attributes of(Attribute... attributes) {
    int present = 0;
    for (Attribute attribute : attributes) {
      if (attribute != null) {
        present++;
      }
    }
    if (present == attributes.length) {
      return new Attributes(attributes.clone());
    }
    Attribute[] compact = new Attribute[present];
    int next = 0;
    for (Attribute attribute : attributes) {
      if (attribute != null) {
        compact[next++] = attribute;
      }
    }
    return new Attributes(compact);
  }

  /** No attributes. */
  public static Attributes empty() {
    return EMPTY;
  }

  /** How many attributes there are. */
  public int size() {
    return attributes.length;
  }

  /** The attribute at {@code index}, in the schema's order. */
  public Attribute get(int index) {
    return attributes[index];
  }

  /** The attribute with this key, or {@code null} when there is none. */
  public Attribute get(String key) {
    for (Attribute attribute : attributes) {
      if (attribute.key().equals(key)) {
        return attribute;
      }
    }
    return null;
  }

  /** These attributes followed by {@code attribute}. */
  public Attributes with(Attribute attribute) {
    Attribute[] extended = Arrays.copyOf(attributes, attributes.length + 1);
    extended[attributes.length] = Objects.requireNonNull(attribute, "attribute");
    return new Attributes(extended);
  }

  /** These attributes with the one at {@code index} replaced by {@code attribute}. */
  Attributes replacing(int index, Attribute attribute) {
    Attribute[] replaced = attributes.clone();
    replaced[index] = Objects.requireNonNull(attribute, "attribute");
    return new Attributes(replaced);
  }

  /** The attributes as an unmodifiable list. */
  public List<Attribute> asList() {
    return Collections.unmodifiableList(Arrays.asList(attributes));
  }

  /** Keys mapped to plain values ({@link String}, {@link Boolean}, {@link Long}, {@link Double}). */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Attribute attribute : attributes) {
      map.put(attribute.key(), attribute.value());
    }
    return map;
  }

  /** The attributes as the Sentry SDK takes them, for {@link SentrySink}. */
  SentryAttributes toSentryAttributes() {
    SentryAttribute[] sentry = new SentryAttribute[attributes.length];
    for (int i = 0; i < attributes.length; i++) {
      sentry[i] = attributes[i].sentryAttribute();
    }
    return SentryAttributes.of(sentry);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attributes that && Arrays.equals(attributes, that.attributes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(attributes);
  }

  @Override
  public String toString() {
    return Arrays.toString(attributes);
  }
}
