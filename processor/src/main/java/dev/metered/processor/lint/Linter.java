package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.MetricsModel;
import javax.tools.Diagnostic.Kind;

/** Runs every lint rule over a valid model and reports findings at their configured severity. */
public final class Linter {
  private final LintConfig config;

  public Linter(LintConfig config) {
    this.config = config;
  }

  /** Lints {@code model}; findings go to {@code diagnostics}. */
  public void lint(MetricsModel model, Diagnostics diagnostics) {
    for (LintRule rule : LintRules.all()) {
      Severity severity = config.severity(rule);
      if (severity == Severity.OFF) {
        continue;
      }
      Kind kind = severity == Severity.ERROR ? Kind.ERROR : Kind.WARNING;
      String suffix = severity == Severity.ERROR && rule.defaultSeverity() == Severity.WARNING && config.werror()
          ? " (a warning, made an error by -A" + LintConfig.WERROR_OPTION + ")" : "";
      rule.check(model, new LintRule.Findings() {
        @Override
        public void report(SourcePosition position, String message) {
          diagnostics.report(rule.code(), kind, position, message + suffix);
        }

        @Override
        public LintConfig config() {
          return config;
        }
      });
    }
  }
}
