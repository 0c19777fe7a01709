package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.nio.charset.StandardCharsets;

/**
 * One data point, encoded as the SDK sends it, fits Sentry's limit of about 2 KB; a larger one is
 * dropped on ingestion without a word.
 *
 * <p>The estimate takes the name, unit and type, the fixed fields (timestamp, value, trace and
 * span ids), every attribute at its largest, and the attributes the SDK adds itself.
 */
final class MetricSizeRule extends MetricRule {
  MetricSizeRule() {
    super(DiagnosticCode.METRIC_SIZE, Severity.ERROR);
  }

  /** Sentry drops a metric over about this many bytes. */
  static final int LIMIT = 2048;
  /** {"timestamp":..,"type":"","name":"","value":..,"trace_id":"32","span_id":"16","unit":"","attributes":{}}. */
  static final int FIXED_FIELDS = 180;
  /** sentry.sdk.name/version, sentry.environment, sentry.release, server.address, user.id, ... */
  static final int SDK_DEFAULT_ATTRIBUTES = 420;
  /** {"":{"type":"boolean","value":},} around each attribute's key and value. */
  private static final int PER_ATTRIBUTE = 32;

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    int size = estimate(metric);
    if (size > LIMIT) {
      findings.report(metric.position(), "one data point of '" + metric.name() + "' can reach about "
          + size + " bytes (attributes at their largest, with the SDK's own), over Sentry's limit of "
          + LIMIT + ", above which it is dropped; lower the max_length of its string attributes or"
          + " carry fewer attributes");
    }
  }

  static int estimate(MetricModel metric) {
    int size = FIXED_FIELDS + SDK_DEFAULT_ATTRIBUTES + utf8(metric.name()) + (metric.unit() == null ? 0 : utf8(metric.unit()));
    for (Field attribute : metric.attributes()) {
      size += PER_ATTRIBUTE + utf8(attribute.key()) + largestValue(attribute);
    }
    return size;
  }

  private static int largestValue(Field attribute) {
    return switch (attribute.type()) {
      case ENUM -> attribute.values().stream().map(EnumValue::wireValue).mapToInt(MetricSizeRule::utf8).max().orElse(0) + 2;
      case BOOLEAN -> 5;
      case INTEGER -> 20;
      case DOUBLE -> 24;
      // Quoted; the SDK writes UTF-8, up to 3 bytes for each UTF-16 unit.
      case STRING -> attribute.maxLength() * 3 + 2;
    };
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
