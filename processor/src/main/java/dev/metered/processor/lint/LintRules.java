package dev.metered.processor.lint;

import java.util.List;

/** Every lint rule, in the order of docs/lint.md. */
public final class LintRules {
  private static final List<LintRule> ALL = List.of(
      new MetricNameRule(),
      new NamespaceRule(),
      new UnknownUnitRule(),
      new UnitAliasRule(),
      new CounterUnitRule(),
      new TimeUnitRule(),
      new UnitInNameRule(),
      new AttributeKeyRule(),
      new DeprecatedAttributeRule(),
      new ScrubbedAttributeRule(),
      new InconsistentAttributeRule(),
      new UnboundedAttributeRule(),
      new CardinalityRule(),
      new MetricSizeRule(),
      new MissingDescriptionRule(),
      new CatalogChangeRule());

  private LintRules() {}

  /** The rules. */
  public static List<LintRule> all() {
    return ALL;
  }
}
