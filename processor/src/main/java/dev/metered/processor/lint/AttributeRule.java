package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricsModel;

/** A rule that looks at one attribute declaration at a time. */
abstract class AttributeRule extends BaseRule {
  AttributeRule(DiagnosticCode code, Severity defaultSeverity) {
    super(code, defaultSeverity);
  }

  @Override
  public final void check(MetricsModel model, Findings findings) {
    for (FamilyModel family : model.families()) {
      for (Field attribute : family.attributes()) {
        check(family, attribute, findings);
      }
    }
  }

  /** Checks {@code attribute} of {@code family}. */
  abstract void check(FamilyModel family, Field attribute, Findings findings);
}
