package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricsModel;

/**
 * Every attribute without a closed value set declares how many values it takes
 * ({@code max_values}): each distinct value is a new series in Sentry, and an identifier or a
 * raw path in an attribute makes series without end.
 */
final class UnboundedAttributeRule extends AttributeRule {
  UnboundedAttributeRule() {
    super(DiagnosticCode.UNBOUNDED_ATTRIBUTE, Severity.WARNING);
  }

  @Override
  void check(FamilyModel family, Field attribute, Findings findings) {
    boolean closed = attribute.type() == FieldType.ENUM || attribute.type() == FieldType.BOOLEAN;
    if (!closed && attribute.maxValues() == null) {
      findings.report(attribute.position(), "the " + attribute.type().keyword() + " attribute '"
          + attribute.key() + "' has no closed value set; declare how many distinct values it takes"
          + " ('max_values: 50'), or make it an enum. Every distinct value is one more series to query and"
          + " chart (Metered's policy: Sentry sets no such limit)");
    }
  }
}
