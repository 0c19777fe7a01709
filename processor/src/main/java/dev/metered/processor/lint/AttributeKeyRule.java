package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricsModel;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Attribute keys follow the metric names' character rules, and none is one the Java SDK sets
 * itself: the SDK overwrites {@code sentry.*}, {@code server.address} and {@code user.*} with its
 * own values, and {@code trace_id} and {@code span_id} name fields of the data point.
 */
final class AttributeKeyRule extends AttributeRule {
  AttributeKeyRule() {
    super(DiagnosticCode.ATTRIBUTE_KEY, Severity.ERROR);
  }

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  private static final List<String> RESERVED_KEYS = List.of("server.address", "trace_id", "span_id");
  private static final List<String> RESERVED_PREFIXES = List.of("sentry.", "user.", "otel.");

  @Override
  void check(FamilyModel family, Field attribute, Findings findings) {
    String key = attribute.key();
    if (RESERVED_KEYS.contains(key) || RESERVED_PREFIXES.stream().anyMatch(key::startsWith)) {
      findings.report(attribute.position(), "the attribute key '" + key + "' is the Sentry SDK's own;"
          + " the SDK would overwrite or misread it. Rename it, for example to '"
          + family.name() + "_" + key.replace('.', '_') + "'");
    } else if (!KEY.matcher(key).matches()) {
      findings.report(attribute.position(), "the attribute key '" + Excerpt.of(key) + "' must be lowercase segments"
          + " [a-z][a-z0-9_]* joined by '.'; Sentry would receive it as '"
          + Excerpt.of(key.replaceAll("[^a-zA-Z0-9_.]", "_")) + "'");
    }
  }
}
