package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.schema.SchemaFile;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The limits of a class file, met by schemas: a family at each documented limit, in its most
 * expensive shape, compiles; one step over is one coded error at the schema node that crosses
 * it, never javac's "code too large" in a generated file. And nesting too deep for the YAML
 * library is an error with its position, not "null".
 */
class JavaLimitsTest {
  static final String HEADER = """
      schema: 1
      namespace: bot
      package: test.metrics
      lint:
        MeteredCardinality: off
        MeteredMetricSize: off
        MeteredUnboundedAttribute: off
        MeteredMissingDescription: off
      families:
        big:
      """;

  @TempDir Path dir;

  @Test
  void anEnumOfTwoThousandValuesCompiles() {
    assertCompiles(enumOf(2_000));
  }

  @Test
  void oneValueMoreIsOneErrorAtTheEnum() {
    Compilation compilation = Compilations.compile(dir, enumOf(2_001));

    assertThat(Compilations.onlyError(compilation, "MeteredTooManyValues").getMessage(Locale.ROOT))
        .contains("metrics.yaml:12:7:", "'kind' has 2001 values", "2000");
    assertThat(compilation.errors()).hasSize(1);
  }

  /**
   * Eight optional booleans and four optional strings, each left out when it equals a value,
   * carried by every metric with defaults of its own and a condition: nothing is shared between
   * metrics, and each data point needs both its table number and its attributes.
   */
  @Test
  void aFamilyAtTheSizeLimitInItsMostExpensiveShapeCompiles() {
    assertCompiles(expensiveFamily(71)); // 71 * (1 + 12 + 1) = 994
  }

  @Test
  void oneMetricMoreIsOneErrorAtThatMetric() {
    assertOneErrorAt(expensiveFamily(72), "MeteredFamilyTooLarge", "bot.big.m71:");
  }

  /** Optional numbers take three parameter slots each in emit: 64 of them stay within 255. */
  @Test
  void sixtyFourOptionalNumbersCompile() {
    assertCompiles(optionalNumbers(64));
  }

  @Test
  void aSixtyFifthFieldIsOneErrorAtIt() {
    assertOneErrorAt(optionalNumbers(65), "MeteredFamilyTooLarge", "n63:");
  }

  private void assertCompiles(String schema) {
    Compilation compilation = Compilations.compile(dir, schema);

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
  }

  /** One error, with {@code code}, at the schema line that starts (after its indent) with {@code text}. */
  private void assertOneErrorAt(String schema, String code, String text) {
    Compilation compilation = Compilations.compile(dir, schema);

    String message = Compilations.onlyError(compilation, code).getMessage(Locale.ROOT);
    assertThat(JavaNamesTest.lineAt(schema, message)).startsWith(text);
    assertThat(compilation.errors()).hasSize(1);
  }

  /**
   * 2^64 combinations, which a long multiplied out wraps to 0: counted without overflowing, so
   * the metric takes attributes per call.
   */
  @Test
  void sixtyFourBooleanAttributesCompileAndRecordTheirValues() {
    String attributes = IntStream.range(0, 64).mapToObj(i -> "b" + i + ": boolean\n").collect(Collectors.joining());
    String arguments = IntStream.range(0, 64).mapToObj(i -> i % 3 == 0 ? "true" : "false")
        .collect(Collectors.joining(", "));
    JavaFileObject driver = Compilations.source("test.Driver", """
        package test;

        import dev.metered.runtime.MetricSink;
        import java.util.function.Consumer;
        import test.metrics.BigMetrics;

        public class Driver implements Consumer<MetricSink> {
          @Override
          public void accept(MetricSink sink) {
            new BigMetrics(sink).record(%s);
          }
        }
        """.formatted(arguments));

    Compilation compilation = Compilations.compile(dir,
        family(attributes, "", "bot.big.count: {type: counter}\n"), driver);

    RecordingSink sink = new RecordingSink();
    consumer(compilation).accept(sink);
    assertThat(sink.recorded("bot.big.count")).singleElement().extracting(RecordedMetric::attributeMap)
        .satisfies(map -> assertThat(map).hasSize(64).containsEntry("b0", true).containsEntry("b1", false)
            .containsEntry("b63", true));
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 3_000, 50_000})
  void nestingTooDeepIsOneSyntaxErrorAtTheFirstLevelTooMany(int depth) throws Exception {
    String text = HEADER + "    description: " + "[".repeat(depth) + "1" + "]".repeat(depth) + "\n";

    List<Diagnostic> diagnostics = onSmallStack(() -> readInProcess(text));

    assertThat(diagnostics).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_SYNTAX);
      assertThat(d.message()).contains("nests deeper than 32 levels").doesNotContain("null");
      // The root, families and big are three levels: the 31st '[' is the 33rd below the root.
      assertThat(d.position().line()).isEqualTo(11);
      assertThat(d.position().column()).isEqualTo("    description: ".length() + 31);
    });
  }

  @Test
  void nestingTooDeepInBlockStyleIsOneSyntaxErrorToo() {
    StringBuilder text = new StringBuilder(HEADER);
    for (int level = 0; level < 600; level++) {
      text.append("  ".repeat(level + 2)).append("k").append(level).append(":\n");
    }
    text.append("  ".repeat(602)).append("x: 1\n");

    assertThat(readInProcess(text.toString())).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(DiagnosticCode.SCHEMA_SYNTAX);
      assertThat(d.message()).contains("nests deeper than 32 levels");
    });
  }

  /**
   * Runs {@code read} on a thread with javac's kind of stack (a build tool's worker thread is
   * not the main thread), where the YAML composer runs out of stack on deep nesting.
   */
  private static <T> T onSmallStack(Callable<T> read) throws Exception {
    FutureTask<T> task = new FutureTask<>(read);
    Thread thread = new Thread(null, task, "small-stack", 512 * 1024);
    thread.start();
    return task.get();
  }

  private static List<Diagnostic> readInProcess(String text) {
    Diagnostics diagnostics = new Diagnostics();
    SchemaFile.decode("metrics.yaml", text.getBytes(StandardCharsets.UTF_8), diagnostics)
        .flatMap(file -> new SchemaPipeline(diagnostics).read(file));
    return diagnostics.all();
  }

  static String family(String attributes, String inputs, String metrics) {
    return HEADER + "    attributes:\n" + attributes.indent(6)
        + (inputs.isEmpty() ? "" : "    inputs:\n" + inputs.indent(6))
        + "    metrics:\n" + metrics.indent(6);
  }

  private static String enumOf(int values) {
    String list = IntStream.range(0, values).mapToObj(i -> "v" + i).collect(Collectors.joining(", "));
    return family("kind: {type: enum, values: [" + list + "]}\n", "", "bot.big.count: {type: counter}\n");
  }

  private static String expensiveFamily(int metrics) {
    StringBuilder attributes = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      attributes.append("b").append(i).append(": {type: boolean, optional: true, omit_when: false}\n");
    }
    for (int i = 0; i < 4; i++) {
      attributes.append("s").append(i).append(": {type: string, max_length: 10, optional: true, omit_when: zz}\n");
    }
    StringBuilder definitions = new StringBuilder();
    for (int m = 0; m < metrics; m++) {
      int metric = m;
      String defaults = IntStream.range(0, 8).mapToObj(b -> "b" + b + ": " + ((metric >> b & 1) == 1))
          .collect(Collectors.joining(", ")) + ", " + IntStream.range(0, 4).mapToObj(s -> "s" + s + ": v" + metric)
          .collect(Collectors.joining(", "));
      definitions.append("bot.big.m").append(m).append(": {type: counter, when: {n: {above: ").append(m)
          .append("}}, defaults: {").append(defaults).append("}}\n");
    }
    return family(attributes.toString(), "n: {type: integer, optional: true}\n", definitions.toString());
  }

  /** One boolean attribute and {@code fields - 1} optional numbers. */
  private static String optionalNumbers(int fields) {
    String inputs = IntStream.range(0, fields - 1).mapToObj(i -> "n" + i + ": {type: "
        + (i % 2 == 0 ? "integer" : "double") + ", optional: true}\n").collect(Collectors.joining());
    return family("ok: boolean\n", inputs, "bot.big.count: {type: counter}\n");
  }

  @SuppressWarnings("unchecked")
  private static Consumer<MetricSink> consumer(Compilation compilation) {
    return GeneratedClasses.ofSuccessful(compilation).instantiate("test.Driver", Consumer.class);
  }
}
