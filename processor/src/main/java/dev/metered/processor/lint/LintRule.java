package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.MetricsModel;

/**
 * One check of a valid schema against what Sentry does with what it receives. Each rule is
 * small, has one stable code and a default severity, and is documented in docs/lint.md.
 */
public interface LintRule {

  /** The code of what this rule finds. */
  DiagnosticCode code();

  /** Its severity unless the schema or an option says otherwise. */
  Severity defaultSeverity();

  /** Reports what it finds in {@code model} to {@code findings}. */
  void check(MetricsModel model, Findings findings);

  /** Where a rule reports; the severity is applied by the caller. */
  interface Findings {
    void report(SourcePosition position, String message);

    /** The settings rules read, such as the series budget. */
    LintConfig config();
  }
}
