package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema text that once became code or broke the generated file: descriptions that close the
 * javadoc through a unicode escape, a Windows path that javac reads as a bad unicode escape, a
 * wire value that ends a {@code {@code ...}} tag. Each must stay text, and the recorder work.
 */
class SchemaTextTest {
  /** What a description once smuggled into the recorder's class body. */
  static final String SMUGGLED = "Counts x \\u002a/ static { System.setProperty(\"metered.smuggled\", \"ran\"); } /**";

  @TempDir Path dir;

  /** A one-family schema; every argument is YAML text as written. */
  static String schema(String familyDescription, String metricDescription, String values, String attributeDescription) {
    return """
        schema: 1
        namespace: shop
        package: test.metrics
        families:
          order:
            description: %s
            attributes:
              kind: {type: enum, values: %s, description: %s}
            metrics:
              shop.order.count: {type: counter, description: %s}
        """.formatted(familyDescription, values, attributeDescription, metricDescription);
  }

  @Test
  void aSchemaFileNameWithALineBreakAndTagsStaysInItsComments() throws Exception {
    // The name reaches the file comment, the class javadoc and @Generated(comments = ...); a
    // file name holds no slash, so no "*/", but a CR would end the // file comment.
    Path schema = dir.resolve("m\r x = 1; * @Deprecated \u2028 {@code \u00e9*.yaml");
    Files.writeString(schema, schema("Orders.", "Orders.", "[a, b]", "Kinds."), StandardCharsets.UTF_8);
    Compilation compilation = Compilations.compileWithOptions(List.of("-Ametered.schema=" + schema));
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(compilation);

    Class<?> recorder = classes.loadClass("test.metrics.OrderMetrics");
    assertThat(recorder.getDeclaredAnnotations()).isEmpty();
    assertThat(Stream.of(recorder.getDeclaredFields()).map(java.lang.reflect.Field::getName)).doesNotContain("x");
    assertThat(javadocText(source(compilation, "test/metrics/OrderMetrics.java")))
        .contains("m\n x = 1; * @Deprecated \n {@code \u00e9*.yaml");
  }

  /** {@code text} as a YAML single-quoted scalar: nothing in it is an escape. */
  static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Test
  void aUnicodeEscapeInADescriptionStaysTextAndNeverRuns() throws Exception {
    Compilation compilation = Compilations.compile(dir,
        schema(quoted(SMUGGLED), quoted(SMUGGLED), "[a, b]", quoted(SMUGGLED)));
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(compilation);

    Class.forName("test.metrics.OrderMetrics", true, classes);
    Class.forName("test.metrics.OrderMetrics$Kind", true, classes);
    assertThat(System.getProperty("metered.smuggled")).isNull();
    String source = source(compilation, "test/metrics/OrderMetrics.java");
    assertThat(javadocText(source)).contains(SMUGGLED);
    assertThat(source).doesNotContain("\\u002a");
  }

  @Test
  void aWindowsPathInADescriptionCompilesAndReadsAsWritten() throws Exception {
    String path = "Files read from C:\\users\\bot\\data.";
    Compilation compilation = Compilations.compile(dir, schema(quoted(path), quoted(path), "[a, b]", quoted(path)));
    GeneratedClasses.ofSuccessful(compilation);
    assertThat(javadocText(source(compilation, "test/metrics/OrderMetrics.java"))).contains(path);
  }

  @Test
  void aWireValueThatClosesACommentIsAConstantAndRecordedExactly() throws Exception {
    String wire = "x*/y{@code z}\\u0041";
    Compilation compilation = Compilations.compile(dir, schema("Orders.", "Orders.", "[" + quoted(wire) + ", b]", "Kinds."));
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(compilation);

    Class<?> kind = classes.loadClass("test.metrics.OrderMetrics$Kind");
    Object first = kind.getEnumConstants()[0];
    assertThat(kind.getMethod("wireValue").invoke(first)).isEqualTo(wire);
    assertThat(javadocText(source(compilation, "test/metrics/OrderMetrics.java"))).contains(wire);
    RecordingSink sink = new RecordingSink();
    Class<?> recorder = classes.loadClass("test.metrics.OrderMetrics");
    Object metrics = recorder.getConstructor(MetricSink.class).newInstance(sink);
    Method record = recorder.getMethod("record", kind);
    record.invoke(metrics, first);
    assertThat(sink.recorded()).extracting(RecordedMetric::attributeMap).containsExactly(Map.of("kind", wire));
  }

  @Test
  void everyGeneratedSourceIsAsciiSoNoEncodingChangesAWireValue() throws Exception {
    String wire = "caf\u00e9 \ud83d\ude00 \u2028";
    Path schema = dir.resolve("metrics.yaml");
    Files.writeString(schema, schema("\"Caf\u00e9 \\ud800 orders.\"", "Orders.", "[" + quoted(wire) + ", b]", "Kinds."),
        StandardCharsets.UTF_8);
    // javac's Filer writes a source in -encoding, and writes '?' for what it cannot hold (here
    // every non-ASCII character; a lone surrogate in any encoding). compile-testing keeps
    // generated files in memory as UTF-8, so the ASCII check below is what proves it.
    Compilation compilation = Compilations.compileWithOptions(
        List.of("-Ametered.schema=" + schema, "-encoding", "US-ASCII"));
    String source = source(compilation, "test/metrics/OrderMetrics.java");
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(compilation);
    assertThat(source.chars().allMatch(c -> c < 0x80)).as(source).isTrue();
    Class<?> kind = classes.loadClass("test.metrics.OrderMetrics$Kind");
    assertThat(kind.getMethod("wireValue").invoke(kind.getEnumConstants()[0])).isEqualTo(wire);
  }

  @Test
  void catalogsKeepTheTextExactlyAndTheMarkdownTableWhole() throws Exception {
    String wire = "a|b`c\\";
    String description = "One | two `three` <b>four</b> \ud800.";
    Compilation compilation = Compilations.compile(dir,
        schema("Orders.", SchemaTextPropertyTest.yaml(description), "[" + quoted(wire) + ", b]", "Kinds."));
    GeneratedClasses.ofSuccessful(compilation);

    String json = resource(compilation, "META-INF/metered/metrics.json");
    assertThat(json).contains("\"a|b`c\\\\\"", "\"One | two `three` <b>four</b> \\ud800.\"");
    String markdown = resource(compilation, "META-INF/metered/metrics.md");
    String row = markdown.lines().filter(line -> line.startsWith("| `shop.order.count`")).findFirst().orElseThrow();
    // The table has seven columns: a cell that ended early would add one.
    assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(8);
    String attributeRow = markdown.lines().filter(line -> line.startsWith("| `kind`")).findFirst().orElseThrow();
    assertThat(attributeRow.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(5);
    assertThat(attributeRow).contains("<code>a&#124;b&#96;c&#92;</code>");
  }

  static String source(Compilation compilation, String path) throws IOException {
    JavaFileObject file = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, path).orElseThrow();
    return file.getCharContent(true).toString();
  }

  static String resource(Compilation compilation, String path) {
    try (InputStream in = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).orElseThrow().openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Pattern REFERENCE = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp);");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  /**
   * The text of every javadoc comment in {@code source}, joined, as a reader of the rendered page
   * sees it: unicode escapes translated (as javac does first), line prefixes dropped, character
   * references resolved and {@code {@code ...}} unwrapped.
   */
  static String javadocText(String source) {
    String translated = UNICODE_ESCAPE.matcher(source).replaceAll(m -> Matcher.quoteReplacement(
        String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    StringBuilder text = new StringBuilder();
    Matcher comment = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL).matcher(translated);
    while (comment.find()) {
      String body = comment.group(1).replaceAll("\n\\s*\\* ?", "\n");
      body = body.replaceAll("\\{@code ([^}]*)}", "$1").replace("<code>", "").replace("</code>", "");
      text.append(REFERENCE.matcher(body).replaceAll(m -> Matcher.quoteReplacement(resolve(m.group(1))))).append('\n');
    }
    return text.toString();
  }

  private static String resolve(String reference) {
    return switch (reference) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      default -> String.valueOf((char) (reference.startsWith("#x")
          ? Integer.parseInt(reference.substring(2), 16) : Integer.parseInt(reference.substring(1))));
    };
  }
}
