package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How severities are configured (docs/lint.md, "Configuring severities"): the schema's
 * {@code lint:} section, {@code -Ametered.lint.CODE=...} options that win over it,
 * {@code -Ametered.werror=true}, and the series budget.
 */
class LintConfigTest {
  /** Clean but for one metric without a description, a warning by default. */
  static final String UNDESCRIBED = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          attributes:
            command_type: {type: enum, values: [prefix, slash, hybrid]}
            success: boolean
          inputs:
            duration: double
          metrics:
            bot.command.usage: counter
            bot.command.execution_time: {type: distribution, unit: millisecond, value: duration, description: Command execution time.}
      """;

  /**
   * Clean but for cardinality: bot.command.usage can have 20 x 3 x 2 = 120 series, under the
   * default budget of 10,000.
   */
  static final String HUNDRED_AND_TWENTY_SERIES = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          attributes:
            command_type: {type: enum, values: [prefix, slash, hybrid]}
            success: boolean
            guild: {type: string, max_length: 20, max_values: 20}
          inputs:
            duration: double
          metrics:
            bot.command.usage: {type: counter, description: Command usage count.}
            bot.command.execution_time: {type: distribution, unit: millisecond, value: duration, attributes: [command_type], description: Command execution time.}
      """;

  static final String MISSING_DESCRIPTION = "MeteredMissingDescription";
  static final String CARDINALITY = "MeteredCardinality";

  @TempDir Path dir;

  private Compilation compile(String schema, String... options) {
    Path file = dir.resolve("metrics.yaml");
    try {
      Files.writeString(file, schema);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    List<String> all = new ArrayList<>(List.of("-Ametered.schema=" + file));
    all.addAll(List.of(options));
    Compilation compilation = Compilations.compileWithOptions(all);
    SchemaErrorTest.assertNoCrash(compilation);
    return compilation;
  }

  private static List<Diagnostic<? extends JavaFileObject>> findings(Compilation compilation, String code) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).contains("[" + code + "]"))
        .<Diagnostic<? extends JavaFileObject>>map(d -> d)
        .toList();
  }

  private static void assertOnlyWarning(Compilation compilation, String code) {
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(findings(compilation, code)).as(Compilations.describe(compilation)).singleElement()
        .satisfies(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.WARNING));
  }

  private static void assertOnlyError(Compilation compilation, String code) {
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.FAILURE);
    assertThat(findings(compilation, code)).as(Compilations.describe(compilation)).singleElement()
        .satisfies(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR));
    assertThat(compilation.errors()).as("no other error").hasSize(1);
  }

  private static void assertNoFinding(Compilation compilation, String code) {
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(findings(compilation, code)).as(Compilations.describe(compilation)).isEmpty();
  }

  @Test
  void byDefaultAMissingDescriptionIsAWarning() {
    assertOnlyWarning(compile(UNDESCRIBED), MISSING_DESCRIPTION);
  }

  @Test
  void aRuleSetToOffInTheSchemaReportsNothing() {
    Compilation compilation = compile(UNDESCRIBED + "lint:\n  MeteredMissingDescription: off\n");
    assertNoFinding(compilation, MISSING_DESCRIPTION);
    assertThat(compilation.warnings()).as(Compilations.describe(compilation)).isEmpty();
  }

  @Test
  void anErrorRuleSetToOffInTheSchemaReportsNothing() {
    String schema = UNDESCRIBED.replace("unit: millisecond", "unit: msec")
        + "lint:\n  MeteredUnknownUnit: off\n  MeteredMissingDescription: off\n";
    Compilation compilation = compile(schema);
    assertNoFinding(compilation, "MeteredUnknownUnit");
    assertThat(compilation.diagnostics()).as(Compilations.describe(compilation)).isEmpty();
  }

  @Test
  void anErrorRuleSetToWarningInTheSchemaNoLongerFailsTheBuild() {
    String schema = UNDESCRIBED.replace("unit: millisecond", "unit: msec")
        + "lint:\n  MeteredUnknownUnit: warning\n  MeteredMissingDescription: off\n";
    assertOnlyWarning(compile(schema), "MeteredUnknownUnit");
  }

  @Test
  void aWarningSetToErrorInTheSchemaFailsTheBuild() {
    assertOnlyError(compile(UNDESCRIBED + "lint:\n  MeteredMissingDescription: error\n"), MISSING_DESCRIPTION);
  }

  @Test
  void anOptionMakesAWarningAnError() {
    Compilation compilation = compile(UNDESCRIBED, "-Ametered.lint.MeteredMissingDescription=error");
    assertOnlyError(compilation, MISSING_DESCRIPTION);
  }

  @Test
  void werrorMakesWarningsErrors() {
    Compilation compilation = compile(UNDESCRIBED, "-Ametered.werror=true");
    assertOnlyError(compilation, MISSING_DESCRIPTION);
    assertThat(findings(compilation, MISSING_DESCRIPTION).get(0).getMessage(Locale.ROOT))
        .contains("made an error by -Ametered.werror");
  }

  @Test
  void werrorFalseChangesNothing() {
    assertOnlyWarning(compile(UNDESCRIBED, "-Ametered.werror=false"), MISSING_DESCRIPTION);
  }

  @Test
  void werrorDoesNotBringBackARuleThatIsOff() {
    assertNoFinding(compile(UNDESCRIBED + "lint:\n  MeteredMissingDescription: off\n", "-Ametered.werror=true"),
        MISSING_DESCRIPTION);
  }

  @Test
  void anOptionOverridesTheSchemaTowardsOff() {
    Compilation compilation = compile(UNDESCRIBED + "lint:\n  MeteredMissingDescription: error\n",
        "-Ametered.lint.MeteredMissingDescription=off");
    assertNoFinding(compilation, MISSING_DESCRIPTION);
  }

  @Test
  void anOptionOverridesTheSchemaTowardsError() {
    Compilation compilation = compile(UNDESCRIBED + "lint:\n  MeteredMissingDescription: off\n",
        "-Ametered.lint.MeteredMissingDescription=error");
    assertOnlyError(compilation, MISSING_DESCRIPTION);
  }

  @Test
  void severitiesAreReadWithoutRegardToCase() {
    assertOnlyError(compile(UNDESCRIBED, "-Ametered.lint.MeteredMissingDescription=ERROR"), MISSING_DESCRIPTION);
  }

  @Test
  void underTheDefaultBudgetThereIsNoCardinalityFinding() {
    assertNoFinding(compile(HUNDRED_AND_TWENTY_SERIES), CARDINALITY);
  }

  @Test
  void seriesBudgetInTheSchemaLowersTheThreshold() {
    Compilation compilation = compile(HUNDRED_AND_TWENTY_SERIES + "lint:\n  series_budget: 100\n");
    assertOnlyWarning(compilation, CARDINALITY);
    assertThat(findings(compilation, CARDINALITY).get(0).getMessage(Locale.ROOT))
        .contains("'bot.command.usage'", "up to 120 series", "budget of 100");
  }

  @Test
  void aBudgetEqualToTheSeriesIsWithinIt() {
    assertNoFinding(compile(HUNDRED_AND_TWENTY_SERIES + "lint:\n  series_budget: 120\n"), CARDINALITY);
  }

  @Test
  void theSeriesBudgetOptionOverridesTheSchema() {
    String schema = HUNDRED_AND_TWENTY_SERIES + "lint:\n  series_budget: 100\n";
    assertNoFinding(compile(schema, "-Ametered.lint.series_budget=1000"), CARDINALITY);
    assertOnlyWarning(compile(HUNDRED_AND_TWENTY_SERIES, "-Ametered.lint.series_budget=119"), CARDINALITY);
  }

  @Test
  void cardinalityCanBeMadeAnErrorWithItsBudget() {
    Compilation compilation = compile(HUNDRED_AND_TWENTY_SERIES + "lint:\n  series_budget: 100\n  MeteredCardinality: error\n");
    assertOnlyError(compilation, CARDINALITY);
  }
}
