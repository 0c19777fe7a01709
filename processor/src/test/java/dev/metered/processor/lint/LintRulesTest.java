package dev.metered.processor.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rule is found by the code it reports: each class is named after its code. */
class LintRulesTest {
  @Test
  void everyRuleClassIsNamedAfterTheCodeItReports() {
    for (LintRule rule : LintRules.all()) {
      String expected = rule.code().code().substring("Metered".length()) + "Rule";
      assertThat(rule.getClass().getSimpleName()).as(rule.code().tag()).isEqualTo(expected);
    }
  }

  @Test
  void everyRuleHasItsOwnCode() {
    assertThat(LintRules.all()).extracting(LintRule::code).doesNotHaveDuplicates();
  }
}
