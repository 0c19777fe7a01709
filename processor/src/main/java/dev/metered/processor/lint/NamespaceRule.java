package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.List;

/**
 * Every metric starts with the schema's namespace, so that one application's metrics are
 * found together and never mixed with another's; nothing is named in Sentry's or
 * OpenTelemetry's own namespaces.
 */
final class NamespaceRule extends BaseRule {
  NamespaceRule() {
    super(DiagnosticCode.NAMESPACE, Severity.ERROR);
  }

  static final List<String> RESERVED = List.of("sentry", "otel");

  @Override
  public void check(MetricsModel model, Findings findings) {
    if (RESERVED.contains(model.namespace())) {
      findings.report(model.namespacePosition(), "the namespace '" + model.namespace() + "' is reserved for "
          + (model.namespace().equals("sentry") ? "Sentry" : "OpenTelemetry") + "'s own metrics; use your"
          + " application's name (Metered's policy: Sentry accepts any namespace)");
      return;
    }
    String prefix = model.namespace() + ".";
    for (FamilyModel family : model.families()) {
      for (MetricModel metric : family.metrics()) {
        if (!metric.name().startsWith(prefix)) {
          findings.report(metric.position(), "the metric '" + metric.name() + "' is outside the namespace '"
              + model.namespace() + "'; name it '" + prefix + lastPart(metric.name(), family.name())
              + "' (Metered's policy: one application's metrics share one prefix)");
        }
      }
    }
  }

  /** The name without a first segment that is not the namespace. */
  private static String lastPart(String name, String family) {
    String rest = name.contains(".") ? name.substring(name.indexOf('.') + 1) : name;
    return rest.startsWith(family + ".") ? rest : family + "." + rest;
  }
}
