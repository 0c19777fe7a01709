package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;

/**
 * Every metric says what it measures: the description becomes the javadoc of its constant and
 * the catalog's text, which is what the next person reads before trusting a dashboard.
 */
final class MissingDescriptionRule extends MetricRule {
  MissingDescriptionRule() {
    super(DiagnosticCode.MISSING_DESCRIPTION, Severity.WARNING);
  }

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    if (metric.description() == null || metric.description().isBlank()) {
      findings.report(metric.position(), "the metric '" + metric.name() + "' has no description; add"
          + " 'description:' saying what it counts or measures (Metered's policy: it becomes the javadoc and"
          + " the catalog's text)");
    }
  }
}
