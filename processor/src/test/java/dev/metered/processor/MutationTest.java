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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;

/**
 * Seeded mutation test. The example bot's schema is broken in thousands of small ways (lines
 * deleted, duplicated and swapped, values of the wrong type, unicode and control characters,
 * 10,000-character strings, YAML syntax breaks, truncation, renamed keys, bad UTF-8 bytes), and
 * in ways hostile to Java rather than YAML (non-ASCII and keyword names, names of generated
 * members, 2,000 enum values and one more, platform packages, nesting thousands deep), and each
 * mutant (drawn by {@link SchemaMutator}) goes through the compiler-free {@link SchemaPipeline}.
 * For every mutant:
 *
 * <ul>
 *   <li>nothing is thrown: any {@link Throwable} fails the test, naming the mutant's index and
 *       seed and showing it;
 *   <li>every diagnostic has a code and a position inside the file;
 *   <li>a mutant the pipeline accepts (no ERROR) breaks no rule of docs/schema.md and
 *       docs/lint.md. That is decided by {@link SchemaOracle}, written from the docs for this test and
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
  /** And this many of the mutants made hostile to Java rather than YAML (see SchemaMutator#hostile). */
  static final int JAVAC_HOSTILE = 15;
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
  // A guard against a hang (a mutant that sends the reader into a loop), not a speed check: it
  // takes about a minute on 2 quiet cores and three under a load of 20.
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
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
      if (mutant.operations().stream().anyMatch(operation -> operation.startsWith(SchemaMutator.HOSTILE))) {
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
        for (String problem : SchemaOracle.problemsOfAccepted(mutant.text(), outcome.diagnostics())) {
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
    assertThat(SchemaOracle.problemsOfAccepted(base, List.of())).isEmpty();
    List<String> missed = new ArrayList<>();
    int checked = 0;
    for (Path schema : BadInputCorpusTest.schemaCases().toList()) {
      String text = Files.readString(schema, StandardCharsets.UTF_8);
      if (text.contains("# option:") || text.contains("# handlers:")
          || text.matches("(?s)# expect: (MeteredCatalogChange|MeteredBadLintConfig) .*")) {
        continue;
      }
      checked++;
      if (SchemaOracle.problemsOfAccepted(text, List.of()).isEmpty()) {
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
      return new SchemaMutator(base, new Random(seed)).mutate(index, seed);
    }
  }

  static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " characters)";
  }


  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return abbreviate(out.toString(), 4_000);
  }
}
