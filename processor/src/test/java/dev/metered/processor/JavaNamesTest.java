package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Schema names that are hostile to Java: each schema either compiles, generated code included,
 * or is refused with one coded error at the schema node that makes the name. None gives javac an
 * error in a generated file.
 */
class JavaNamesTest {
  /** Lint rules about Sentry's naming are off: the Java names are what is under test. */
  static final String HEADER = """
      schema: 1
      namespace: bot
      package: test.metrics
      lint:
        MeteredAttributeKey: off
        MeteredMetricName: off
        MeteredCardinality: off
        MeteredUnboundedAttribute: off
        MeteredMissingDescription: off
      families:
        big:
      """;

  @TempDir Path dir;

  static String schema(String attributes, String metrics) {
    return HEADER + "    attributes:\n" + attributes.indent(6) + "    metrics:\n" + metrics.indent(6);
  }

  static final String COUNT = "bot.big.count: {type: counter}";

  @Test
  void enumValuesThatAreNoJavaNamesBecomeAsciiConstantsThatCompile() {
    Compilation compilation = Compilations.compile(dir, schema("""
        kind: {type: enum, values: [é, café, _, '', 日本, ß, ﬁ, 2xx, true, 'null', class, var, record, yield, values, valueOf, wire_value, Kind, GLOBAL]}
        """, COUNT));

    String recorder = recorderSource(compilation);
    // The wire values as StringLiteral writes them: ASCII, with unicode escapes.
    assertThat(recorder).contains("    E(\"\\u00e9\")", "    CAFE(\"caf\\u00e9\")", "    VALUE_(\"_\")",
        "    VALUE(\"\")", "    U65E5U672C(\"\\u65e5\\u672c\")", "    SS(\"\\u00df\")", "    FI(\"\\ufb01\")",
        "    _2XX(\"2xx\")", "    TRUE(\"true\")",
        "    CLASS(\"class\")", "    VAR(\"var\")", "    YIELD(\"yield\")", "    VALUES(\"values\")", "    KIND(\"Kind\")");
  }

  @Test
  void keysThatAreKeywordsOrRestrictedNamesCompile() {
    Compilation compilation = Compilations.compile(dir, schema("""
        class: {type: enum, values: [a, b]}
        var: boolean
        record: {type: string, max_length: 5, optional: true, max_values: 5}
        yield: {type: integer, optional: true, max_values: 5}
        é: {type: enum, values: [a]}
        中: boolean
        string: {type: enum, values: [a, b], optional: true}
        objects: {type: enum, values: [a]}
        attributes: {type: enum, values: [a]}
        metric_sink: {type: enum, values: [a]}
        """, COUNT));

    assertThat(recorderSource(compilation)).contains("Class class_", "boolean var", "E e", "boolean u4E2D",
        "public enum String", "public Event yield(long yield)", "public Event record(java.lang.String record)");
  }

  @Test
  void aSetterNamedEmitRecordsTheEventRatherThanCallItself() {
    Compilation compilation = Compilations.compile(dir, schema("""
        emit: {type: string, max_length: 5, optional: true, max_values: 5}
        """, COUNT), Compilations.source("test.Driver", """
        package test;

        import dev.metered.runtime.MetricSink;
        import java.util.function.Consumer;
        import test.metrics.BigMetrics;

        public class Driver implements Consumer<MetricSink> {
          @Override
          public void accept(MetricSink sink) {
            new BigMetrics(sink).event().emit("x").record();
          }
        }
        """));

    RecordingSink sink = new RecordingSink();
    @SuppressWarnings("unchecked") // Driver is a Consumer<MetricSink>; a class literal has no type arguments.
    Consumer<MetricSink> driver = GeneratedClasses.ofSuccessful(compilation).instantiate("test.Driver", Consumer.class);
    driver.accept(sink);
    assertThat(sink.recorded("bot.big.count")).extracting(RecordedMetric::attributeMap)
        .containsExactly(Map.of("emit", "x"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      two values, one after accents       | kind: {type: enum, values: [cafe, café]}          | bot.big.count: {type: counter}  | café]}        | both be the enum constant CAFE
      two values without letters          | kind: {type: enum, values: [_, '-']}              | bot.big.count: {type: counter}  | '-']}         | both be the enum constant VALUE_
      a metric named GLOBAL               | ok: boolean                                       | bot.big.global: {type: counter} | bot.big.global | the metric 'bot.big.global' would be the constant GLOBAL, the recorder's global instance; rename the metric
      a metric named like a descriptor    | ok: boolean | bot.big.count: {type: counter}\\nbot.big.count_metric: {type: counter} | bot.big.count_metric | the descriptor of the metric 'bot.big.count'
      a metric named like a table         | ok: boolean | bot.big.count: {type: counter}\\nbot.big.count_series: {type: counter} | bot.big.count_series | the series table of the metric 'bot.big.count'
      a metric named like a boolean value | ok: boolean                                       | bot.big.ok_true: {type: counter} | bot.big.ok_true | the value true of the attribute 'ok'
      a metric named like a dimension     | ok: boolean                                       | bot.big.ok_values: {type: counter} | bot.big.ok_values | the series dimension of the attribute 'ok'
      an enum named like the recorder     | big_metrics: {type: enum, values: [a]}            | bot.big.count: {type: counter}  | big_metrics:  | the name of the family's recorder; rename the field
      an enum named Event                 | event: {type: enum, values: [a], optional: true}  | bot.big.count: {type: counter}  | event:        | the name of BigMetrics's builder of events with optional fields
      a field named like a given flag     | n: {type: integer, optional: true, max_values: 5}\\nn_given: boolean | bot.big.count: {type: counter} | n_given: | the parameter nGiven of BigMetrics, the flag that says whether the optional 'n' was given
      a setter named wait                 | wait: {type: integer, optional: true, max_values: 5} | bot.big.count: {type: counter} | wait:       | the event setter wait, Object's final method wait(long)
      """)
  void namesThatMeetInOneJavaNamespaceAreOneErrorAtTheSecond(
      String what, String attributes, String metrics, String at, String message) {
    String text = schema(attributes.replace("\\n", "\n"), metrics.replace("\\n", "\n"));

    Compilation compilation = Compilations.compile(dir, text);

    Diagnostic<? extends JavaFileObject> error = Compilations.onlyError(compilation, "MeteredDuplicateName");
    assertThat(compilation.errors()).hasSize(1);
    assertThat(error.getMessage(Locale.ROOT)).contains(message);
    assertThat(lineAt(text, error.getMessage(Locale.ROOT))).startsWith(at);
  }

  @ParameterizedTest
  @CsvSource({
      "java.lang, is the Java platform's",
      "java, is the Java platform's",
      "java.util.metrics, is the Java platform's",
      "javax.annotation.processing, belongs to the module java.compiler",
      "sun.misc, belongs to the module jdk.unsupported",
      "org.w3c.dom, belongs to the module java.xml",
      "a.true.b, is not a Java package name",
      "a._, is not a Java package name",
      "a.2b, is not a Java package name"})
  void aPackageNoGeneratedClassCanBeInIsOneError(String javaPackage, String message) {
    String text = schema("ok: boolean", COUNT).replace("package: test.metrics", "package: " + javaPackage);

    Compilation compilation = Compilations.compile(dir, text);

    Diagnostic<? extends JavaFileObject> error = Compilations.onlyError(compilation, "MeteredBadName");
    assertThat(compilation.errors()).hasSize(1);
    assertThat(error.getMessage(Locale.ROOT)).contains("metrics.yaml:3:10:", message);
  }

  @ParameterizedTest
  @CsvSource({"javax.metrics", "a.var.record.yield", "com.example.Metrics"})
  void aPackageOfOurOwnCompiles(String javaPackage) {
    Compilation compilation = Compilations.compile(dir,
        schema("ok: boolean", COUNT).replace("package: test.metrics", "package: " + javaPackage));

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
  }

  /** The generated recorder's source; the compilation must have succeeded. */
  private static String recorderSource(Compilation compilation) {
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    try {
      return SchemaTextTest.source(compilation, "test/metrics/BigMetrics.java");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The schema line the message's {@code metrics.yaml:LINE:COLUMN} points at, from the column on. */
  static String lineAt(String text, String message) {
    java.util.regex.Matcher at = java.util.regex.Pattern.compile("metrics\\.yaml:(\\d+):(\\d+):").matcher(message);
    assertThat(at.find()).as(message).isTrue();
    List<String> lines = text.lines().toList();
    return lines.get(Integer.parseInt(at.group(1)) - 1).substring(Integer.parseInt(at.group(2)) - 1);
  }
}
