package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;

/**
 * Every metric says what it measures: the description becomes the javadoc of its constant and
 * the catalog's text, which is what the next person reads before trusting a dashboard.
 */
final class DescriptionRule implements LintRule {
  @Override
  public DiagnosticCode code() {
    return DiagnosticCode.MISSING_DESCRIPTION;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public void check(MetricsModel model, Findings findings) {
    for (FamilyModel family : model.families()) {
      for (MetricModel metric : family.metrics()) {
        if (metric.description() == null || metric.description().isBlank()) {
          findings.report(metric.position(), "the metric '" + metric.name() + "' has no description; add"
              + " 'description:' saying what it counts or measures");
        }
      }
    }
  }
}
