package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;

/**
 * A counter counts events, so it has no unit; a unit on one usually means the metric measures
 * something and should be a distribution.
 */
final class CounterUnitRule extends MetricRule {
  CounterUnitRule() {
    super(DiagnosticCode.COUNTER_UNIT, Severity.WARNING);
  }

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    if (metric.type() == MetricType.COUNTER && metric.unit() != null && !metric.unit().equals("none")) {
      findings.report(metric.unitPosition(), "the counter '" + metric.name() + "' has the unit '"
          + metric.unit() + "'; counters count events and carry no unit. Remove the unit, or make it"
          + " a distribution if it measures " + metric.unit() + "s (Metered's policy: Sentry accepts a unit on a"
          + " counter; its developer spec uses units only for distributions and gauges)");
    }
  }
}
