package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;

/** A rule's code and default severity, held once so that each rule only says what it checks. */
abstract class BaseRule implements LintRule {
  private final DiagnosticCode code;
  private final Severity defaultSeverity;

  BaseRule(DiagnosticCode code, Severity defaultSeverity) {
    this.code = code;
    this.defaultSeverity = defaultSeverity;
  }

  @Override
  public final DiagnosticCode code() {
    return code;
  }

  @Override
  public final Severity defaultSeverity() {
    return defaultSeverity;
  }
}
