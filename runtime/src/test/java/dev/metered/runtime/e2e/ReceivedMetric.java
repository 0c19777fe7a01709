package dev.metered.runtime.e2e;

import io.sentry.SentryLogEventAttributeValue;
import io.sentry.SentryMetricsEvent;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One metric data point as {@link SentryReceiver} decoded it from the wire, reduced to what a test
 * compares: name, type, unit, value and attributes.
 *
 * <p>Why not compare {@link SentryMetricsEvent}s directly: they carry a timestamp and trace/span
 * ids that differ on every run, have no value-based {@code equals}, and keep attributes as {@link
 * SentryLogEventAttributeValue}s. This record has value semantics, so a test can write the data
 * points it expects and compare them with {@code equals}.
 *
 * <p>Attribute values are normalised by their wire type, because the SDK's JSON reader decodes
 * every integral number as an {@link Integer} (so a {@code double} attribute of {@code 2.0} comes
 * back as {@code 2}): an {@code "integer"} attribute holds a {@link Long}, a {@code "double"}
 * attribute a {@link Double}. Other values ({@code "string"}, {@code "boolean"}, {@code "array"})
 * are kept as decoded. Integers beyond 2<sup>53</sup> lose precision in the SDK's reader, not here.
 *
 * @param name the metric's name
 * @param type the metric's type as sent: {@code "counter"}, {@code "distribution"} or {@code
 *     "gauge"}
 * @param unit the metric's unit, or {@code null} when none was sent
 * @param value the data point's value
 * @param attributes every attribute key mapped to its (normalised) value, sorted by key; values may
 *     be {@code null}
 * @param attributeTypes every attribute key mapped to its wire type ({@code "string"}, {@code
 *     "boolean"}, {@code "integer"}, {@code "double"}, {@code "array"}), sorted by key
 */
public record ReceivedMetric(
    String name,
    String type,
    String unit,
    double value,
    Map<String, Object> attributes,
    Map<String, String> attributeTypes) {

  /** Wire type of integer attributes. */
  public static final String INTEGER = "integer";

  /** Wire type of floating-point attributes. */
  public static final String DOUBLE = "double";

  /** Copies the maps, unmodifiable and sorted by key, and checks the keys of both agree. */
  public ReceivedMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    attributeTypes = Collections.unmodifiableMap(new TreeMap<>(attributeTypes));
    if (!attributes.keySet().equals(attributeTypes.keySet())) {
      throw new IllegalArgumentException(
          "attribute keys " + attributes.keySet() + " differ from " + attributeTypes.keySet());
    }
  }

  /**
   * A metric data point without attributes, for writing expectations.
   *
   * @param name the metric's name
   * @param type {@code "counter"}, {@code "distribution"} or {@code "gauge"}
   * @param unit the unit, or {@code null}
   * @param value the value
   * @return the data point
   */
  public static ReceivedMetric of(String name, String type, String unit, double value) {
    return new ReceivedMetric(name, type, unit, value, Map.of(), Map.of());
  }

  /**
   * This data point with one more attribute.
   *
   * @param key the attribute's key
   * @param wireType the attribute's wire type, e.g. {@code "string"} or {@code "integer"}
   * @param attributeValue the attribute's value, as {@link ReceivedMetric} normalises it (a {@link
   *     Long} for {@code "integer"}, a {@link Double} for {@code "double"})
   * @return a new data point
   */
  public ReceivedMetric withAttribute(String key, String wireType, Object attributeValue) {
    Map<String, Object> newAttributes = new TreeMap<>(attributes);
    Map<String, String> newTypes = new TreeMap<>(attributeTypes);
    newAttributes.put(key, attributeValue);
    newTypes.put(key, wireType);
    return new ReceivedMetric(name, type, unit, value, newAttributes, newTypes);
  }

  /**
   * Converts one decoded SDK event.
   *
   * @param event the event as the SDK's deserializer produced it
   * @return the data point with all of its attributes, including the SDK's defaults
   */
  public static ReceivedMetric from(SentryMetricsEvent event) {
    Map<String, Object> attributes = new TreeMap<>();
    Map<String, String> attributeTypes = new TreeMap<>();
    Map<String, SentryLogEventAttributeValue> wire = event.getAttributes();
    if (wire != null) {
      wire.forEach(
          (key, attribute) -> {
            attributes.put(key, normalise(attribute.getType(), attribute.getValue()));
            attributeTypes.put(key, attribute.getType());
          });
    }
    return new ReceivedMetric(
        event.getName(),
        event.getType(),
        event.getUnit(),
        event.getValue(),
        attributes,
        attributeTypes);
  }

  /**
   * Converts decoded SDK events, keeping their order.
   *
   * @param events the events
   * @return one data point per event
   */
  public static List<ReceivedMetric> fromAll(List<SentryMetricsEvent> events) {
    return events.stream().map(ReceivedMetric::from).toList();
  }

  /**
   * This data point without the attributes the SDK adds to every metric by itself ({@code
   * sentry.*}, {@code server.address}, {@code user.*}), leaving the ones the caller passed.
   *
   * @return a new data point with the user's attributes only
   */
  public ReceivedMetric withoutSdkAttributes() {
    Map<String, Object> userAttributes = new TreeMap<>(attributes);
    Map<String, String> userTypes = new TreeMap<>(attributeTypes);
    userAttributes.keySet().removeIf(ReceivedMetric::isSdkAttribute);
    userTypes.keySet().removeIf(ReceivedMetric::isSdkAttribute);
    return new ReceivedMetric(name, type, unit, value, userAttributes, userTypes);
  }

  /**
   * Whether the SDK adds an attribute with this key to every metric by itself.
   *
   * @param key an attribute key
   * @return {@code true} for {@code sentry.*}, {@code server.address} and {@code user.*}
   */
  public static boolean isSdkAttribute(String key) {
    return key.startsWith("sentry.") || key.equals("server.address") || key.startsWith("user.");
  }

  private static Object normalise(String wireType, Object value) {
    if (value instanceof Number number) {
      double asDouble = number.doubleValue();
      if (INTEGER.equals(wireType)
          && !Double.isInfinite(asDouble)
          && asDouble == Math.rint(asDouble)) {
        return number.longValue();
      }
      if (DOUBLE.equals(wireType)) {
        return asDouble;
      }
    }
    return value;
  }
}
