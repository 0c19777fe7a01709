package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.EnumValue;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.nio.charset.StandardCharsets;

/**
 * One data point, measured as Relay measures it, fits the size budget; Relay drops a larger one
 * with the outcome {@code TooLarge}.
 *
 * <p>Relay's canonical size ({@code relay-server/src/processing/trace_metrics/utils.rs},
 * {@code calculate_size}, with {@code relay-event-normalization/src/eap/size.rs}) is the name's
 * UTF-8 bytes, 8 for the value, and for each attribute its key's bytes plus its value's size:
 * 1 for a boolean, 8 for an integer or a double, a string's UTF-8 bytes. Unit, timestamp, ids
 * and JSON punctuation do not count. Every attribute is taken at its largest: an enum at its
 * longest value, a string at {@code max_length} characters of 3 bytes each (the most one UTF-16
 * unit takes in UTF-8), and a field with {@code max_values} at least at the runtime's overflow
 * string. A distribution may be sampled, and then carries {@code sentry.client_sample_rate}.
 */
final class MetricSizeRule extends MetricRule {
  MetricSizeRule() {
    super(DiagnosticCode.METRIC_SIZE, Severity.ERROR);
  }

  /** Relay counts the value as 8 bytes, whatever it is. */
  static final int VALUE_SIZE = 8;
  /** The runtime's {@code DeliverySink.OVERFLOW_VALUE}, sent for a value past {@code max_values}, whatever the type. */
  static final String OVERFLOW_VALUE = "__overflow__";
  /** The runtime's {@code DeliverySink.SAMPLE_RATE_ATTRIBUTE}, a double on a sampled distribution. */
  static final String SAMPLE_RATE_ATTRIBUTE = "sentry.client_sample_rate";

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    long size = canonicalSize(metric);
    long budget = findings.config().maxMetricBytes();
    if (size > budget) {
      findings.report(metric.position(), "one data point of '" + metric.name() + "' can reach " + size
          + " bytes as Relay counts them (name, 8 for the value, each attribute's key and largest value), before the"
          + " attributes the SDK adds; over " + findings.config().maxMetricBytesOrigin()
          + ". Relay drops a larger data point (Sentry's behaviour, outcome TooLarge); lower the max_length of"
          + " its string attributes or carry fewer attributes");
    }
  }

  /** The largest canonical size Relay can compute for one data point of {@code metric}. */
  static long canonicalSize(MetricModel metric) {
    long size = utf8(metric.name()) + VALUE_SIZE;
    for (Field attribute : metric.attributes()) {
      long largest = largestValue(attribute);
      if (attribute.maxValues() != null) {
        largest = Math.max(largest, utf8(OVERFLOW_VALUE));
      }
      size += utf8(attribute.key()) + largest;
    }
    if (metric.type() == MetricType.DISTRIBUTION) {
      size += utf8(SAMPLE_RATE_ATTRIBUTE) + VALUE_SIZE;
    }
    return size;
  }

  private static long largestValue(Field attribute) {
    return switch (attribute.type()) {
      case ENUM -> attribute.values().stream().map(EnumValue::wireValue).mapToInt(MetricSizeRule::utf8).max().orElse(0);
      case BOOLEAN -> 1;
      case INTEGER, DOUBLE -> 8;
      case STRING -> 3L * attribute.maxLength();
    };
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
