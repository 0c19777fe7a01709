package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Suggestions;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;

/**
 * A unit Sentry does not know is lost: Relay stores a custom unit (wrong case included) as
 * {@code none} and drops one it cannot parse, so the dashboard cannot convert or label values.
 * Sentry's aliases ({@code ms}, {@code s}, {@code ns}) are {@link UnitAliasRule}'s.
 */
final class UnknownUnitRule extends MetricRule {
  UnknownUnitRule() {
    super(DiagnosticCode.UNKNOWN_UNIT, Severity.ERROR);
  }

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    String unit = metric.unit();
    if (unit == null || Units.isAccepted(unit)) {
      return;
    }
    String meant = Units.meant(unit);
    String suggestion = meant != null ? "; did you mean '" + meant + "'?" : Suggestions.didYouMean(unit, Units.all());
    findings.report(metric.unitPosition(), "'" + unit + "' is not a unit Sentry knows, so the metric '"
        + metric.name() + "' loses its unit (Sentry's behaviour: Relay " + Units.whatRelayDoes(unit) + ")"
        + (suggestion.isEmpty() ? "." : suggestion) + " Sentry's units: durations "
        + String.join(", ", Units.DURATION) + "; information " + String.join(", ", Units.INFORMATION)
        + "; fractions " + String.join(", ", Units.FRACTION) + "; or none");
  }
}
