package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.schema.SchemaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Seeded mutation test. The example bot's schema is broken in thousands of small ways (lines
 * deleted, duplicated and swapped, values of the wrong type, unicode and control characters,
 * 10,000-character strings, YAML syntax breaks, truncation, renamed keys, bad UTF-8 bytes), and
 * in ways hostile to Java rather than YAML (non-ASCII and keyword names, names of generated
 * members, 2,000 enum values and one more, platform packages, nesting thousands deep), and each
 * mutant goes through the compiler-free {@link SchemaPipeline}. For every mutant:
 *
 * <ul>
 *   <li>nothing is thrown: any {@link Throwable} fails the test, naming the mutant's index and
 *       seed and showing it;
 *   <li>every diagnostic has a code and a position inside the file;
 *   <li>a mutant the pipeline accepts (no ERROR) breaks no rule of docs/schema.md and
 *       docs/lint.md. That is decided by {@link Oracle}, written from the docs for this test and
 *       sharing no code with the processor: it reads the mutant with snakeyaml's plain
 *       {@code Load} and checks names, namespace, units, value fields, bounds, keys. A rule
 *       whose severity is a warning must then have been reported as a warning naming the
 *       metric or attribute.
 * </ul>
 *
 * <p>In-process there are no handlers, so before mutating, the in-process base ({@link
 * #inProcess}) lists the handlers' values itself: {@code from_handlers: true} becomes {@code
 * from_handlers: false}, and the enum's own {@code values: [other]} (its fallback) becomes {@code
 * values: [other, ping, tldr, info, remind, stats]} (textual substitutions; the line count stays
 * the same). The javac part instead mutates the real text
 * with the same per-mutant seeds (so the same operators hit the same lines) and compiles it with
 * one handler source that declares those five command handlers. Its oracle: a mutant that
 * passes Metered's checks (no {@code [Metered...]} error) compiles, generated sources and all;
 * anything Metered cannot generate must be a Metered error, never javac's in a generated file.
 * Besides random and accepted mutants, some of the mutants hostile to Java are compiled.
 *
 * <p>The base is read from {@code ../example-bot/src/main/resources/metrics.yaml}, relative to
 * the processor module, which is the test's working directory.
 */
class MutationTest {
  static final Path BASE = Path.of("../example-bot/src/main/resources/metrics.yaml");
  static final long SEED = 0x5EED_2026_1125L;
  static final int MUTANTS = 2_400;
  /** Mutants compiled with javac: this many chosen at random, plus some the pipeline accepted. */
  static final int JAVAC_RANDOM = 75;
  static final int JAVAC_ACCEPTED = 20;
  /** And this many of the mutants made hostile to Java rather than YAML (see Mutator#hostile). */
  static final int JAVAC_HOSTILE = 15;
  /** How the operations of Mutator#hostile begin. */
  static final String HOSTILE = "[java] ";
  static final String FROM_HANDLERS = "from_handlers: true";
  /** The values the command enum lists itself, beside the handlers': its fallback. */
  static final String LISTED_VALUES = "values: [other]";
  static final String HANDLER_VALUES = "values: [other, ping, tldr, info, remind, stats]";
  static final String PATH = "/mutants/metrics.yaml";

  static final JavaFileObject HANDLERS = Compilations.source("test.BotHandlers", """
      package test;

      import dev.metered.annotations.Metered;

      class BotHandlers {
        @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
        void ping() {}

        @Metered(family = "command", attributes = {"command=tldr", "command_type=slash"})
        void tldr() {}

        @Metered(family = "command", attributes = {"command=info", "command_type=slash"})
        void info() {}

        @Metered(family = "command", attributes = {"command=remind", "command_type=slash"})
        void remind() {}

        @Metered(family = "command", attributes = {"command=stats", "command_type=slash"})
        void stats() {}
      }
      """);

  @TempDir Path dir;

  /** The example schema as a compilation without handlers sees it: the enum lists their values. */
  static String inProcess(String real) {
    return real.replace(FROM_HANDLERS, "from_handlers: false").replace(LISTED_VALUES, HANDLER_VALUES);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void mutantsOfTheExampleSchemaNeverCrashAndNeverPassBroken() throws IOException {
    long start = System.nanoTime();
    String real = Files.readString(BASE, StandardCharsets.UTF_8);
    assertThat(real).as("the example schema has a from_handlers enum to substitute")
        .contains(FROM_HANDLERS, LISTED_VALUES);
    String inProcess = inProcess(real);
    Outcome base = run(inProcess.getBytes(StandardCharsets.UTF_8));
    assertThat(base.accepted()).as("the unmutated base is accepted: " + base.describe()).isTrue();

    List<String> failures = new ArrayList<>();
    Map<String, Integer> byCode = new TreeMap<>();
    Map<String, Integer> firstErrorCode = new TreeMap<>();
    List<Integer> acceptedIndices = new ArrayList<>();
    List<Integer> hostileIndices = new ArrayList<>();
    int accepted = 0;
    int rejected = 0;
    int acceptedWithWarnings = 0;
    for (int index = 0; index < MUTANTS; index++) {
      Mutant mutant = Mutant.of(inProcess, index);
      if (mutant.operations().stream().anyMatch(operation -> operation.startsWith(HOSTILE))) {
        hostileIndices.add(index);
      }
      Outcome outcome;
      try {
        outcome = run(mutant.bytes());
      } catch (Throwable t) {
        failures.add(mutant.describe("the pipeline threw " + stackTrace(t)));
        continue;
      }
      for (String problem : outcome.malformedDiagnostics(mutant.bytes())) {
        failures.add(mutant.describe(problem + "\n" + outcome.describe()));
      }
      outcome.codes().forEach(code -> byCode.merge(code, 1, Integer::sum));
      if (outcome.accepted()) {
        accepted++;
        acceptedIndices.add(index);
        if (!outcome.diagnostics().isEmpty()) {
          acceptedWithWarnings++;
        }
        for (String problem : Oracle.problemsOfAccepted(mutant.text(), outcome.diagnostics())) {
          failures.add(mutant.describe("accepted, but " + problem + "\n" + outcome.describe()));
        }
      } else {
        rejected++;
        firstErrorCode.merge(outcome.firstErrorCode(), 1, Integer::sum);
      }
    }
    long inProcessNanos = System.nanoTime() - start;

    // javac: the same mutations of the real text, with handlers, through a whole compilation.
    Random pick = new Random(SEED);
    Set<Integer> chosen = new LinkedHashSet<>();
    chosen.add(-1); // the unmutated base
    while (chosen.size() < 1 + JAVAC_RANDOM) {
      chosen.add(pick.nextInt(MUTANTS));
    }
    List<Integer> shuffled = new ArrayList<>(acceptedIndices);
    Collections.shuffle(shuffled, pick);
    for (int i = 0; i < shuffled.size() && chosen.size() < 1 + JAVAC_RANDOM + JAVAC_ACCEPTED; i++) {
      chosen.add(shuffled.get(i));
    }
    Collections.shuffle(hostileIndices, pick);
    int withHostile = chosen.size() + JAVAC_HOSTILE;
    for (int i = 0; i < hostileIndices.size() && chosen.size() < withHostile; i++) {
      chosen.add(hostileIndices.get(i));
    }
    int compiled = 0;
    int succeeded = 0;
    int passedChecks = 0;
    for (int index : chosen) {
      Mutant mutant = index < 0 ? new Mutant(-1, SEED, List.of("none"), real.getBytes(StandardCharsets.UTF_8))
          : Mutant.of(real, index);
      Compilation compilation;
      try {
        compilation = Compilations.compileBytes(dir, mutant.bytes(), HANDLERS);
      } catch (Throwable t) {
        failures.add(mutant.describe("javac with the processor threw " + stackTrace(t)));
        continue;
      }
      compiled++;
      if (compilation.status() == Compilation.Status.SUCCESS) {
        succeeded++;
      } else if (index < 0) {
        failures.add(mutant.describe("the unmutated example schema does not compile:\n" + Compilations.describe(compilation)));
      }
      // The oracle for what javac sees: a schema that passes Metered's checks is one whose
      // generated sources compile. Anything Metered cannot generate is a Metered error.
      boolean passed = compilation.errors().stream().noneMatch(error -> error.getMessage(Locale.ROOT).startsWith("[Metered"));
      if (passed) {
        passedChecks++;
        if (compilation.status() != Compilation.Status.SUCCESS) {
          failures.add(mutant.describe("it passed Metered's checks, but the compilation failed:\n"
              + Compilations.describe(compilation)));
        }
      }
      for (javax.tools.Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
        String message = d.getMessage(Locale.ROOT);
        if (message.contains("threw") || message.contains("MeteredInternalError")
            || d.getKind() == Kind.ERROR && !message.startsWith("[Metered")) {
          failures.add(mutant.describe("javac reported " + d.getKind() + " " + message + "\n" + Compilations.describe(compilation)));
        }
      }
    }
    long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    System.out.println("MutationTest summary: seed " + Long.toHexString(SEED) + ", " + MUTANTS + " mutants in-process in "
        + TimeUnit.NANOSECONDS.toMillis(inProcessNanos) + " ms: " + accepted + " accepted (" + acceptedWithWarnings
        + " with warnings), " + rejected + " rejected; rejected by first error " + firstErrorCode
        + "; mutants with a finding, by code " + byCode + "; javac: " + compiled + " compilations, " + succeeded
        + " succeeded, " + (compiled - succeeded) + " failed with Metered errors only, " + passedChecks
        + " passed Metered's checks; " + hostileIndices.size() + " hostile to Java; " + failures.size()
        + " failures; total " + totalMillis + " ms");
    assertThat(failures).as(failures.isEmpty() ? "" : failures.size() + " failures:\n"
        + String.join("\n", failures.stream().map(f -> abbreviate(f.lines().findFirst().orElse(""), 300)).toList())
        + "\n\nthe first ones in full:\n\n" + String.join("\n\n", failures.subList(0, Math.min(3, failures.size()))))
        .isEmpty();
    assertThat(compiled).isGreaterThanOrEqualTo(JAVAC_RANDOM + JAVAC_HOSTILE);
    assertThat(succeeded).as("some mutants compile").isPositive();
    assertThat(passedChecks).as("every mutant that passed Metered's checks compiled").isEqualTo(succeeded);
  }

  /**
   * The oracle is not vacuous: it finds nothing wrong with the base, and something wrong with
   * every bad-input case it models (catalog changes and lint configuration it does not, nor the
   * cases that need options or handlers).
   */
  @Test
  void theOracleTellsTheBadInputCorpusFromTheBase() throws IOException {
    String base = inProcess(Files.readString(BASE, StandardCharsets.UTF_8));
    assertThat(Oracle.problemsOfAccepted(base, List.of())).isEmpty();
    List<String> missed = new ArrayList<>();
    int checked = 0;
    for (Path schema : BadInputCorpusTest.schemaCases().toList()) {
      String text = Files.readString(schema, StandardCharsets.UTF_8);
      if (text.contains("# option:") || text.contains("# handlers:")
          || text.matches("(?s)# expect: (MeteredCatalogChange|MeteredBadLintConfig) .*")) {
        continue;
      }
      checked++;
      if (Oracle.problemsOfAccepted(text, List.of()).isEmpty()) {
        missed.add(schema.getFileName().toString());
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(missed).as("bad-input cases the oracle would accept").isEmpty();
  }

  /** What the pipeline made of one mutant. */
  record Outcome(Optional<MetricsModel> model, List<Diagnostic> diagnostics) {
    boolean accepted() {
      return diagnostics.stream().noneMatch(d -> d.kind() == Kind.ERROR);
    }

    Set<String> codes() {
      Set<String> codes = new TreeSet<>();
      diagnostics.forEach(d -> codes.add(d.code() == null ? "null" : d.code().code()));
      return codes;
    }

    String firstErrorCode() {
      return diagnostics.stream().filter(d -> d.kind() == Kind.ERROR).findFirst()
          .map(d -> d.code() == null ? "null" : d.code().code()).orElse("none");
    }

    String describe() {
      StringBuilder out = new StringBuilder("diagnostics:");
      diagnostics.forEach(d -> out.append("\n  ").append(d.kind()).append(' ').append(abbreviate(d.formatted(), 400)));
      return out.toString();
    }

    /** Every diagnostic has a code, a message and a position within the file. */
    List<String> malformedDiagnostics(byte[] bytes) {
      List<String> problems = new ArrayList<>();
      if (model.isPresent() != accepted()) {
        problems.add("the pipeline returned " + (model.isPresent() ? "a model" : "no model") + " with "
            + (accepted() ? "no error" : "errors"));
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      String[] lines = text.split("\r\n|\r|\n", -1);
      for (Diagnostic d : diagnostics) {
        if (d.code() == null || d.message() == null || d.message().isBlank() || !d.formatted().startsWith("[Metered")) {
          problems.add("a diagnostic without a code or message: " + d);
          continue;
        }
        if (d.kind() != Kind.ERROR && d.kind() != Kind.WARNING) {
          problems.add("a diagnostic of kind " + d.kind() + ": " + d.formatted());
        }
        SourcePosition position = d.position();
        if (position == null) {
          problems.add("a schema diagnostic without a position: " + d.formatted());
        } else if (position.file().startsWith("-A")) {
          continue; // an option, not a place in the file
        } else if (!position.file().equals(PATH)) {
          problems.add("a position in another file: " + d.formatted());
        } else if (position.line() < 1 || position.line() > lines.length || position.column() < 1
            || position.column() > lines[position.line() - 1].length() + 1) {
          problems.add("a position outside the file (" + lines.length + " lines): " + abbreviate(d.formatted(), 400));
        }
      }
      return problems;
    }
  }

  static Outcome run(byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<MetricsModel> model = SchemaFile.decode(PATH, bytes, diagnostics)
        .flatMap(file -> new SchemaPipeline(diagnostics).run(file));
    return new Outcome(model, diagnostics.all());
  }

  /**
   * One mutant: its index, the seed its mutations were drawn with, what was done, and the bytes.
   */
  record Mutant(int index, long seed, List<String> operations, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    String describe(String problem) {
      return "mutant #" + index + " (seed " + Long.toHexString(seed) + ", " + String.join("; ", operations) + "): "
          + problem + "\n--- mutant ---\n" + abbreviate(text(), 12_000) + "\n--- end ---";
    }

    static Mutant of(String base, int index) {
      long seed = SEED ^ (index + 1) * 0x9E3779B97F4A7C15L;
      return new Mutator(base, new Random(seed)).mutate(index, seed);
    }
  }

  /** Draws one to three mutations from a seeded random source. */
  static final class Mutator {
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([^\\s:#\\-][^:#]*?):(?:(\\s+)(.*))?$");
    private static final String[] UNICODE = {
        "é", "ü", "ß", "Ω", "\u00A0", "\u200B", "\u200F", "\u202E", "\uFEFF", "\u0301", "а", "中", "😀", "\uFFFD", "ｂ"};
    private static final String[] CONTROL = {
        "\u0000", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B", "\u007F", "\r", "\r\n", "\u0085", "\u2028", "\u2029"};
    private static final String[] VALUES = {
        "ms", "s", "By", "second", "seconds", "none", "percent", "byte", "week", "fortnight", "counter", "distribution",
        "gauge", "histogram", "enum", "string", "boolean", "integer", "double", "float", "duration", "success", "size",
        "retry_count", "command", "operation", "lookup", "0", "-1", "1", "3", "100000", "2147483647", "2147483648",
        "99999999999999999999", "1.5", "1e3", ".inf", ".nan", "0x10", "0o7", "+1", "true", "false", "True", "yes", "no",
        "on", "~", "null", "''", "\"\"", "'quoted'", "*alias", "&anchor x", "!!str 1", "!!binary AAAA", "!custom x",
        "|", ">", "? x", "- x", "%", "@x", "`x", "{}", "[]", "[a, b]", "{a: 1}", "{given: true}", "{above: 0}",
        "{abov: 0}", "{equals: ok}", "[success]", "[duration]", "bot.command.usage", "sentry", "otel", "user.id",
        "trace_id", "from_handlers", "MeteredCounterUnit"};
    private static final String[] KEYS = {
        "schema", "namespace", "package", "families", "lint", "description", "attributes", "inputs", "metrics", "type",
        "values", "from_handlers", "fallback", "max_length", "max_values", "optional", "default", "omit_when", "unit", "value",
        "defaults", "when", "above", "below", "given", "equals", "success", "duration", "error_type", "sentry.x",
        "user.id", "server.address", "trace_id", "span_id", "Command", "2fa", "x-y", "bot.command.usage",
        "bot.command.usage_total", "bot.api.latency_ms", "bot.cache.size.count", "usage", "series_budget",
        "MeteredCounterUnit", "<<", "~", "\"\"", "'a: b'"};
    private static final String[] LINT_ENTRIES = {
        "MeteredCounterUnit: off", "MeteredMissingDescription: error", "MeteredUnboundedAttribute: error",
        "MeteredMetricName: off", "MeteredNamespace: warning", "MeteredUnknownUnit: warning", "MeteredTimeUnit: off",
        "MeteredAttributeKey: off", "MeteredCardinality: error", "MeteredMetricSize: warning", "series_budget: 5",
        "series_budget: 1000000", "series_budget: 0", "series_budget: many", "MeteredCounterUnits: off",
        "MeteredCardinality: loud", "MeteredDuplicateName: off", "MeteredInconsistentAttribute: warning",
        "max_metric_bytes: 64", "MeteredUnitAlias: error"};

    /** Enum values that are no Java names, or that meet generated names or each other once made ones. */
    private static final String[] HOSTILE_VALUES = {
        "é", "café", "cafe", "_", "-", "''", "日本", "ß", "2xx", "true", "'null'", "class", "var", "record", "yield",
        "values", "valueOf", "wireValue", "GLOBAL", "Event", "\u0301"};
    /** Keys that are keywords, restricted names, non-ASCII, or the names of generated members. */
    private static final String[] HOSTILE_KEYS = {
        "class", "true", "null", "var", "record", "yield", "_x", "é", "中", "event", "emit", "wait", "global",
        "string", "objects", "attributes", "metric", "command_metrics", "success_given", "duration_given", "sink"};
    /** Packages javac refuses, or takes although they look odd. */
    private static final String[] HOSTILE_PACKAGES = {
        "java.lang", "java", "java.metrics", "javax.annotation.processing", "javax.metrics", "sun.misc",
        "org.w3c.dom", "a.true.b", "a._", "a.var.record", "a.2b", "dev.metered.runtime", "é.metrics"};
    /** Metric names whose constants meet the recorder's own. */
    private static final String[] HOSTILE_METRICS = {
        "global", "usage_metric", "usage_series", "success_true", "command_values", "command_type_values_or_absent",
        "event", "é", "2xx"};

    private final Random random;
    private final List<String> operations = new ArrayList<>();
    private List<String> lines;
    private byte[] badBytes;
    private int badOffset;

    Mutator(String base, Random random) {
      this.random = random;
      this.lines = new ArrayList<>(List.of(base.split("\n", -1)));
    }

    Mutant mutate(int index, long seed) {
      int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
      for (int i = 0; i < count; i++) {
        mutateOnce();
      }
      byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      if (badBytes != null) {
        int at = Math.min(badOffset, bytes.length);
        byte[] withBad = new byte[bytes.length + badBytes.length];
        System.arraycopy(bytes, 0, withBad, 0, at);
        System.arraycopy(badBytes, 0, withBad, at, badBytes.length);
        System.arraycopy(bytes, at, withBad, at + badBytes.length, bytes.length - at);
        bytes = withBad;
      }
      return new Mutant(index, seed, List.copyOf(operations), bytes);
    }

    private void mutateOnce() {
      int line = contentLine();
      switch (random.nextInt(26)) {
        case 0, 1 -> {
          op("delete line " + (line + 1));
          lines.remove(line);
        }
        case 2 -> {
          op("duplicate line " + (line + 1));
          lines.add(line + 1, lines.get(line));
        }
        case 3, 4 -> swapValues(line, contentLine());
        case 5 -> {
          int other = Math.max(0, Math.min(lines.size() - 1, line + random.nextInt(7) - 3));
          op("swap lines " + (line + 1) + " and " + (other + 1));
          Collections.swap(lines, line, other);
        }
        case 6 -> wrongNumber();
        case 7 -> replaceValue(line, random.nextBoolean() ? "[" + valueOf(line, "x") + ", other]" : "{" + valueOf(line, "x") + ": 1}", "a collection for a scalar");
        case 8, 9 -> replaceValue(line, pick(VALUES), "another value");
        case 10 -> insert(line, pick(UNICODE), "unicode");
        case 11 -> insert(line, pick(CONTROL), "a control character");
        case 12 -> longString(line);
        case 13 -> insert(line, pick(new String[] {"{", "[", "}", "]", "\"", "'", "{{", "]]"}), "an unbalanced bracket or quote");
        case 14 -> indent(line);
        case 15 -> tab(line);
        case 16 -> insert(line, pick(new String[] {":", ": ", " : ", "::"}), "a stray colon");
        case 17 -> truncate();
        case 18, 19 -> renameKey(line);
        case 20 -> invalidUtf8();
        case 21 -> structural(line);
        case 22 -> lint();
        case 23, 24 -> hostile(line);
        default -> bigNumber();
      }
    }

    private void op(String description) {
      operations.add(description);
    }

    private String pick(String[] choices) {
      return choices[random.nextInt(choices.length)];
    }

    /** A line that is neither blank nor a comment, when there is one. */
    private int contentLine() {
      for (int attempt = 0; attempt < 20; attempt++) {
        int line = random.nextInt(lines.size());
        String text = lines.get(line).strip();
        if (!text.isEmpty() && !text.startsWith("#")) {
          return line;
        }
      }
      return random.nextInt(lines.size());
    }

    private String valueOf(int line, String fallback) {
      Matcher m = KEY_LINE.matcher(lines.get(line));
      return m.matches() && m.group(4) != null && !m.group(4).isEmpty() ? m.group(4) : fallback;
    }

    private void swapValues(int a, int b) {
      Matcher first = KEY_LINE.matcher(lines.get(a));
      Matcher second = KEY_LINE.matcher(lines.get(b));
      if (a == b || !first.matches() || !second.matches() || first.group(4) == null || second.group(4) == null) {
        op("swap lines " + (a + 1) + " and " + (b + 1));
        Collections.swap(lines, a, b);
        return;
      }
      op("swap the values of lines " + (a + 1) + " and " + (b + 1));
      lines.set(a, first.group(1) + first.group(2) + ":" + first.group(3) + second.group(4));
      lines.set(b, second.group(1) + second.group(2) + ":" + second.group(3) + first.group(4));
    }

    private void replaceValue(int line, String value, String what) {
      Matcher m = KEY_LINE.matcher(lines.get(line));
      if (!m.matches()) {
        insert(line, value, what);
        return;
      }
      op(what + " on line " + (line + 1) + ": " + abbreviate(value, 40));
      lines.set(line, m.group(1) + m.group(2) + ": " + value);
    }

    private void insert(int line, String text, String what) {
      String content = lines.get(line);
      int at = random.nextInt(content.length() + 1);
      op(what + " at " + (line + 1) + ":" + (at + 1) + " (" + escape(text) + ")");
      lines.set(line, content.substring(0, at) + text + content.substring(at));
    }

    private void wrongNumber() {
      List<Integer> numeric = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).matches("\\s*[a-z_]+: -?\\d+\\s*")) {
          numeric.add(i);
        }
      }
      if (numeric.isEmpty()) {
        bigNumber();
        return;
      }
      int line = numeric.get(random.nextInt(numeric.size()));
      replaceValue(line, pick(new String[] {"many", "'10'", "\"100\"", "ten", "1.5", "-3", "0", "[100]", "{n: 1}", "~", "true"}),
          "a wrong type for a number");
    }

    private void bigNumber() {
      int line = contentLine();
      String key = pick(new String[] {"max_length", "max_values"});
      String value = pick(new String[] {"1", "1000", "100000", "2147483647"});
      Matcher m = KEY_LINE.matcher(lines.get(line));
      String indent = m.matches() ? m.group(1) : "        ";
      op("insert '" + key + ": " + value + "' after line " + (line + 1));
      lines.add(line + 1, indent + key + ": " + value);
    }

    private void longString(int line) {
      StringBuilder text = new StringBuilder(10_000);
      String alphabet = pick(new String[] {"a", "abcdefghij", "é", "ab.", "x_", "😀"});
      while (text.length() < 10_000) {
        text.append(alphabet);
      }
      Matcher m = KEY_LINE.matcher(lines.get(line));
      if (m.matches() && random.nextBoolean()) {
        op("a 10,000-character key on line " + (line + 1) + " (" + alphabet + "...)");
        lines.set(line, m.group(1) + (random.nextBoolean() ? "bot.command." : "") + text + ":"
            + (m.group(4) == null ? "" : m.group(3) + m.group(4)));
      } else {
        replaceValue(line, text.toString(), "a 10,000-character value (" + alphabet + "...)");
      }
    }

    private void indent(int line) {
      String content = lines.get(line);
      int delta = random.nextBoolean() ? 1 + random.nextInt(3) : -(1 + random.nextInt(3));
      op("indent line " + (line + 1) + " by " + delta);
      if (delta > 0) {
        lines.set(line, " ".repeat(delta) + content);
      } else {
        int spaces = content.length() - content.stripLeading().length();
        lines.set(line, content.substring(Math.min(spaces, -delta)));
      }
    }

    private void tab(int line) {
      String content = lines.get(line);
      int spaces = content.length() - content.stripLeading().length();
      if (spaces > 0 && random.nextBoolean()) {
        op("indent line " + (line + 1) + " with a tab");
        lines.set(line, "\t" + content.substring(Math.min(spaces, 2)));
      } else {
        insert(line, "\t", "a tab");
      }
    }

    private void truncate() {
      int total = lines.stream().mapToInt(l -> l.length() + 1).sum();
      int keep = random.nextInt(Math.max(1, total));
      op("truncate to " + keep + " characters");
      String text = String.join("\n", lines);
      lines = new ArrayList<>(List.of(text.substring(0, Math.min(keep, text.length())).split("\n", -1)));
    }

    private void renameKey(int line) {
      Matcher m = KEY_LINE.matcher(lines.get(line));
      if (!m.matches()) {
        insert(line, pick(KEYS) + ": ", "a key");
        return;
      }
      String key = m.group(2);
      String renamed = switch (random.nextInt(5)) {
        case 0 -> key.length() > 1 ? key.substring(0, key.length() - 1) : key + key; // a typo: the last letter lost
        case 1 -> key.toUpperCase(Locale.ROOT);
        case 2 -> key.length() > 2 ? key.charAt(1) + "" + key.charAt(0) + key.substring(2) : "_" + key;
        default -> pick(KEYS);
      };
      op("rename key '" + abbreviate(key, 40) + "' on line " + (line + 1) + " to '" + renamed + "'");
      lines.set(line, m.group(1) + renamed + ":" + (m.group(4) == null ? "" : m.group(3) + m.group(4)));
    }

    private void invalidUtf8() {
      byte[][] choices = {
          {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
      badBytes = choices[random.nextInt(choices.length)];
      int total = lines.stream().mapToInt(l -> l.length() + 1).sum();
      badOffset = random.nextInt(Math.max(1, total));
      op("invalid UTF-8 bytes near byte " + badOffset);
    }

    /** YAML structure: documents, anchors and aliases, deep nesting, a block scalar where a mapping goes. */
    private void structural(int line) {
      switch (random.nextInt(5)) {
        case 0 -> {
          op("a document marker before line " + (line + 1));
          lines.add(line, pick(new String[] {"---", "...", "--- !!map", "%YAML 1.2"}));
        }
        case 1 -> {
          Matcher m = KEY_LINE.matcher(lines.get(line));
          if (m.matches() && m.group(4) == null) {
            int target = Math.min(lines.size() - 1, line + 1 + random.nextInt(6));
            op("anchor line " + (line + 1) + " and alias it on line " + (target + 1));
            lines.set(line, lines.get(line) + " &loop");
            replaceValue(target, "*loop", "an alias");
          } else {
            replaceValue(line, "*loop", "an undefined alias");
          }
        }
        case 2 -> {
          int depth = 20 + random.nextInt(30);
          replaceValue(line, "[".repeat(depth) + "1" + "]".repeat(depth), "nesting " + depth + " deep");
        }
        case 3 -> replaceValue(line, "|\n" + "  ".repeat(4) + "a block scalar", "a block scalar");
        default -> {
          op("an empty mapping for the families");
          for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("families:")) {
              lines.set(i, "families: {}");
            }
          }
        }
      }
    }

    /** What is hostile to Java rather than to YAML: names, sizes, packages and nesting. */
    private void hostile(int line) {
      switch (random.nextInt(6)) {
        case 0 -> {
          int list = lineContaining("values: [");
          String value = pick(HOSTILE_VALUES);
          op(HOSTILE + "the enum value " + escape(value) + " on line " + (list + 1));
          lines.set(list, lines.get(list).replace("values: [", "values: [" + value + ", "));
        }
        case 1 -> {
          Matcher m = KEY_LINE.matcher(lines.get(line));
          String key = pick(HOSTILE_KEYS);
          if (!m.matches()) {
            insert(line, key + ": ", HOSTILE + "a key");
            return;
          }
          op(HOSTILE + "rename key '" + abbreviate(m.group(2), 40) + "' on line " + (line + 1) + " to '" + key + "'");
          lines.set(line, m.group(1) + key + ":" + (m.group(4) == null ? "" : m.group(3) + m.group(4)));
        }
        case 2 -> {
          int list = lineContaining("values: [");
          int count = pick(new int[] {2_000, 2_001});
          StringBuilder values = new StringBuilder();
          for (int i = 0; i < count; i++) {
            values.append(i == 0 ? "" : ", ").append("v").append(i);
          }
          op(HOSTILE + count + " enum values on line " + (list + 1));
          lines.set(list, lines.get(list).replaceFirst("values: \\[[^\\]]*\\]", "values: [" + values + "]"));
        }
        case 3 -> {
          String javaPackage = pick(HOSTILE_PACKAGES);
          op(HOSTILE + "the package " + javaPackage);
          int at = lineContaining("package:");
          lines.set(at, "package: " + javaPackage);
        }
        case 4 -> {
          int depth = pick(new int[] {33, 34, 3_000, 20_000});
          replaceValue(line, "[".repeat(depth) + "1" + "]".repeat(depth), HOSTILE + "nesting " + depth + " deep");
        }
        default -> {
          int metric = lineContaining("bot.command.usage:");
          String name = "bot.command." + pick(HOSTILE_METRICS);
          op(HOSTILE + "a metric " + escape(name) + " before line " + (metric + 1));
          String indent = lines.get(metric).substring(0, Math.max(0, lines.get(metric).indexOf('b')));
          lines.add(metric, indent + name + ": {type: counter, description: A hostile name.}");
        }
      }
    }

    /** The first line containing {@code text}, or a content line when none does. */
    private int lineContaining(String text) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i;
        }
      }
      return contentLine();
    }

    private int pick(int[] choices) {
      return choices[random.nextInt(choices.length)];
    }

    private void lint() {
      StringBuilder section = new StringBuilder("lint:");
      int entries = 1 + random.nextInt(3);
      for (int i = 0; i < entries; i++) {
        section.append("\n  ").append(pick(LINT_ENTRIES));
      }
      op("append " + section.toString().replace("\n", " "));
      lines.add(section.toString());
    }
  }

  /**
   * What docs/schema.md and docs/lint.md say an accepted schema is, checked on the mutant's text
   * read with snakeyaml's plain {@code Load}: no processor class is used. Each broken rule is a
   * violation with its lint code ({@code null} for the format's rules, which are always errors).
   */
  static final class Oracle {
    static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");
    static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    static final Pattern ATTRIBUTE_KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    static final List<String> DURATIONS =
        List.of("nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week");
    static final Set<String> UNITS = new TreeSet<>(List.of(
        "nanosecond", "microsecond", "millisecond", "second", "minute", "hour", "day", "week", "bit", "byte",
        "kilobyte", "kibibyte", "megabyte", "mebibyte", "gigabyte", "gibibyte", "terabyte", "tebibyte", "petabyte",
        "pebibyte", "exabyte", "exbibyte", "ratio", "percent", "none"));
    /** Relay's aliases (relay-base-schema units.rs): accepted, stored under the full name, warned about. */
    static final Map<String, String> UNIT_ALIASES = Map.of("ms", "millisecond", "s", "second", "ns", "nanosecond");
    /** Keys the Java SDK writes over (MetricsApi.createAttributes), besides all of sentry.*. */
    static final Set<String> SDK_KEYS = Set.of("server.address", "user.id", "user.name", "user.email");
    /** Some keys sentry-conventions deprecate (shared/deprecated_attributes.json). */
    static final Set<String> DEPRECATED_KEYS = Set.of("http.method", "http.status_code", "db.statement", "net.peer.name");
    /** Words that make Relay's default data scrubbing filter a key's value, anywhere in it (relay-pii regexes.rs). */
    static final List<String> SCRUBBED_WORDS = List.of("password", "secret", "passwd", "api_key", "api-key", "apikey",
        "auth", "credentials", "mysql_pwd", "privatekey", "private_key", "private-key", "token");
    static final List<String> TIME_WORDS = List.of("time", "duration", "latency", "elapsed", "delay");
    static final List<String> UNIT_SUFFIXES =
        List.of("_ms", "_millis", "_milliseconds", "_seconds", "_secs", "_ns", "_us", "_bytes", "_percent", "_total");
    static final Set<String> TOP_KEYS = Set.of("schema", "namespace", "package", "families", "lint");
    static final Set<String> FAMILY_KEYS = Set.of("description", "attributes", "inputs", "metrics");
    static final Set<String> ATTRIBUTE_KEYS = Set.of(
        "type", "description", "values", "from_handlers", "fallback", "max_length", "max_values", "optional", "default",
        "omit_when");
    static final Set<String> INPUT_KEYS = Set.of("type", "description", "values", "fallback", "max_length", "optional");
    static final Set<String> METRIC_KEYS = Set.of("type", "unit", "description", "value", "attributes", "defaults", "when");
    static final Set<String> TYPES = Set.of("enum", "boolean", "integer", "double", "string");
    static final Set<String> KINDS = Set.of("counter", "distribution", "gauge");
    /** docs/lint.md: each rule's default severity. */
    static final Map<String, String> DEFAULT_SEVERITY = Map.ofEntries(
        Map.entry("MeteredMetricName", "error"), Map.entry("MeteredNamespace", "error"),
        Map.entry("MeteredUnknownUnit", "error"), Map.entry("MeteredUnitAlias", "warning"),
        Map.entry("MeteredCounterUnit", "warning"),
        Map.entry("MeteredTimeUnit", "error"), Map.entry("MeteredUnitInName", "warning"),
        Map.entry("MeteredAttributeKey", "error"), Map.entry("MeteredDeprecatedAttribute", "warning"),
        Map.entry("MeteredScrubbedAttribute", "warning"), Map.entry("MeteredInconsistentAttribute", "error"),
        Map.entry("MeteredUnboundedAttribute", "warning"), Map.entry("MeteredCardinality", "warning"),
        Map.entry("MeteredMetricSize", "error"), Map.entry("MeteredMissingDescription", "warning"));

    record Violation(String code, String subject, String what) {}

    record FieldDef(String key, boolean attribute, String type, List<String> values, Long maxLength, Long maxValues,
        boolean optional, boolean hasDefault) {}

    private final List<Violation> violations = new ArrayList<>();
    private long seriesBudget = 10_000;
    private long maxMetricBytes = 2048;

    /** The rules an accepted mutant breaks, given what the pipeline reported for it. */
    static List<String> problemsOfAccepted(String text, List<Diagnostic> diagnostics) {
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      Object root;
      try {
        // The processor reads a scalar's text whatever its explicit tag; so does the oracle, for the
        // tags the mutator writes (!!binary, !custom).
        ConstructNode asText = node -> node instanceof ScalarNode scalar ? scalar.getValue() : null;
        // One buffer for the whole text, as the processor does: snakeyaml-engine 2.10 fails on a
        // surrogate pair split between two buffer fills.
        root = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setBufferSize(text.length() + 1)
            .setTagConstructors(Map.of(Tag.BINARY, asText, new Tag("!custom"), asText)).build()).loadFromString(text);
      } catch (RuntimeException e) {
        return List.of("the oracle cannot read it as YAML: " + abbreviate(String.valueOf(e.getMessage()), 300));
      }
      Oracle oracle = new Oracle();
      Map<String, String> severities = oracle.check(root);
      List<String> problems = new ArrayList<>();
      for (Violation violation : oracle.violations) {
        String severity = violation.code() == null ? "error"
            : severities.getOrDefault(violation.code(), DEFAULT_SEVERITY.get(violation.code()));
        if (severity.equals("error")) {
          problems.add("it breaks a rule that is an error" + (violation.code() == null ? "" : " (" + violation.code() + ")")
              + ": " + violation.what());
        } else if (severity.equals("warning") && diagnostics.stream().noneMatch(d -> d.kind() == Kind.WARNING
            && d.code().code().equals(violation.code()) && d.message().contains("'" + violation.subject() + "'"))) {
          problems.add("no " + violation.code() + " warning names '" + violation.subject() + "': " + violation.what());
        }
      }
      return problems;
    }

    private void always(String what) {
      violations.add(new Violation(null, null, what));
    }

    private void lint(String code, String subject, String what) {
      violations.add(new Violation(code, subject, what));
    }

    /** Checks the document; returns the severities its lint section sets. */
    Map<String, String> check(Object root) {
      Map<String, String> severities = new HashMap<>();
      if (!(root instanceof Map<?, ?> top)) {
        always("the top level is not a mapping");
        return severities;
      }
      unknownKeys(top, TOP_KEYS, "the top level");
      if (!(top.get("schema") instanceof Integer version) || version != 1) {
        always("schema is " + top.get("schema") + ", not 1");
      }
      String namespace = top.get("namespace") instanceof String text ? text : null;
      if (namespace == null || !WORD.matcher(namespace).matches()) {
        always("the namespace '" + top.get("namespace") + "' is not a lowercase word");
      } else if (namespace.equals("sentry") || namespace.equals("otel")) {
        lint("MeteredNamespace", namespace, "the namespace '" + namespace + "' is reserved");
      }
      if (!(top.get("package") instanceof String javaPackage) || !SourceVersion.isName(javaPackage)) {
        always("the package '" + top.get("package") + "' is not a Java package name");
      } else if (javaPackage.equals("java") || javaPackage.startsWith("java.")) {
        always("the package '" + javaPackage + "' is the platform's");
      }
      if (top.containsKey("lint")) {
        if (top.get("lint") instanceof Map<?, ?> lint) {
          for (Map.Entry<?, ?> entry : lint.entrySet()) {
            String key = text(entry.getKey());
            if (key.equals("series_budget") && entry.getValue() instanceof Number budget) {
              seriesBudget = budget.longValue();
            } else if (key.equals("max_metric_bytes") && entry.getValue() instanceof Number budget) {
              maxMetricBytes = budget.longValue();
            } else if (entry.getValue() instanceof String severity) {
              severities.put(key, severity.strip().toLowerCase(Locale.ROOT));
            }
          }
        } else {
          always("lint is not a mapping");
        }
      }
      if (!(top.get("families") instanceof Map<?, ?> families) || families.isEmpty()) {
        always("families is not a non-empty mapping");
        return severities;
      }
      Set<String> metricNames = new LinkedHashSet<>();
      Map<String, FieldDef> firstAttribute = new HashMap<>();
      for (Map.Entry<?, ?> family : families.entrySet()) {
        checkFamily(text(family.getKey()), family.getValue(), namespace == null ? "" : namespace, metricNames,
            firstAttribute);
      }
      unique(families.keySet().stream().map(key -> upperCamelCase(text(key)) + "Metrics").toList(), "the recorder classes");
      return severities;
    }

    private void checkFamily(String name, Object value, String namespace, Set<String> metricNames,
        Map<String, FieldDef> firstAttribute) {
      if (!WORD.matcher(name).matches()) {
        always("the family name '" + name + "' is not a lowercase word");
      }
      if (!(value instanceof Map<?, ?> family)) {
        always("family '" + name + "' is not a mapping");
        return;
      }
      unknownKeys(family, FAMILY_KEYS, "family '" + name + "'");
      description(family, "family '" + name + "'");
      Map<String, FieldDef> fields = new LinkedHashMap<>();
      for (boolean attribute : new boolean[] {true, false}) {
        String section = attribute ? "attributes" : "inputs";
        if (!family.containsKey(section)) {
          continue;
        }
        if (!(family.get(section) instanceof Map<?, ?> declared)) {
          always(section + " of family '" + name + "' is not a mapping");
          continue;
        }
        for (Map.Entry<?, ?> entry : declared.entrySet()) {
          FieldDef field = field(text(entry.getKey()), attribute, entry.getValue());
          if (field == null) {
            continue;
          }
          if (fields.put(field.key(), field) != null) {
            always("'" + field.key() + "' is declared twice in family '" + name + "'");
          }
          if (attribute) {
            FieldDef first = firstAttribute.putIfAbsent(field.key(), field);
            if (first != null && (!first.type().equals(field.type())
                || field.type().equals("string") && !Objects.equals(first.maxLength(), field.maxLength()))) {
              lint("MeteredInconsistentAttribute", field.key(), "the attribute '" + field.key()
                  + "' has two types or lengths across families");
            }
          }
        }
      }
      unique(fields.keySet().stream().map(Oracle::lowerCamelCase).toList(), "the Java names of the fields of family '" + name + "'");
      if (fields.size() > 64) {
        always("family '" + name + "' has " + fields.size() + " fields, over the 64 of docs/schema.md");
      }
      if (!(family.get("metrics") instanceof Map<?, ?> metrics) || metrics.isEmpty()) {
        always("family '" + name + "' has no metrics mapping");
        return;
      }
      List<String> constants = new ArrayList<>();
      for (Map.Entry<?, ?> metric : metrics.entrySet()) {
        checkMetric(text(metric.getKey()), metric.getValue(), namespace, fields, metricNames);
        constants.add(metricConstant(text(metric.getKey()), namespace, name));
      }
      unique(constants, "the name constants of family '" + name + "'");
    }

    private FieldDef field(String key, boolean attribute, Object definition) {
      String where = (attribute ? "attribute '" : "input '") + key + "'";
      if (attribute) {
        if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
          always("the attribute key '" + key + "' does not start with a letter");
        }
        boolean reserved = key.startsWith("sentry.") || SDK_KEYS.contains(key)
            || key.equals("trace_id") || key.equals("span_id");
        if (reserved || !ATTRIBUTE_KEY.matcher(key).matches()) {
          lint("MeteredAttributeKey", key, "the attribute key '" + key + "' is reserved or malformed");
        }
        if (DEPRECATED_KEYS.contains(key)) {
          lint("MeteredDeprecatedAttribute", key, "the attribute key '" + key + "' is deprecated in Sentry's conventions");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (SCRUBBED_WORDS.stream().anyMatch(lower::contains) || Set.of("otp", "two_factor", "two-factor").contains(lower)) {
          lint("MeteredScrubbedAttribute", key, "the values of the attribute '" + key + "' would be scrubbed");
        }
      } else if (!WORD.matcher(key).matches()) {
        always("the input key '" + key + "' is not a lowercase word");
      }
      if (definition instanceof String shorthand) {
        if (!TYPES.contains(shorthand)) {
          always(where + " has the type '" + shorthand + "'");
          return null;
        }
        if (shorthand.equals("string")) {
          always(where + " is a string without max_length");
        }
        if (shorthand.equals("enum")) {
          always(where + " is an enum without values");
        }
        FieldDef field = new FieldDef(key, attribute, shorthand, List.of(), null, null, false, false);
        unbounded(field);
        return field;
      }
      if (!(definition instanceof Map<?, ?> body)) {
        always(where + " is neither a type nor a mapping");
        return null;
      }
      unknownKeys(body, attribute ? ATTRIBUTE_KEYS : INPUT_KEYS, where);
      description(body, where);
      if (!(body.get("type") instanceof String type) || !TYPES.contains(type)) {
        always(where + " has the type '" + body.get("type") + "'");
        return null;
      }
      List<String> values = new ArrayList<>();
      if (body.containsKey("values")) {
        if (!(body.get("values") instanceof List<?> list)) {
          always("values of " + where + " is not a list");
        } else {
          for (Object item : list) {
            if (item == null || item instanceof Map || item instanceof List) {
              always("values of " + where + " holds " + item);
            } else if (values.contains(text(item))) {
              always("values of " + where + " lists '" + text(item) + "' twice");
            } else {
              values.add(text(item));
            }
          }
          unique(values.stream().map(Oracle::constantName).toList(), "the enum constants of " + where);
          if (values.size() > 2_000) {
            always(where + " has " + values.size() + " values, over the 2,000 of docs/schema.md");
          }
        }
        if (!type.equals("enum")) {
          always(where + " has values but is " + type);
        }
      }
      if (type.equals("enum") && values.isEmpty()) {
        always(where + " is an enum without values");
      }
      if (body.containsKey("fallback")) {
        Object fallback = body.get("fallback");
        if (fallback == null || fallback instanceof Map || fallback instanceof List) {
          always("the fallback of " + where + " is " + fallback);
        } else if (!type.equals("enum")) {
          always(where + " has a fallback but is " + type);
        } else if (!values.contains(text(fallback))) {
          always("the fallback of " + where + " is none of its values");
        }
      }
      if (body.containsKey("from_handlers") && (!(body.get("from_handlers") instanceof Boolean fromHandlers)
          || fromHandlers && !type.equals("enum"))) {
        always("from_handlers of " + where + " is " + body.get("from_handlers"));
      }
      Long maxLength = positive(body, "max_length", where);
      Long maxValues = positive(body, "max_values", where);
      if (type.equals("string") && maxLength == null) {
        always(where + " is a string without max_length");
      }
      if (!type.equals("string") && body.containsKey("max_length")) {
        always(where + " is " + type + " with max_length");
      }
      if ((type.equals("enum") || type.equals("boolean")) && body.containsKey("max_values")) {
        always(where + " is " + type + " with max_values");
      }
      boolean optional = false;
      if (body.containsKey("optional")) {
        if (body.get("optional") instanceof Boolean flag) {
          optional = flag;
        } else {
          always("optional of " + where + " is " + body.get("optional"));
        }
      }
      FieldDef field = new FieldDef(key, attribute, type, values, maxLength, maxValues, optional, body.containsKey("default"));
      for (String valued : List.of("default", "omit_when")) {
        if (body.containsKey(valued) && !fits(field, body.get(valued))) {
          always(valued + " of " + where + " is " + body.get(valued) + ", which does not fit a " + type);
        }
      }
      if (optional && body.containsKey("default")) {
        always(where + " is optional and has a default");
      }
      unbounded(field);
      return field;
    }

    private void unbounded(FieldDef field) {
      if (field.attribute() && !field.type().equals("enum") && !field.type().equals("boolean") && field.maxValues() == null) {
        lint("MeteredUnboundedAttribute", field.key(), "the attribute '" + field.key() + "' has no max_values");
      }
    }

    private void checkMetric(String name, Object definition, String namespace, Map<String, FieldDef> fields,
        Set<String> metricNames) {
      String where = "metric '" + name + "'";
      if (name.length() > 150 || !METRIC_NAME.matcher(name).matches()) {
        lint("MeteredMetricName", name, "the metric name '" + name + "' is malformed or too long");
      }
      boolean reservedNamespace = namespace.equals("sentry") || namespace.equals("otel");
      if (!reservedNamespace && !name.startsWith(namespace + ".")) {
        lint("MeteredNamespace", name, where + " is outside the namespace '" + namespace + "'");
      }
      if (!metricNames.add(name)) {
        always(where + " is defined twice");
      }
      String kind;
      Map<?, ?> body;
      if (definition instanceof String shorthand) {
        kind = shorthand;
        body = Map.of();
      } else if (definition instanceof Map<?, ?> map) {
        body = map;
        unknownKeys(body, METRIC_KEYS, where);
        kind = body.get("type") instanceof String type ? type : null;
      } else {
        always(where + " is neither a type nor a mapping");
        return;
      }
      if (kind == null || !KINDS.contains(kind)) {
        always(where + " has the type '" + kind + "'");
        return;
      }
      String unit = null;
      if (body.containsKey("unit")) {
        if (body.get("unit") instanceof String text) {
          unit = text;
          if (UNIT_ALIASES.containsKey(unit)) {
            lint("MeteredUnitAlias", name, where + " has Sentry's alias '" + unit + "' for a unit");
          } else if (!UNITS.contains(unit)) {
            lint("MeteredUnknownUnit", name, where + " has the unit '" + unit + "'");
          }
        } else {
          always("the unit of " + where + " is " + body.get("unit"));
        }
      }
      if (kind.equals("counter") && unit != null && !unit.equals("none")) {
        lint("MeteredCounterUnit", name, "the counter '" + name + "' has the unit '" + unit + "'");
      }
      FieldDef value = null;
      if (body.containsKey("value")) {
        value = body.get("value") instanceof String key ? fields.get(key) : null;
        if (value == null) {
          always("the value of " + where + " is " + body.get("value") + ", which is no field of its family");
        } else if (!value.type().equals("integer") && !value.type().equals("double")) {
          always("the value of " + where + " is the " + value.type() + " field '" + value.key() + "'");
        }
      } else if (!kind.equals("counter")) {
        always("the " + kind + " " + where + " has no value");
      }
      String lastSegment = name.substring(name.lastIndexOf('.') + 1);
      String valueKey = value == null ? "" : value.key();
      boolean time = TIME_WORDS.stream().anyMatch(word -> lastSegment.contains(word) || valueKey.contains(word));
      String canonicalUnit = unit == null ? null : UNIT_ALIASES.getOrDefault(unit, unit);
      if (!kind.equals("counter") && time
          && (canonicalUnit == null || UNITS.contains(canonicalUnit) && !DURATIONS.contains(canonicalUnit))) {
        lint("MeteredTimeUnit", name, "the " + kind + " '" + name + "' measures a time but has the unit " + unit);
      }
      if (kind.equals("distribution") && name.endsWith(".count") || UNIT_SUFFIXES.stream().anyMatch(name::endsWith)) {
        lint("MeteredUnitInName", name, "'" + name + "' has a unit or _total in its name");
      }
      if (!(body.get("description") instanceof String text) || text.isBlank()) {
        lint("MeteredMissingDescription", name, where + " has no description");
      }
      description(body, where);
      List<FieldDef> carried = new ArrayList<>();
      if (body.containsKey("attributes")) {
        if (!(body.get("attributes") instanceof List<?> list)) {
          always("the attributes of " + where + " are not a list");
        } else {
          Set<String> seen = new TreeSet<>();
          for (Object item : list) {
            FieldDef field = item instanceof String key ? fields.get(key) : null;
            if (field == null || !field.attribute()) {
              always(where + " carries '" + item + "', which is no attribute of its family");
            } else if (!seen.add(field.key())) {
              always(where + " lists '" + field.key() + "' twice");
            } else {
              carried.add(field);
            }
          }
        }
      } else {
        fields.values().stream().filter(FieldDef::attribute).forEach(carried::add);
      }
      if (body.containsKey("defaults")) {
        if (!(body.get("defaults") instanceof Map<?, ?> defaults)) {
          always("the defaults of " + where + " are not a mapping");
        } else {
          for (Map.Entry<?, ?> entry : defaults.entrySet()) {
            FieldDef field = fields.get(text(entry.getKey()));
            if (field == null || !carried.contains(field) || !field.optional() || !fits(field, entry.getValue())) {
              always("the default of '" + text(entry.getKey()) + "' in " + where + " does not apply or fit");
            }
          }
        }
      }
      if (body.containsKey("when")) {
        conditions(body.get("when"), fields, where);
      }
      long series = 1;
      // docs/lint.md: Relay's canonical size is the name, 8 for the value, and each attribute's key and value;
      // a string is at most 3 bytes a character. Enums, booleans and numbers are left out of this lower bound.
      long size = name.length() + 8;
      for (FieldDef field : carried) {
        long count = switch (field.type()) {
          case "enum" -> field.values().size();
          case "boolean" -> 2;
          default -> field.maxValues() == null ? 1 : field.maxValues();
        };
        series = count != 0 && series > Long.MAX_VALUE / count ? Long.MAX_VALUE : series * count;
        size += field.key().length();
        if (field.type().equals("string") && field.maxLength() != null) {
          size += field.maxLength() * 3;
        }
      }
      if (series > seriesBudget) {
        lint("MeteredCardinality", name, where + " has at least " + series + " series, over " + seriesBudget);
      }
      if (size > maxMetricBytes) {
        lint("MeteredMetricSize", name, "one data point of " + where + " is at least " + size + " bytes");
      }
    }

    private void conditions(Object when, Map<String, FieldDef> fields, String where) {
      if (!(when instanceof Map<?, ?> conditions)) {
        always("the when of " + where + " is not a mapping");
        return;
      }
      for (Map.Entry<?, ?> entry : conditions.entrySet()) {
        FieldDef field = fields.get(text(entry.getKey()));
        if (field == null) {
          always(where + " has a condition on '" + text(entry.getKey()) + "', which is no field of its family");
          continue;
        }
        String operator = "equals";
        Object operand = entry.getValue();
        if (operand instanceof Map<?, ?> operation) {
          if (operation.size() != 1) {
            always(where + " has a condition with " + operation.size() + " operators");
            continue;
          }
          Map.Entry<?, ?> only = operation.entrySet().iterator().next();
          operator = text(only.getKey());
          operand = only.getValue();
        }
        boolean numeric = field.type().equals("integer") || field.type().equals("double");
        boolean ok = switch (operator) {
          case "equals" -> operand != null && !(operand instanceof Map) && !(operand instanceof List) && fits(field, operand);
          case "above", "below" -> numeric && (field.type().equals("integer") ? isWhole(operand) : operand instanceof Number);
          case "given" -> operand instanceof Boolean && (field.optional() || field.hasDefault());
          default -> false;
        };
        if (!ok) {
          always(where + " has the condition " + operator + " " + operand + " on the " + field.type() + " '" + field.key() + "'");
        }
      }
    }

    private void unknownKeys(Map<?, ?> mapping, Set<String> known, String where) {
      for (Object key : mapping.keySet()) {
        if (!known.contains(text(key))) {
          always("the unknown key '" + text(key) + "' in " + where);
        }
      }
    }

    private void description(Map<?, ?> mapping, String where) {
      if (mapping.containsKey("description") && !(mapping.get("description") instanceof String)) {
        always("the description of " + where + " is " + mapping.get("description"));
      }
    }

    private Long positive(Map<?, ?> body, String key, String where) {
      if (!body.containsKey(key)) {
        return null;
      }
      Object value = body.get(key);
      if (isWhole(value) && new BigInteger(value.toString()).signum() > 0
          && new BigInteger(value.toString()).compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0) {
        return ((Number) value).longValue();
      }
      always(key + " of " + where + " is " + value + ", not a whole number from 1");
      return null;
    }

    private static boolean fits(FieldDef field, Object value) {
      return switch (field.type()) {
        case "boolean" -> value instanceof Boolean;
        case "integer" -> isWhole(value) && new BigInteger(value.toString()).bitLength() < 64;
        case "double" -> value instanceof Number;
        case "enum" -> value != null && field.values().contains(text(value));
        default -> value != null && !(value instanceof Map) && !(value instanceof List)
            && (!(value instanceof String text) || field.maxLength() == null || text.length() <= field.maxLength());
      };
    }

    private void unique(List<String> javaNames, String what) {
      if (new TreeSet<>(javaNames).size() != javaNames.size()) {
        always(what + " collide: " + javaNames);
      }
    }

    /** docs/schema.md: {@code command_type} is {@code CommandType}. */
    static String upperCamelCase(String key) {
      StringBuilder name = new StringBuilder();
      for (String part : ascii(key).split("[^A-Za-z0-9]+")) {
        if (!part.isEmpty()) {
          name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
      }
      return name.toString();
    }

    /** docs/schema.md: parameter names in lowerCamelCase, {@code command_type} is {@code commandType}. */
    static String lowerCamelCase(String key) {
      String type = upperCamelCase(key);
      return type.isEmpty() ? type : Character.toLowerCase(type.charAt(0)) + type.substring(1);
    }

    /**
     * docs/schema.md: upper case, other characters {@code _}, a {@code _} before a leading digit,
     * {@code VALUE} before a name of {@code _} only.
     */
    static String constantName(String wireValue) {
      String upper = ascii(wireValue.toUpperCase(Locale.ROOT)).replaceAll("[^A-Z0-9_]", "_");
      if (upper.matches("_*")) {
        return "VALUE" + upper;
      }
      return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
    }

    /** docs/schema.md: accents dropped, another non-ASCII letter or digit {@code U} and its hex code point. */
    static String ascii(String text) {
      StringBuilder out = new StringBuilder();
      java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKD).codePoints()
          .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK && Character.getType(c) != Character.ENCLOSING_MARK
              && Character.getType(c) != Character.COMBINING_SPACING_MARK)
          .forEach(c -> out.append(c < 0x80 ? Character.toString(c)
              : Character.isLetterOrDigit(c) ? "U" + Integer.toHexString(c).toUpperCase(Locale.ROOT) : "_"));
      return out.toString();
    }

    /** docs/schema.md: the segments after the namespace and the family, upper case, joined by {@code _}. */
    static String metricConstant(String name, String namespace, String family) {
      String rest = name.startsWith(namespace + ".") ? name.substring(namespace.length() + 1) : name;
      rest = rest.startsWith(family + ".") ? rest.substring(family.length() + 1) : rest;
      return constantName(rest.replace('.', '_'));
    }

    private static boolean isWhole(Object value) {
      return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    private static String text(Object value) {
      return String.valueOf(value);
    }
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("U+%04X", c) : Character.toString(c)));
    return out.toString();
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return abbreviate(out.toString(), 4_000);
  }
}
