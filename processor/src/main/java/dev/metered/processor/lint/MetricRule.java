package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;

/** A rule that looks at one metric at a time. */
abstract class MetricRule extends BaseRule {
  MetricRule(DiagnosticCode code, Severity defaultSeverity) {
    super(code, defaultSeverity);
  }

  @Override
  public final void check(MetricsModel model, Findings findings) {
    for (FamilyModel family : model.families()) {
      for (MetricModel metric : family.metrics()) {
        check(model, family, metric, findings);
      }
    }
  }

  /** Checks {@code metric} of {@code family}. */
  abstract void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings);
}
