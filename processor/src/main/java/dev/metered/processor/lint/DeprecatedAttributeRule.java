package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.lint.DeprecatedAttributes.Deprecation;
import dev.metered.processor.lint.DeprecatedAttributes.Status;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;

/**
 * An attribute key that Sentry's conventions deprecate, such as {@code http.method}, gets its
 * replacement suggested: Relay moves or copies such keys to their replacement when the
 * conventions give the deprecation that status ({@code normalize_attribute_names}).
 *
 * <p>A bare word ({@code method}, {@code route}, {@code url}) is only reported when Relay
 * already acts on it: a schema's own {@code method} is more likely its own meaning than the
 * convention's, and Relay leaves it alone until its deprecation gets a status.
 */
final class DeprecatedAttributeRule extends AttributeRule {
  DeprecatedAttributeRule() {
    super(DiagnosticCode.DEPRECATED_ATTRIBUTE, Severity.WARNING);
  }

  @Override
  void check(FamilyModel family, Field attribute, Findings findings) {
    Deprecation deprecation = DeprecatedAttributes.of(attribute.key());
    if (deprecation == null || !attribute.key().contains(".") && deprecation.status() == Status.NONE) {
      return;
    }
    String replacement = deprecation.replacement();
    String relay = switch (deprecation.status()) {
      case NORMALIZE -> "Relay moves its value to '" + replacement + "'";
      case BACKFILL -> "Relay copies its value to '" + replacement + "'";
      case NONE -> "Relay keeps it as it is until the conventions give the deprecation a status that moves"
          + " or copies it";
    };
    findings.report(attribute.position(), "the attribute key '" + attribute.key() + "' is deprecated in Sentry's"
        + " conventions" + (replacement == null ? ", with no replacement" : " in favour of '" + replacement + "'")
        + " (Sentry's behaviour: " + relay + ")"
        + (replacement == null ? "; name it for what it holds" : "; name it '" + replacement + "'"));
  }
}
