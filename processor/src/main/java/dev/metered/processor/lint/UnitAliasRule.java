package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;

/**
 * Sentry accepts {@code ms}, {@code s} and {@code ns} and stores them under their full names;
 * writing the full name in the schema, the one the dashboard and the catalog show, is Metered's
 * policy.
 */
final class UnitAliasRule extends MetricRule {
  UnitAliasRule() {
    super(DiagnosticCode.UNIT_ALIAS, Severity.WARNING);
  }

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    String canonical = metric.unit() == null ? null : Units.SENTRY_ALIASES.get(metric.unit());
    if (canonical != null) {
      findings.report(metric.unitPosition(), "the unit '" + metric.unit() + "' of the metric '" + metric.name()
          + "' is Sentry's alias for '" + canonical + "', which Relay stores it as; write 'unit: " + canonical
          + "', the name Sentry shows (Metered's policy: one name per unit)");
    }
  }
}
