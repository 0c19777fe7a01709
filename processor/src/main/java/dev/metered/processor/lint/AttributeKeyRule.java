package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import java.util.List;
import java.util.regex.Pattern;

/**
 * No attribute key is one the Java SDK overwrites or Relay writes, and keys follow the metric
 * names' character rules.
 *
 * <p>Sentry's behaviour: the SDK puts the caller's attributes in first and then writes
 * {@code sentry.sdk.*}, {@code sentry.environment}, {@code sentry.release},
 * {@code sentry.replay_id}, {@code server.address}, {@code user.id}, {@code user.name} and
 * {@code user.email} over them (sentry-java {@code MetricsApi.createAttributes}); Relay writes
 * more {@code sentry.*} keys and reads {@code sentry.client_sample_rate} as the client's sample
 * rate. Other {@code user.*} keys, such as {@code user.tier}, are left alone, so they are allowed.
 * {@code trace_id} and {@code span_id} name fields of every data point. The character rule is
 * Metered's policy.
 */
final class AttributeKeyRule extends AttributeRule {
  AttributeKeyRule() {
    super(DiagnosticCode.ATTRIBUTE_KEY, Severity.ERROR);
  }

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
  /** The keys the SDK overwrites, outside {@code sentry.*}. */
  private static final List<String> SDK_KEYS = List.of("server.address", "user.id", "user.name", "user.email");
  /** Fields of every data point, which an attribute of the same name would be confused with. */
  private static final List<String> FIELD_KEYS = List.of("trace_id", "span_id");

  @Override
  void check(FamilyModel family, Field attribute, Findings findings) {
    String key = attribute.key();
    String rename = ". Rename it, for example to '" + family.name() + "_" + key.replace('.', '_') + "'";
    if (key.equals("sentry.client_sample_rate")) {
      findings.report(attribute.position(), "the attribute key '" + key + "' is Sentry's own (Sentry's behaviour:"
          + " Relay reads it as the client's sample rate and extrapolates every value by it)" + rename);
    } else if (key.startsWith("sentry.")) {
      findings.report(attribute.position(), "the attribute key '" + key + "' is in Sentry's own namespace"
          + " (Sentry's behaviour: the SDK and Relay write sentry.* keys, over yours)" + rename);
    } else if (SDK_KEYS.contains(key)) {
      findings.report(attribute.position(), "the attribute key '" + key + "' is the Sentry SDK's own"
          + " (Sentry's behaviour: the SDK writes it over yours on every data point)" + rename);
    } else if (FIELD_KEYS.contains(key)) {
      findings.report(attribute.position(), "the attribute key '" + key + "' names a field of every data point"
          + " (Metered's policy: an attribute of that name would be confused with it)" + rename);
    } else if (!KEY.matcher(key).matches()) {
      findings.report(attribute.position(), "the attribute key '" + Excerpt.of(key) + "' must be lowercase segments"
          + " [a-z][a-z0-9_]* joined by '.' (Metered's policy: each key becomes a Java name)");
    }
  }
}
