package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.diagnostic.Suggestions;
import dev.metered.processor.schema.YamlNode;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How lint findings are reported: a severity per code, whether warnings fail the build, the
 * series budget and the size budget of one data point. The schema's {@code lint:} section sets them; {@code -A} options override it.
 */
public final class LintConfig {
  /** Option prefix: {@code -Ametered.lint.MeteredCounterUnit=off}. */
  public static final String OPTION_PREFIX = "metered.lint.";
  /** {@code -Ametered.werror=true} turns lint warnings into errors. */
  public static final String WERROR_OPTION = "metered.werror";
  /** The schema key and option suffix of the series budget. */
  public static final String SERIES_BUDGET = "series_budget";
  /** Series per metric above which the cardinality rule warns. */
  public static final long DEFAULT_SERIES_BUDGET = 10_000;
  /** The schema key and option suffix of the size budget of one data point, in Relay's canonical bytes. */
  public static final String MAX_METRIC_BYTES = "max_metric_bytes";
  /**
   * The size budget unless set: 2 KB, the limit Sentry's SDK docs give for one metric. Relay's own
   * default ({@code max_trace_metric_size}) has been 1 MiB since relay PR 5779; Sentry's hosted
   * setting cannot be checked from here, so Metered keeps the documented, stricter figure.
   */
  public static final long DEFAULT_MAX_METRIC_BYTES = 2048;

  private final Map<DiagnosticCode, Severity> severities = new EnumMap<>(DiagnosticCode.class);
  private boolean werror;
  private long seriesBudget = DEFAULT_SERIES_BUDGET;
  private long maxMetricBytes = DEFAULT_MAX_METRIC_BYTES;
  /** Where the size budget was set, or {@code null} for the default. */
  private String maxMetricBytesSetIn;
  private PreviousCatalog previousCatalog;

  private LintConfig() {}

  /** The defaults: every rule at its default severity. */
  public static LintConfig defaults() {
    return new LintConfig();
  }

  /**
   * Reads the schema's {@code lint:} entries, then the options, reporting bad entries.
   *
   * @param schemaEntries the entries of the schema's {@code lint:} section
   * @param options the processor's options
   */
  public static LintConfig read(
      List<YamlNode.Entry> schemaEntries, Map<String, String> options, String schemaPath, Diagnostics diagnostics) {
    LintConfig config = new LintConfig();
    for (YamlNode.Entry entry : schemaEntries) {
      String text = entry.value() instanceof YamlNode.Scalar scalar ? scalar.text() : entry.value().describe();
      config.apply(entry.key().text(), text, entry.key().position(), entry.value().position(),
          "the schema's lint section", diagnostics);
    }
    for (Map.Entry<String, String> option : options.entrySet()) {
      if (option.getKey().startsWith(OPTION_PREFIX)) {
        SourcePosition where = SourcePosition.ofOption("-A" + option.getKey());
        config.apply(option.getKey().substring(OPTION_PREFIX.length()), option.getValue(), where, where,
            "the option", diagnostics);
      }
    }
    String werror = options.get(WERROR_OPTION);
    if (werror != null) {
      if (!werror.equals("true") && !werror.equals("false")) {
        diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, SourcePosition.ofOption("-A" + WERROR_OPTION),
            "-A" + WERROR_OPTION + " takes true or false, not '" + werror + "'");
      }
      config.werror = werror.equals("true");
    }
    return config;
  }

  /**
   * @param keyPosition where the key is: an unknown code is reported there
   * @param valuePosition where the value is: a bad severity or budget is reported there
   */
  private void apply(String key, String value, SourcePosition keyPosition, SourcePosition valuePosition,
      String where, Diagnostics diagnostics) {
    if (key.equals(SERIES_BUDGET) || key.equals(MAX_METRIC_BYTES)) {
      long budget = positive(value);
      if (budget <= 0) {
        diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, valuePosition,
            key + " in " + where + " must be a whole number above 0, not '" + value + "'");
      } else if (key.equals(SERIES_BUDGET)) {
        seriesBudget = budget;
      } else {
        maxMetricBytes = budget;
        maxMetricBytesSetIn = where;
      }
      return;
    }
    DiagnosticCode code = DiagnosticCode.fromCode(key);
    if (code == null || !configurableCodes().contains(key)) {
      diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, keyPosition,
          "'" + key + "' in " + where + " is not a lint code" + Suggestions.didYouMean(key, configurableKeys())
              + "; see docs/lint.md for the codes whose severity can be set");
      return;
    }
    Severity severity = value == null ? null : Severity.parse(value);
    if (severity == null) {
      diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, valuePosition,
          "the severity of " + key + " in " + where + " must be error, warning or off, not '" + value + "'");
      return;
    }
    severities.put(code, severity);
  }

  /** {@code value} as a whole number, or 0 if it is none. */
  private static long positive(String value) {
    try {
      return Long.parseLong(value == null ? "" : value.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The severity findings of {@code rule} get. */
  public Severity severity(LintRule rule) {
    Severity severity = severities.getOrDefault(rule.code(), rule.defaultSeverity());
    return werror && severity == Severity.WARNING ? Severity.ERROR : severity;
  }

  /** Whether warnings are turned into errors. */
  public boolean werror() {
    return werror;
  }

  /** The most series one metric may have before the cardinality rule warns. */
  public long seriesBudget() {
    return seriesBudget;
  }

  /** The most bytes one data point may have, as Relay counts them, before the size rule reports it. */
  public long maxMetricBytes() {
    return maxMetricBytes;
  }

  /** The size budget and whose it is, for a message: "over ..." */
  String maxMetricBytesOrigin() {
    if (maxMetricBytesSetIn != null) {
      return "the budget of " + maxMetricBytes + " bytes (" + MAX_METRIC_BYTES + ", set in " + maxMetricBytesSetIn + ")";
    }
    return "Metered's default budget of " + DEFAULT_MAX_METRIC_BYTES + " bytes, the limit Sentry's SDK docs give"
        + " (Relay's own default max_trace_metric_size is 1 MiB; set " + MAX_METRIC_BYTES + " in the lint section"
        + " to your Sentry's limit)";
  }

  /** The earlier build's catalog to compare with, or {@code null}. */
  public PreviousCatalog previousCatalog() {
    return previousCatalog;
  }

  /** Compares with {@code previous} from now on. */
  public LintConfig withPreviousCatalog(PreviousCatalog previous) {
    this.previousCatalog = previous;
    return this;
  }

  /** The codes whose severity can be set. */
  public static Set<String> configurableCodes() {
    Set<String> codes = new LinkedHashSet<>();
    for (LintRule rule : LintRules.all()) {
      codes.add(rule.code().code());
    }
    return codes;
  }

  /** Every key the lint section and options take. */
  public static Set<String> configurableKeys() {
    Set<String> keys = new LinkedHashSet<>(configurableCodes());
    keys.add(SERIES_BUDGET);
    keys.add(MAX_METRIC_BYTES);
    return keys;
  }
}
