package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.processor.lint.LintConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lint rules say what Sentry really does (docs/lint.md, "What Sentry does"; the facts and
 * their sources are linked there): each finding's code, severity, position and exact message,
 * and that every message says whether it is Sentry's behaviour or Metered's policy.
 */
class SentryLintTest {
  /**
   * Clean. {@code #extra} on line 9 becomes one more attribute, or goes; without it the usage
   * counter is on line 12 and the unit at 13:62.
   */
  static final String CLEAN = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          attributes:
            command_type: {type: enum, values: [prefix, slash, hybrid]}
            success: boolean
      #extra
          inputs:
            duration: double
          metrics:
            bot.command.usage: {type: counter, description: Command usage count.}
            bot.command.execution_time: {type: distribution, unit: millisecond, value: duration, attributes: [command_type], description: Command execution time.}
      """;

  @TempDir Path dir;

  private Compilation compile(String schema, String... options) {
    Compilation compilation = Compilations.compileSchema(dir, schema, List.of(options));
    SchemaErrorTest.assertNoCrash(compilation);
    return compilation;
  }

  private static String withAttribute(String line) {
    return CLEAN.replace("#extra", "      " + line);
  }

  private static String withUnit(String unit) {
    return CLEAN.replace("#extra\n", "").replace("unit: millisecond", "unit: " + unit);
  }

  private static List<Diagnostic<? extends JavaFileObject>> findings(Compilation compilation, String code) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getMessage(Locale.ROOT).startsWith("[" + code + "]"))
        .<Diagnostic<? extends JavaFileObject>>map(d -> d)
        .toList();
  }

  /** The one finding of {@code code}: its kind, {@code metrics.yaml:LINE:COLUMN}, and its message after them. */
  private static String only(Compilation compilation, String code, Diagnostic.Kind kind, String where) {
    List<Diagnostic<? extends JavaFileObject>> found = findings(compilation, code);
    assertThat(found).as(Compilations.describe(compilation)).hasSize(1);
    Diagnostic<? extends JavaFileObject> finding = found.get(0);
    assertThat(finding.getKind()).as(Compilations.describe(compilation)).isEqualTo(kind);
    String message = finding.getMessage(Locale.ROOT);
    String prefix = "metrics.yaml:" + where + ": ";
    assertThat(message).contains(prefix);
    return message.substring(message.indexOf(prefix) + prefix.length());
  }

  /** The one finding of {@code code} at {@code metrics.yaml:LINE:COLUMN}: its message after the position. */
  private static String at(Compilation compilation, String code, String where) {
    String prefix = "metrics.yaml:" + where + ": ";
    List<String> found = findings(compilation, code).stream().map(d -> d.getMessage(Locale.ROOT))
        .filter(message -> message.contains(prefix)).toList();
    assertThat(found).as(Compilations.describe(compilation)).hasSize(1);
    return found.get(0).substring(found.get(0).indexOf(prefix) + prefix.length());
  }

  private static void none(Compilation compilation, String code) {
    assertThat(findings(compilation, code)).as(Compilations.describe(compilation)).isEmpty();
  }

  // Units: relay-base-schema/src/metrics/units.rs and relay-event-normalization/src/eap/trace_metric.rs.

  @ParameterizedTest
  @ValueSource(strings = {"ms:millisecond", "s:second", "ns:nanosecond"})
  void sentrysUnitAliasesAreAWarningThatNamesTheCanonicalUnit(String aliasAndUnit) {
    String alias = aliasAndUnit.substring(0, aliasAndUnit.indexOf(':'));
    String unit = aliasAndUnit.substring(aliasAndUnit.indexOf(':') + 1);
    Compilation compilation = compile(withUnit(alias));
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(only(compilation, "MeteredUnitAlias", Diagnostic.Kind.WARNING, "13:62")).isEqualTo(
        "the unit '" + alias + "' of the metric 'bot.command.execution_time' is Sentry's alias for '" + unit
            + "', which Relay stores it as; write 'unit: " + unit + "', the name Sentry shows (Metered's policy:"
            + " one name per unit)");
    none(compilation, "MeteredUnknownUnit");
    // An alias of a duration is a duration.
    none(compilation, "MeteredTimeUnit");
  }

  /** Each unit Sentry does not accept (the case, the characters, the length) is an error that says what Relay does with it. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Millisecond        | Relay matches units case-sensitively, takes 'Millisecond' for a custom unit and stores it as 'none'
      requests           | Relay takes it for a custom unit and stores it as 'none'
      '%'                | Relay fails to parse a unit with characters other than letters, digits and '_', and drops it
      By/s               | Relay fails to parse a unit with characters other than letters, digits and '_', and drops it
      requests/s         | Relay fails to parse a unit with characters other than letters, digits and '_', and drops it
      milliseconds_total | Relay fails to parse a unit of more than 15 characters, and drops it
      """)
  void aUnitSentryDoesNotAcceptIsAnErrorWithRelaysReason(String unit, String reason) {
    // YAML needs '%' quoted; the unit is what is inside the quotes.
    String written = unit.replace("'", "");
    Compilation compilation = compile(withUnit(unit));
    assertThat(only(compilation, "MeteredUnknownUnit", Diagnostic.Kind.ERROR, "13:62")).startsWith(
        "'" + written + "' is not a unit Sentry knows, so the metric 'bot.command.execution_time' loses its unit"
            + " (Sentry's behaviour: " + reason + ")");
  }

  @Test
  void aUnitInTheWrongCaseGetsTheUnitMeantSuggested() {
    assertThat(only(compile(withUnit("Millisecond")), "MeteredUnknownUnit", Diagnostic.Kind.ERROR, "13:62"))
        .contains("); did you mean 'millisecond'? Sentry's units: durations nanosecond,");
  }

  // Names: relay-event-normalization/src/eap/trace_metric.rs, normalize_metric_name.

  @Test
  void upperCaseInANameIsMeteredsPolicyNotSentrys() {
    Compilation compilation = compile(CLEAN.replace("#extra\n", "").replace("bot.command.usage:", "bot.command.Usage:"));
    assertThat(only(compilation, "MeteredMetricName", Diagnostic.Kind.ERROR, "12:7")).isEqualTo(
        "the metric name 'bot.command.Usage' must be lowercase segments [a-z][a-z0-9_]* joined by '.', at least two"
            + " of them (Metered's policy: Sentry also accepts upper case). Rename it, for example to"
            + " 'bot.command.usage'");
  }

  @Test
  void relayReplacesEachRunOfOtherCharactersWithOneUnderscore() {
    Compilation compilation = compile(CLEAN.replace("#extra\n", "").replace("bot.command.usage:", "bot.command--usage:"));
    assertThat(only(compilation, "MeteredMetricName", Diagnostic.Kind.ERROR, "12:7")).isEqualTo(
        "the metric name 'bot.command--usage' must be lowercase segments [a-z][a-z0-9_]* joined by '.', at least two"
            + " of them (Metered's policy: Sentry also accepts upper case); Sentry would receive it as"
            + " 'bot.command_usage' (Sentry's behaviour: Relay replaces each run of characters outside [a-zA-Z0-9_.]"
            + " with one '_'). Rename it, for example to 'bot.command__usage'");
  }

  @Test
  void theLengthLimitIsMeteredsPolicy() {
    String name = "bot.command." + "u".repeat(140);
    Compilation compilation = compile(CLEAN.replace("#extra\n", "").replace("bot.command.usage:", name + ":"));
    assertThat(only(compilation, "MeteredMetricName", Diagnostic.Kind.ERROR, "12:7"))
        .contains("has 152 characters, more than 150; shorten it (Metered's policy, after the retired statsd metrics"
            + " spec: Sentry sets no length limit on metric names)");
  }

  // Size: relay-server/src/processing/trace_metrics/utils.rs calculate_size, eap/size.rs.

  /** bot.command.usage: 17 (name) + 8 (value) + 12 + 6 (command_type) + 7 + 1 (success) + 5 + 30 (query) = 86. */
  static final String EIGHTY_SIX_BYTES = withAttribute("query: {type: string, max_length: 10, max_values: 5}");

  @Test
  void theSizeIsRelaysCanonicalSizeAgainstABudgetSetInTheSchema() {
    Compilation over = compile(EIGHTY_SIX_BYTES + "lint:\n  max_metric_bytes: 85\n");
    assertThat(only(over, "MeteredMetricSize", Diagnostic.Kind.ERROR, "13:7")).isEqualTo(
        "one data point of 'bot.command.usage' can reach 86 bytes as Relay counts them (name, 8 for the value, each"
            + " attribute's key and largest value), before the attributes the SDK adds; over the budget of 85 bytes"
            + " (max_metric_bytes, set in the schema's lint section). Relay drops a larger data point (Sentry's"
            + " behaviour, outcome TooLarge); lower the max_length of its string attributes or carry fewer attributes");
    none(compile(EIGHTY_SIX_BYTES + "lint:\n  max_metric_bytes: 86\n"), "MeteredMetricSize");
  }

  @Test
  void aFieldPastItsMaxValuesCountsAsTheRuntimesOverflowString() {
    // 17 + 8 + 18 + 8 + 7 (retries) + 12: an integer past max_values is sent as the 12 bytes '__overflow__'.
    Compilation compilation = compile(withAttribute("retries: {type: integer, max_values: 5}")
        + "lint:\n  max_metric_bytes: 69\n");
    assertThat(at(compilation, "MeteredMetricSize", "13:7")).startsWith(
        "one data point of 'bot.command.usage' can reach 70 bytes as Relay counts them");
    assertThat(dev.metered.runtime.DeliverySink.OVERFLOW_VALUE).hasSize(12);
  }

  @Test
  void aDistributionCountsTheSampleRateTheRuntimeAddsWhenItSamples() {
    // 26 + 8 + 18 (command_type) + 25 + 8 (sentry.client_sample_rate, a double).
    Compilation compilation = compile(CLEAN.replace("#extra\n", "") + "lint:\n  max_metric_bytes: 84\n");
    assertThat(only(compilation, "MeteredMetricSize", Diagnostic.Kind.ERROR, "13:7")).startsWith(
        "one data point of 'bot.command.execution_time' can reach 85 bytes as Relay counts them");
    assertThat(dev.metered.runtime.DeliverySink.SAMPLE_RATE_ATTRIBUTE).isEqualTo("sentry.client_sample_rate");
  }

  @Test
  void theSizeBudgetCanBeSetByAnOptionThatWinsOverTheSchema() {
    Compilation compilation = compile(EIGHTY_SIX_BYTES + "lint:\n  max_metric_bytes: 4000\n",
        "-Ametered.lint." + LintConfig.MAX_METRIC_BYTES + "=85");
    assertThat(only(compilation, "MeteredMetricSize", Diagnostic.Kind.ERROR, "13:7"))
        .contains("over the budget of 85 bytes (max_metric_bytes, set in the option)");
  }

  @Test
  void theDefaultBudgetSaysWhoseLimitItIs() {
    // 17 + 8 + 18 + 8 + 5 + 3 x 700 = 2156 bytes, over 2048.
    Compilation compilation = compile(withAttribute("query: {type: string, max_length: 700, max_values: 5}"));
    assertThat(only(compilation, "MeteredMetricSize", Diagnostic.Kind.ERROR, "13:7")).contains(
        "can reach 2156 bytes as Relay counts them", "over Metered's default budget of 2048 bytes, the limit Sentry's"
            + " SDK docs give (Relay's own default max_trace_metric_size is 1 MiB; set max_metric_bytes in the lint"
            + " section to your Sentry's limit)");
    // 3 x 600: 1856 bytes.
    none(compile(withAttribute("query: {type: string, max_length: 600, max_values: 5}")), "MeteredMetricSize");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5", "lots"})
  void aBadSizeBudgetIsALintConfigError(String budget) {
    Compilation compilation = compile(CLEAN.replace("#extra\n", "") + "lint:\n  max_metric_bytes: " + budget + "\n");
    assertThat(only(compilation, "MeteredBadLintConfig", Diagnostic.Kind.ERROR, "15:21")).isEqualTo(
        "max_metric_bytes in the schema's lint section must be a whole number above 0, not '" + budget + "'");
  }

  // Attribute keys: sentry-java MetricsApi.createAttributes; relay trace_metrics/store.rs.

  @ParameterizedTest
  @ValueSource(strings = {"user.id", "user.name", "user.email", "server.address"})
  void theKeysTheSdkWritesOverAreReserved(String key) {
    Compilation compilation = compile(withAttribute(key + ": {type: string, max_length: 20, max_values: 5}"));
    assertThat(only(compilation, "MeteredAttributeKey", Diagnostic.Kind.ERROR, "9:7")).isEqualTo(
        "the attribute key '" + key + "' is the Sentry SDK's own (Sentry's behaviour: the SDK writes it over yours on"
            + " every data point). Rename it, for example to 'command_" + key.replace('.', '_') + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"user.tier", "user.locale", "otel.scope"})
  void otherUserKeysAreAllowedBecauseTheSdkLeavesThemAlone(String key) {
    Compilation compilation = compile(withAttribute(key + ": {type: enum, values: [free, paid]}"));
    none(compilation, "MeteredAttributeKey");
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
  }

  @Test
  void theClientSampleRateIsReservedWithItsReason() {
    Compilation compilation = compile(withAttribute("sentry.client_sample_rate: double"));
    assertThat(only(compilation, "MeteredAttributeKey", Diagnostic.Kind.ERROR, "9:7")).isEqualTo(
        "the attribute key 'sentry.client_sample_rate' is Sentry's own (Sentry's behaviour: Relay reads it as the"
            + " client's sample rate and extrapolates every value by it). Rename it, for example to"
            + " 'command_sentry_client_sample_rate'");
  }

  @Test
  void everySentryKeyIsReserved() {
    Compilation compilation = compile(withAttribute("sentry.origin: {type: enum, values: [auto, manual]}"));
    assertThat(only(compilation, "MeteredAttributeKey", Diagnostic.Kind.ERROR, "9:7")).isEqualTo(
        "the attribute key 'sentry.origin' is in Sentry's own namespace (Sentry's behaviour: the SDK and Relay write"
            + " sentry.* keys, over yours). Rename it, for example to 'command_sentry_origin'");
  }

  @Test
  void aDeprecatedConventionKeyIsAWarningWithItsReplacement() {
    Compilation compilation = compile(withAttribute("http.method: {type: enum, values: [GET, POST]}"));
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(only(compilation, "MeteredDeprecatedAttribute", Diagnostic.Kind.WARNING, "9:7")).isEqualTo(
        "the attribute key 'http.method' is deprecated in Sentry's conventions in favour of 'http.request.method'"
            + " (Sentry's behaviour: Relay keeps it as it is until the conventions give the deprecation a status that"
            + " moves or copies it); name it 'http.request.method'");
    none(compile(withAttribute("http.request.method: {type: enum, values: [GET, POST]}")), "MeteredDeprecatedAttribute");
  }

  @Test
  void aDeprecatedKeyThatRelayBackfillsSaysSo() {
    Compilation compilation = compile(withAttribute("http.response_content_length: {type: integer, max_values: 5}"));
    assertThat(only(compilation, "MeteredDeprecatedAttribute", Diagnostic.Kind.WARNING, "9:7")).isEqualTo(
        "the attribute key 'http.response_content_length' is deprecated in Sentry's conventions in favour of"
            + " 'http.response.body.size' (Sentry's behaviour: Relay copies its value to 'http.response.body.size');"
            + " name it 'http.response.body.size'");
  }

  @Test
  void aBareWordThatRelayLeavesAloneIsNotReported() {
    // 'method' is deprecated in the conventions without a status: Relay keeps it, and it is the schema's own word.
    none(compile(withAttribute("method: {type: enum, values: [GET, POST]}")), "MeteredDeprecatedAttribute");
  }

  @Test
  void theConventionsSnapshotSaysWhereAndWhenItWasTaken() throws IOException {
    try (InputStream in = dev.metered.processor.lint.LintRules.class.getResourceAsStream("deprecated-attributes.tsv")) {
      assertThat(in).as("the snapshot is on the processor's class path").isNotNull();
      String header = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(header).contains("github.com/getsentry/sentry-conventions", "shared/deprecated_attributes.json",
          "commit 27d770b994b3ec4d50a122850ae5ce3315644a92", "Snapshot taken 2026-12-01");
      assertThat(header).contains("http.method\thttp.request.method\t-\n");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth_method:auth", "api_key:api_key", "session_token:token", "author:auth", "otp:otp"})
  void aKeyThatDataScrubbingMatchesIsAWarning(String keyAndMatch) {
    String key = keyAndMatch.substring(0, keyAndMatch.indexOf(':'));
    String match = keyAndMatch.substring(keyAndMatch.indexOf(':') + 1);
    Compilation compilation = compile(withAttribute(key + ": {type: enum, values: [one, two]}"));
    assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(only(compilation, "MeteredScrubbedAttribute", Diagnostic.Kind.WARNING, "9:7")).isEqualTo(
        "the values of the attribute '" + key + "' will likely arrive as '[Filtered]' (Sentry's behaviour: with the"
            + " project's default data scrubbing, Relay replaces the value of every key containing '" + match + "');"
            + " rename it, or, if it holds no secret, add it to the project's Safe Fields (Settings, Security &"
            + " Privacy)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"motp", "region", "status_code"})
  void aKeyThatDataScrubbingLeavesAloneIsNotReported(String key) {
    none(compile(withAttribute(key + ": {type: enum, values: [one, two]}")), "MeteredScrubbedAttribute");
  }

  // Every rule says whose rule it is.

  private static final Pattern EXPECT = Pattern.compile("# expect: (Metered[A-Za-z]+) ");
  private static final Pattern OPTION = Pattern.compile("# option: (\\S+)");

  @Test
  void everyLintFindingInTheCorpusSaysWhetherItIsSentrysBehaviourOrMeteredsPolicy() throws IOException {
    Set<String> lintCodes = LintConfig.configurableCodes();
    Set<String> seen = new java.util.TreeSet<>();
    for (Path schema : BadInputCorpusTest.schemaCases().toList()) {
      String text = Files.readString(schema);
      Matcher expect = EXPECT.matcher(text);
      if (!expect.find() || !lintCodes.contains(expect.group(1)) || text.contains("# handlers:")) {
        continue;
      }
      List<String> options = new ArrayList<>(List.of("-Ametered.schema=" + schema));
      Matcher option = OPTION.matcher(text);
      while (option.find()) {
        options.add(option.group(1).replace("${corpus}", BadInputCorpusTest.corpus().toString()));
      }
      Compilation compilation = Compilations.compileWithOptions(options);
      for (Diagnostic<? extends JavaFileObject> finding : compilation.diagnostics()) {
        String message = finding.getMessage(Locale.ROOT);
        String code = message.startsWith("[") ? message.substring(1, message.indexOf(']')) : "";
        if (lintCodes.contains(code)) {
          seen.add(code);
          assertThat(message).as(schema.getFileName().toString())
              .containsAnyOf("Sentry's behaviour", "Metered's policy");
        }
      }
    }
    assertThat(seen).as("the corpus has a finding of every lint rule").containsAll(lintCodes);
  }

  @Test
  void everyLintSectionOfTheDocsSaysWhatSentryDoesAndLinksItsSource() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "lint.md"));
    for (String code : LintConfig.configurableCodes()) {
      int start = doc.indexOf("\n## " + code + "\n");
      assertThat(start).as("docs/lint.md has the section " + code).isNotNegative();
      int end = doc.indexOf("\n## ", start + 1);
      String section = doc.substring(start, end < 0 ? doc.length() : end);
      assertThat(section).as("the section " + code).contains("What Sentry does");
      assertThat(section).as("the section " + code + " links Sentry's source").containsPattern(
          "\\(https://github\\.com/getsentry/(relay|sentry-java|sentry-conventions|sentry|sentry-docs)/blob/");
    }
  }
}
