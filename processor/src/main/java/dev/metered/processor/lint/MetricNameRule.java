package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Metric names are lowercase segments joined by dots, at least two, at most 150 characters:
 * that is Metered's policy (Sentry allows upper case and sets no length limit on trace-metric
 * names). What is Sentry's behaviour: Relay replaces each run of characters outside
 * {@code [a-zA-Z0-9_.]} with one {@code _} ({@code relay-event-normalization/src/eap/trace_metric.rs},
 * {@code normalize_metric_name}), so {@code bot.command-usage} arrives as another name than the
 * code uses.
 */
final class MetricNameRule extends MetricRule {
  MetricNameRule() {
    super(DiagnosticCode.METRIC_NAME, Severity.ERROR);
  }

  static final int MAX_LENGTH = 150;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  /** What Relay replaces, run by run, with one {@code _}. */
  static final Pattern RELAY_REPLACES = Pattern.compile("[^a-zA-Z0-9_.]+");

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    String name = metric.name();
    String shown = Excerpt.of(name);
    if (name.length() > MAX_LENGTH) {
      findings.report(metric.position(), "the metric name '" + shown + "' has " + name.length()
          + " characters, more than " + MAX_LENGTH + "; shorten it (Metered's policy, after the retired statsd"
          + " metrics spec: Sentry sets no length limit on metric names)");
    } else if (!NAME.matcher(name).matches()) {
      String fixed = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.]", "_").replaceAll("\\.+", ".");
      if (!fixed.contains(".")) {
        fixed = model.namespace() + "." + family.name() + "." + fixed;
      }
      String rewritten = RELAY_REPLACES.matcher(name).replaceAll("_");
      findings.report(metric.position(), "the metric name '" + shown + "' must be lowercase segments"
          + " [a-z][a-z0-9_]* joined by '.', at least two of them (Metered's policy: Sentry also accepts upper case)"
          + (rewritten.equals(name) ? "" : "; Sentry would receive it as '" + Excerpt.of(rewritten)
              + "' (Sentry's behaviour: Relay replaces each run of characters outside [a-zA-Z0-9_.] with one '_')")
          + ". Rename it, for example to '" + Excerpt.of(fixed) + "'");
    }
  }
}
