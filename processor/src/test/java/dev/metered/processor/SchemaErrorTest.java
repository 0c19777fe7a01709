package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.schema.SchemaFile;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of schema mistake is one compile error with a stable code and the schema's
 * {@code FILE:LINE:COLUMN}, never a stack trace.
 */
class SchemaErrorTest {
  /** A valid schema the cases below break one line of. */
  static final String VALID = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          attributes:
            command: {type: enum, values: [ping, info]}
            command_type: {type: enum, values: [prefix, slash]}
            success: boolean
          inputs:
            duration: double
          metrics:
            bot.command.usage: counter
            bot.command.time: {type: distribution, unit: millisecond, value: duration}
      """;

  @TempDir Path dir;

  record Case(String name, String schema, String code, int line, int column, String messagePart) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> schemaMistakes() {
    return Stream.of(
        new Case("empty file", "", "MeteredSchemaEmpty", 1, 1, "empty"),
        new Case("comments only", "# nothing yet\n", "MeteredSchemaEmpty", 1, 1, "no YAML document"),
        new Case("YAML syntax: a key indented too little", VALID.replace("      success: boolean", "     success: boolean"), "MeteredSchemaSyntax", 9, 6, "not valid YAML"),
        new Case("unclosed flow mapping", "schema: 1\nnamespace: {bot\n", "MeteredSchemaSyntax", 2, 12, "the '{' opened here is not closed"),
        new Case("two documents", VALID + "---\nschema: 1\n", "MeteredSchemaSyntax", 16, 1, "2 YAML documents"),
        new Case("duplicate key", VALID.replace("      success: boolean\n", "      success: boolean\n      success: boolean\n"),
            "MeteredSchemaDuplicateKey", 10, 7, "'success' appears twice"),
        new Case("unknown key", VALID.replace("unit: millisecond", "unti: millisecond"),
            "MeteredSchemaUnknownKey", 14, 46, "did you mean 'unit'?"),
        new Case("missing metrics", VALID.substring(0, VALID.indexOf("    metrics:")), "MeteredSchemaMissingKey", 6, 5, "has no 'metrics'"),
        new Case("missing namespace", VALID.replace("namespace: bot\n", ""), "MeteredSchemaMissingKey", 1, 1, "has no 'namespace'"),
        new Case("wrong type: yes is a string in YAML 1.2", VALID.replace("duration: double", "duration: {type: double, optional: yes}"),
            "MeteredSchemaWrongType", 11, 42, "must be true or false"),
        new Case("top level is a list", "- schema: 1\n", "MeteredSchemaWrongType", 1, 1, "must be a mapping"),
        new Case("unknown metric type", VALID.replace("bot.command.usage: counter", "bot.command.usage: countr"),
            "MeteredSchemaBadValue", 13, 26, "did you mean 'counter'?"),
        new Case("unknown condition", VALID.replace("bot.command.usage: counter", "bot.command.usage: {type: counter, when: {success: {abov: 0}}}"),
            "MeteredSchemaBadValue", 13, 59, "did you mean 'above'?"),
        new Case("unsupported version", VALID.replace("schema: 1", "schema: 2"), "MeteredSchemaVersion", 1, 9, "version 2 is not supported"),
        new Case("value names no field", VALID.replace("value: duration", "value: duraton"),
            "MeteredUnknownField", 14, 72, "did you mean 'duration'?"),
        new Case("value is not numeric", VALID.replace("value: duration", "value: success"),
            "MeteredFieldTypeMismatch", 14, 72, "must be an integer or double field"),
        new Case("condition on an input as attribute", VALID.replace("bot.command.usage: counter", "bot.command.usage: {type: counter, attributes: [duration]}"),
            "MeteredFieldTypeMismatch", 13, 55, "is an input"),
        new Case("metric defined twice", VALID + "  other:\n    metrics:\n      bot.command.usage: counter\n",
            "MeteredDuplicateName", 17, 7, "already defined at"),
        new Case("enum values mapping to one constant", VALID.replace("[prefix, slash]", "[prefix, Prefix]"),
            "MeteredDuplicateName", 8, 51, "both be the enum constant PREFIX"),
        new Case("metric name with capitals", VALID.replace("bot.command.usage", "bot.Command.usage"),
            "MeteredMetricName", 13, 7, "must be lowercase segments"),
        new Case("namespace with a dot", VALID.replace("namespace: bot", "namespace: my.bot"), "MeteredBadName", 2, 12, "namespace 'my.bot'"),
        new Case("string without max_length", VALID.replace("success: boolean", "success: string"),
            "MeteredSchemaMissingKey", 9, 7, "no 'max_length'"),
        new Case("enum whose values only handlers give, and none does", VALID.replace("{type: enum, values: [ping, info]}", "{type: enum, from_handlers: true}"),
            "MeteredEmptyEnum", 7, 7, "no @Metered handler"),
        new Case("distribution without value", VALID.replace(", value: duration", ""),
            "MeteredSchemaMissingKey", 14, 7, "has no 'value'"),
        new Case("condition value of the wrong type", VALID.replace("bot.command.usage: counter", "bot.command.usage: {type: counter, when: {command: pong}}"),
            "MeteredSchemaBadValue", 13, 58, "is not one of its values (ping, info)"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemaMistakes")
  void schemaMistakeIsOneCodedErrorAtItsPosition(Case mistake) {
    Compilation compilation = Compilations.compile(dir, mistake.schema());
    assertCodedError(compilation, mistake.code(), mistake.line(), mistake.column(), mistake.messagePart());
  }

  @Test
  void invalidUtf8IsReportedAtTheBadByte() {
    byte[] schema = "schema: 1\nnamespace: b\u00FFt\n".getBytes(StandardCharsets.ISO_8859_1);
    Compilation compilation = Compilations.compileBytes(dir, schema);
    assertCodedError(compilation, "MeteredSchemaEncoding", 2, 13, "not valid UTF-8 (byte 0xFF");
  }

  @Test
  void aHugeFileIsRefusedBeforeParsing() {
    byte[] schema = ("#" + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
    Compilation compilation = Compilations.compileBytes(dir, schema);
    assertCodedError(compilation, "MeteredSchemaTooLarge", 1, 1, "more than the limit");
  }

  @Test
  void anAliasThatRefersToItselfIsASyntaxError() {
    Compilation compilation = Compilations.compile(dir, "schema: 1\nfamilies: &loop\n  command: *loop\n");
    assertThat(Compilations.onlyError(compilation, "MeteredSchemaSyntax").getMessage(Locale.ROOT))
        .contains("metrics.yaml:");
    assertNoCrash(compilation);
  }

  @Test
  void aUserClassWithARecordersNameIsAnError() {
    JavaFileObject clash = Compilations.source("test.metrics.CommandMetrics", """
        package test.metrics;
        public class CommandMetrics {}
        """);
    Compilation compilation = Compilations.compile(dir, VALID, clash);
    assertThat(Compilations.onlyError(compilation, "MeteredDuplicateName").getMessage(Locale.ROOT))
        .contains("generates test.metrics.CommandMetrics", "rename one of them");
  }

  @Test
  void anEmojiAtAnyOffsetIsRead() {
    // snakeyaml-engine 2.10 once failed when a surrogate pair straddled its 1024-character read
    // buffer; shifting the emojis by one character puts a pair across every boundary once.
    for (int shift = 0; shift < 2; shift++) {
      String schema = VALID.replace("bot.command.usage: counter",
          "bot.command.usage: {type: counter, description: " + "x".repeat(shift) + "\uD83D\uDE00".repeat(700) + "}");
      Diagnostics diagnostics = new Diagnostics();
      var model = SchemaFile.decode("metrics.yaml", schema.getBytes(StandardCharsets.UTF_8), diagnostics)
          .flatMap(file -> new SchemaPipeline(diagnostics).read(file));
      assertThat(model).as("shift " + shift + ": " + diagnostics.all()).isPresent();
    }
  }

  @Test
  void aMissingFileNamedByTheOptionSaysWhereItLooked() {
    Path missing = dir.resolve("nowhere/metrics.yaml");
    Compilation compilation = Compilations.compileWithOptions(List.of("-Ametered.schema=" + missing));
    String message = Compilations.onlyError(compilation, "MeteredSchemaNotFound").getMessage(Locale.ROOT);
    assertThat(message).contains(missing.toString(), "-Ametered.schema");
    assertNoCrash(compilation);
  }

  @Test
  void withoutTheOptionEveryPlaceTriedIsListed() {
    Compilation compilation = Compilations.compileWithOptions(List.of());
    String message = Compilations.onlyError(compilation, "MeteredSchemaNotFound").getMessage(Locale.ROOT);
    assertThat(message).contains("CLASS_OUTPUT/metrics.yaml", "CLASS_PATH/metrics.yaml", "-Ametered.schema=");
  }

  @Test
  void aDirectoryInsteadOfAFileIsUnreadable() {
    Compilation compilation = Compilations.compileWithOptions(List.of("-Ametered.schema=" + dir));
    assertThat(Compilations.onlyError(compilation, "MeteredSchemaUnreadable").getMessage(Locale.ROOT))
        .contains(dir.toString());
  }

  @Test
  void theSchemaIsFoundOnTheClassPathWithoutTheOption() throws Exception {
    Path resources = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(resources.resolve("metrics.yaml"), VALID);
    JavaFileObject user = Compilations.source("test.User", """
        package test;
        class User {
          String name = test.metrics.CommandMetrics.USAGE;
        }
        """);
    Compilation compilation = Compilations.compileWithClasspath(List.of(resources.toFile()), user);
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
  }

  @Test
  void schemaErrorsAreAllReportedInOneCompilation() {
    String schema = VALID.replace("unit: millisecond", "unti: millisecond").replace("bot.command.usage: counter", "bot.command.usage: countr");
    Compilation compilation = Compilations.compile(dir, schema);
    assertThat(Compilations.errors(compilation)).hasSize(2)
        .anySatisfy(message -> assertThat(message).contains("[MeteredSchemaUnknownKey]"))
        .anySatisfy(message -> assertThat(message).contains("[MeteredSchemaBadValue]"));
  }

  static void assertCodedError(Compilation compilation, String code, int line, int column, String messagePart) {
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.FAILURE);
    Diagnostic<? extends JavaFileObject> error = Compilations.onlyError(compilation, code);
    assertThat(error.getMessage(Locale.ROOT))
        .as(Compilations.describe(compilation))
        .contains(File.separator + "metrics.yaml:" + line + ":" + column + ": ")
        .contains(messagePart);
    assertNoCrash(compilation);
  }

  static void assertNoCrash(Compilation compilation) {
    assertThat(Compilations.errors(compilation))
        .noneMatch(message -> message.contains("threw") || message.contains("MeteredInternalError")
            || message.contains("\tat ") || message.contains("Exception:"));
  }
}
