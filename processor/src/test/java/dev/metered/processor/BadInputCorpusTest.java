package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case under src/test/resources/bad-input (see its README): each is rejected, or
 * warned about, with its exact code at its exact position, and never crashes the processor.
 */
class BadInputCorpusTest {
  private static final Pattern EXPECT =
      Pattern.compile("(?:#|//) expect: (Metered[A-Za-z]+) (\\d+):(\\d+) '(.*)'");
  /** A finding about a compiler option rather than a place in the schema: the option, then its value. */
  private static final Pattern EXPECT_AT_OPTION =
      Pattern.compile("# expect: (Metered[A-Za-z]+) (-A[\\w.]+) '(.*)'");
  /** Stands for the corpus folder in {@code # option:} lines, for options that name files. */
  private static final String CORPUS_PLACEHOLDER = "${corpus}";
  private static final Pattern OPTION = Pattern.compile("# option: (\\S+)");
  private static final Pattern HANDLERS = Pattern.compile("# handlers: (\\S+)");
  private static final Pattern SCHEMA = Pattern.compile("// schema: (\\S+)");

  @TempDir Path dir;

  static Path corpus() {
    try {
      return Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> schemaCases() throws IOException {
    return list(corpus(), ".yaml");
  }

  static Stream<Path> handlerCases() throws IOException {
    return list(corpus().resolve("handlers"), ".java");
  }

  private static Stream<Path> list(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaCases")
  void schemaCase(Path schema) throws IOException {
    String text = Files.readString(schema);
    Matcher expect = EXPECT.matcher(text);
    Matcher atOption = EXPECT_AT_OPTION.matcher(text);
    boolean positional = expect.find();
    assertThat(positional || atOption.find()).as(schema + " says what it expects").isTrue();
    List<String> options = new ArrayList<>();
    options.add("-Ametered.schema=" + schema);
    Matcher option = OPTION.matcher(text);
    while (option.find()) {
      options.add(option.group(1).replace(CORPUS_PLACEHOLDER, corpus().toString()));
    }
    List<JavaFileObject> sources = new ArrayList<>();
    Matcher handlers = HANDLERS.matcher(text);
    while (handlers.find()) {
      sources.add(javaSource(corpus().resolve(handlers.group(1))));
    }
    Compilation compilation = Compilations.compileWithOptions(options, sources.toArray(new JavaFileObject[0]));
    if (!positional) {
      assertOptionFinding(schema, text, atOption, compilation);
      return;
    }

    String code = expect.group(1);
    String where = schema.getFileName() + ":" + expect.group(2) + ":" + expect.group(3) + ": ";
    assertThat(compilation.diagnostics())
        .as(Compilations.describe(compilation))
        .extracting(d -> d.getMessage(Locale.ROOT))
        .anySatisfy(message -> assertThat(message).contains("[" + code + "]").contains(where));
    assertThat(textAt(text, Integer.parseInt(expect.group(2)), Integer.parseInt(expect.group(3))))
        .as("the text at " + where + " in " + schema.getFileName())
        .startsWith(expect.group(4));
    SchemaErrorTest.assertNoCrash(compilation);
  }

  /**
   * A finding about an option has no place in the schema: its message names the option where a
   * schema finding names {@code FILE:LINE:COLUMN}, and the case gives that option the value expected.
   */
  private static void assertOptionFinding(Path schema, String text, Matcher expect, Compilation compilation) {
    String code = expect.group(1);
    String name = expect.group(2);
    assertThat(compilation.diagnostics())
        .as(Compilations.describe(compilation))
        .extracting(d -> d.getMessage(Locale.ROOT))
        .anySatisfy(message -> assertThat(message).contains("[" + code + "] " + name + ":"));
    assertThat(text).as(schema.getFileName() + " passes the option it expects a finding about")
        .contains("# option: " + name + "=" + expect.group(3));
    SchemaErrorTest.assertNoCrash(compilation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handlerCases")
  void handlerCase(Path source) throws IOException {
    String text = Files.readString(source);
    Matcher expect = EXPECT.matcher(text);
    Matcher schema = SCHEMA.matcher(text);
    assertThat(expect.find() && schema.find()).as(source + " says what it expects and its schema").isTrue();
    Path schemaFile = corpus().resolve("schemas").resolve(schema.group(1));
    Compilation compilation = Compilations.compileWithOptions(
        List.of("-Ametered.schema=" + schemaFile), javaSource(source));

    String code = expect.group(1);
    long line = Long.parseLong(expect.group(2));
    long column = Long.parseLong(expect.group(3));
    assertThat(compilation.diagnostics())
        .as(Compilations.describe(compilation))
        .anySatisfy(d -> {
          assertThat(d.getMessage(Locale.ROOT)).contains("[" + code + "]");
          assertThat(d.getLineNumber()).isEqualTo(line);
          assertThat(d.getColumnNumber()).isEqualTo(column);
        });
    assertThat(textAt(text, (int) line, (int) column)).startsWith(expect.group(4));
    SchemaErrorTest.assertNoCrash(compilation);
  }

  @Test
  void schemaBytesThatAreNotUtf8() throws IOException {
    for (String line : Files.readAllLines(corpus().resolve("expectations.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" ");
      Path file = corpus().resolve(parts[0]);
      Compilation compilation = Compilations.compileWithOptions(List.of("-Ametered.schema=" + file));
      Diagnostic<? extends JavaFileObject> error = Compilations.onlyError(compilation, parts[1]);
      assertThat(error.getMessage(Locale.ROOT)).contains(file.getFileName() + ":" + parts[2] + ": ");
      SchemaErrorTest.assertNoCrash(compilation);
    }
  }

  @Test
  void aSchemaOverTheSizeLimitIsRefusedBeforeParsing() throws IOException {
    Path huge = dir.resolve("metrics.yaml");
    Files.writeString(huge, "schema: 1\n# " + "x".repeat(2 * 1024 * 1024) + "\n");
    Compilation compilation = Compilations.compileWithOptions(List.of("-Ametered.schema=" + huge));
    assertThat(Compilations.onlyError(compilation, "MeteredSchemaTooLarge").getMessage(Locale.ROOT))
        .contains("metrics.yaml:1:1: ");
  }

  @Test
  void theCorpusHasAtLeastSixtyCases() throws IOException {
    long cases = schemaCases().count() + handlerCases().count()
        + Files.readAllLines(corpus().resolve("expectations.txt")).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#")).count()
        + 1; // the generated oversized schema
    assertThat(cases).isGreaterThanOrEqualTo(60);
  }

  /** The text from {@code line}:{@code column} (1-based) to the end of that line. */
  static String textAt(String text, int line, int column) {
    String[] lines = text.split("\n", -1);
    assertThat(line).as("line within the file").isBetween(1, lines.length);
    String content = lines[line - 1];
    assertThat(column).as("column within line " + line).isBetween(1, content.length() + 1);
    return content.substring(column - 1);
  }

  private static JavaFileObject javaSource(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Matcher type = Pattern.compile("(?:class|interface) (\\w+)").matcher(text);
    Matcher pkg = Pattern.compile("package ([\\w.]+);").matcher(text);
    String name = (pkg.find() ? pkg.group(1) + "." : "") + (type.find() ? type.group(1) : "Handlers");
    return JavaFileObjects.forSourceString(name, text);
  }
}
