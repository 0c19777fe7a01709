package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The processor reads only regular files of bounded size, and quotes no more than one line of
 * what it read: a schema or catalog option that names a device, a FIFO, a directory, a huge file
 * or someone's password file is one coded error, in bounded time, that leaks nothing.
 */
class InputLimitsTest {
  /** Longer than any compilation here takes; a read that blocks never ends. */
  private static final Duration BOUNDED = Duration.ofSeconds(60);
  private static final String SECRET = "SECRET_TOKEN_5f3a9c hunter2";

  @TempDir Path dir;

  @Test
  void aDeviceIsNotReadAsTheSchema() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "no /dev/zero on this system");
    Compilation compilation = compileWithSchema(zero);
    assertThat(onlyErrorMessage(compilation, "MeteredSchemaUnreadable")).contains("/dev/zero", "not a regular file");
  }

  @Test
  void aSparseFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    Path sparse = sparseFile(dir.resolve("metrics.yaml"), 3L << 30);
    Compilation compilation = compileWithSchema(sparse);
    assertThat(onlyErrorMessage(compilation, "MeteredSchemaTooLarge"))
        .contains("metrics.yaml:1:1: ", "3221225472 bytes", "limit of 1048576 bytes (1 MiB)");
  }

  @Test
  void aFifoIsNotOpened() throws Exception {
    Path fifo = fifo(dir.resolve("metrics.yaml"));
    Compilation compilation = compileWithSchema(fifo);
    assertThat(onlyErrorMessage(compilation, "MeteredSchemaUnreadable")).contains(fifo.toString(), "not a regular file");
  }

  @Test
  void aDirectoryIsNotASchema() {
    Compilation compilation = compileWithSchema(dir);
    assertThat(onlyErrorMessage(compilation, "MeteredSchemaUnreadable")).contains(dir.toString(), "is a directory");
  }

  @Test
  void aFifoOnTheClassPathIsNotOpened() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    fifo(classes.resolve("metrics.yaml"));
    Compilation compilation = bounded(() -> Compilations.compileWithClasspath(List.of(classes.toFile())));
    assertThat(onlyErrorMessage(compilation, "MeteredSchemaUnreadable")).contains("CLASS_PATH/metrics.yaml", "not a regular file");
  }

  @Test
  void anOversizedSchemaOnTheClassPathIsRefused() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    sparseFile(classes.resolve("metrics.yaml"), 3L << 30);
    Compilation compilation = bounded(() -> Compilations.compileWithClasspath(List.of(classes.toFile())));
    assertThat(onlyErrorMessage(compilation, "MeteredSchemaTooLarge")).contains("metrics.yaml:1:1: ", "3221225472 bytes");
  }

  /**
   * Files that are not schemas, the second line a secret: a message may quote the first line
   * (cut), never what follows it.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      // /etc/passwd: one plain scalar that YAML folds into a single string
      "root:x:0:0:root:/root:/bin/bash daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin bin:x:2:2:bin",
      "root:x:0:0",
      // a syntax error on the first line
      "password = \"unterminated [ { ",
      "- [a, b",
      "key: 'quoted and not closed",
      "&anchor_with_a_very_long_name_that_goes_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on x",
      "*undefined_alias_with_a_long_name_that_goes_on_and_on_and_on_and_on_and_on_and_on_and_on_and_on",
      "schema: 1\nnamespace: \"two lines",
      "schema: 1\nnamespace: |",
      "? |",
  })
  void aMessageQuotesAtMostTheOffendingLine(String firstLines) {
    // Indented, the secret continues what the first line started (a scalar, a flow, a block).
    String text = firstLines + "\n  " + SECRET + "\n";
    Compilation compilation = Compilations.compile(dir, text);

    List<String> messages = compilation.diagnostics().stream()
        .map(diagnostic -> diagnostic.getMessage(Locale.ROOT)).collect(Collectors.toList());
    assertThat(compilation.errors()).as(String.join("\n", messages)).isNotEmpty();
    assertThat(messages).noneMatch(message -> message.contains("SECRET") || message.contains("hunter2"));
    SchemaErrorTest.assertNoCrash(compilation);
  }

  @Test
  void aLongLineIsCutInTheMessage() {
    String line = "top level text " + "x".repeat(5000);
    Compilation compilation = Compilations.compile(dir, line + "\n");
    String message = onlyErrorMessage(compilation, "MeteredSchemaWrongType");
    assertThat(message).contains("top level text xxx", "...").hasSizeLessThan(400);
  }

  @Test
  void aCatalogOfAThousandMetricsIsRead() throws IOException {
    Compilation first = Compilations.compile(dir, CatalogTest.SCHEMA, CatalogTest.HANDLER);
    String catalog = first.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/metered/metrics.json")
        .orElseThrow().getCharContent(true).toString();
    // A catalog entry of this schema is about 1 KB, as a real one is: 1,050 of them are a
    // 1,050-metric build's catalog, over the schema's 1 MiB limit.
    String entry = catalogEntry(catalog);
    StringBuilder padded = new StringBuilder();
    for (int i = 0; i < 1050; i++) {
      padded.append(entry.replace("\"shop.order.duration\"", "\"shop.order.retired_" + i + "\"")).append(",\n");
    }
    Path previous = dir.resolve("previous-metrics.json");
    Files.writeString(previous, catalog.replaceFirst("\"metrics\": \\[", "\"metrics\": [\n" + padded));
    assertThat(Files.size(previous)).isGreaterThan(1_090_000);

    Compilation second = compileWithCatalog(previous);

    assertThat(second.errors()).as(Compilations.describe(second)).isEmpty();
    // javac shows the first 100 warnings (-Xmaxwarns): every one a retired metric.
    assertThat(second.warnings()).extracting(warning -> warning.getMessage(Locale.ROOT))
        .hasSize(100)
        .allMatch(message -> message.contains("[MeteredCatalogChange]") && message.contains("is gone"));
  }

  @Test
  void aCatalogChangeQuotesAtMostOneLineOfTheEarlierCatalog() throws IOException {
    Compilation first = Compilations.compile(dir, CatalogTest.SCHEMA, CatalogTest.HANDLER);
    String catalog = first.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/metered/metrics.json")
        .orElseThrow().getCharContent(true).toString();
    Path previous = dir.resolve("previous-metrics.json");
    Files.writeString(previous, catalog
        .replace("\"type\": \"distribution\"", "\"type\": \"histogram\\n" + SECRET + "\"")
        .replace("\"unit\": \"millisecond\"", "\"unit\": \"" + "x".repeat(500) + "\\n" + SECRET + "\""));

    Compilation second = compileWithCatalog(previous);

    List<String> changes = second.warnings().stream().map(warning -> warning.getMessage(Locale.ROOT))
        .filter(message -> message.contains("[MeteredCatalogChange]")).collect(Collectors.toList());
    assertThat(changes).as(Compilations.describe(second)).hasSize(2)
        .anyMatch(message -> message.contains("changed its type from histogram..."))
        .anyMatch(message -> message.contains("changed its unit from xxxx"))
        .noneMatch(message -> message.contains("SECRET") || message.contains("hunter2"));
  }

  @Test
  void anOversizedCatalogIsRefusedInItsOwnWords() throws IOException {
    Path previous = sparseFile(dir.resolve("previous-metrics.json"), 17L << 20);
    String message = onlyErrorMessage(compileWithCatalog(previous), "MeteredCatalogTooLarge");
    assertThat(message)
        .contains("previous-metrics.json:1:1: ", "the previous catalog has 17825792 bytes", "limit of 16777216 bytes (16 MiB)")
        .doesNotContain("schema");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n  \n", "\uFEFF"})
  void anEmptyCatalogIsNamedSo(String text) throws IOException {
    Path previous = dir.resolve("previous-metrics.json");
    Files.writeString(previous, text);
    String message = onlyErrorMessage(compileWithCatalog(previous), "MeteredCatalogEmpty");
    assertThat(message).contains("the previous catalog is empty").doesNotContain("schema");
  }

  @Test
  void aCatalogThatIsADeviceFifoOrDirectoryIsNotRead() throws Exception {
    List<Path> notFiles = new ArrayList<>(List.of(dir, fifo(dir.resolve("fifo.json"))));
    if (Files.exists(Path.of("/dev/zero"))) {
      notFiles.add(Path.of("/dev/zero"));
    }
    for (Path previous : notFiles) {
      assertThat(onlyErrorMessage(compileWithCatalog(previous), "MeteredBadLintConfig"))
          .contains("-Ametered.catalog.previous")
          .containsAnyOf("is a directory", "not a regular file");
    }
  }

  @Test
  void aCatalogThatIsNotJsonQuotesAtMostItsFirstLine() throws IOException {
    Path previous = dir.resolve("previous-metrics.json");
    Files.writeString(previous, "{\"metrics\": [\"unterminated " + "x".repeat(300) + "\n" + SECRET + "\n");
    Compilation compilation = compileWithCatalog(previous);
    String message = onlyErrorMessage(compilation, "MeteredBadLintConfig");
    assertThat(message).contains("the previous catalog is not valid JSON").doesNotContain("SECRET");
  }

  private Compilation compileWithSchema(Path schema) {
    return bounded(() -> Compilations.compileWithOptions(List.of("-Ametered.schema=" + schema)));
  }

  private Compilation compileWithCatalog(Path previous) throws IOException {
    Files.writeString(dir.resolve("metrics.yaml"), CatalogTest.SCHEMA);
    return bounded(() -> Compilations.compileWithOptions(
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml"), "-Ametered.catalog.previous=" + previous),
        CatalogTest.HANDLER));
  }

  private static Compilation bounded(Supplier<Compilation> compilation) {
    return assertTimeoutPreemptively(BOUNDED, compilation::get, "the compilation did not finish: a read blocked");
  }

  /** The message of the only error, which has {@code code}; no stack trace, no other error. */
  private static String onlyErrorMessage(Compilation compilation, String code) {
    SchemaErrorTest.assertNoCrash(compilation);
    assertThat(compilation.errors()).as(Compilations.describe(compilation)).hasSize(1);
    Diagnostic<?> error = Compilations.onlyError(compilation, code);
    return error.getMessage(Locale.ROOT);
  }

  private static Path sparseFile(Path file, long length) throws IOException {
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(length);
    }
    return file;
  }

  /** A named pipe nothing writes to: opening it for reading blocks forever. */
  private static Path fifo(Path path) throws Exception {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not available: " + e.getMessage());
      throw e;
    }
    assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).as("mkfifo finished").isTrue();
    String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mkfifo.exitValue()).as(output).isZero();
    assertThat(new File(path.toString())).exists();
    return path;
  }

  /** The first entry of a catalog's metrics list, braces included. */
  private static String catalogEntry(String catalog) {
    int start = catalog.indexOf('{', catalog.indexOf("\"metrics\": ["));
    int depth = 0;
    for (int i = start; i < catalog.length(); i++) {
      char c = catalog.charAt(i);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth == 0) {
        return catalog.substring(start, i + 1);
      }
    }
    throw new AssertionError("no entry in " + catalog);
  }
}
