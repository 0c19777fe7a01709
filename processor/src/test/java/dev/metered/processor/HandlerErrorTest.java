package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes in {@code @Metered} and {@code @Attr} are compile errors on the annotation value at
 * fault, with a code and a suggestion.
 */
class HandlerErrorTest {
  static final String SCHEMA = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          attributes:
            command: {type: enum, from_handlers: true}
            command_type: {type: enum, values: [prefix, slash]}
            success: boolean
          metrics:
            bot.command.usage: counter
      """;

  @TempDir Path dir;

  private Diagnostic<? extends JavaFileObject> onlyError(String code, String handlerLine) {
    JavaFileObject source = Compilations.source("test.Handlers", """
        package test;

        import dev.metered.annotations.Attr;
        import dev.metered.annotations.Metered;

        class Handlers {
          @Metered(family = "command", attributes = "command=ping")
          void ping() {}

        %s
        }
        """.formatted(handlerLine));
    Compilation compilation = Compilations.compile(dir, SCHEMA, source);
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.FAILURE);
    Diagnostic<? extends JavaFileObject> error = Compilations.onlyError(compilation, code);
    assertThat(error.getSource().getName()).endsWith("Handlers.java");
    assertThat(error.getLineNumber()).as("the line of the handler under test").isEqualTo(10);
    SchemaErrorTest.assertNoCrash(compilation);
    return error;
  }

  /** The source text the caret points at. */
  private static String atCaret(Diagnostic<? extends JavaFileObject> error) {
    try {
      String text = error.getSource().getCharContent(true).toString();
      return text.substring((int) error.getStartPosition(), (int) error.getEndPosition());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void unknownFamilyIsReportedOnTheFamilyValueWithASuggestion() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredUnknownFamily",
        "  @Metered(family = \"comand\") void a() {}");
    assertThat(error.getMessage(Locale.ROOT)).contains("no family 'comand'", "did you mean 'command'?");
    assertThat(atCaret(error)).isEqualTo("\"comand\"");
  }

  @Test
  void unknownAttributeIsReportedOnItsEntry() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredUnknownAttribute",
        "  @Metered(family = \"command\", attributes = {\"command=info\", \"comand_type=slash\"}) void a() {}");
    assertThat(error.getMessage(Locale.ROOT)).contains("no attribute 'comand_type'", "did you mean 'command_type'?");
    assertThat(atCaret(error)).isEqualTo("\"comand_type=slash\"");
  }

  @Test
  void valueOutsideAClosedSetIsReportedWithASuggestion() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredUnknownValue",
        "  @Metered(family = \"command\", attributes = {\"command=info\", \"command_type=slsh\"}) void a() {}");
    assertThat(error.getMessage(Locale.ROOT)).contains("'slsh' is not a value of 'command_type'", "did you mean 'slash'?");
  }

  @Test
  void entryWithoutEqualsSignIsMalformed() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredBadHandlerAttribute",
        "  @Metered(family = \"command\", attributes = \"info\") void a() {}");
    assertThat(error.getMessage(Locale.ROOT)).contains("must be written 'attribute=value'");
  }

  @Test
  void nonEnumAttributeCannotBeFixedByAHandler() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredBadHandlerAttribute",
        "  @Metered(family = \"command\", attributes = {\"command=info\", \"success=true\"}) void a() {}");
    assertThat(error.getMessage(Locale.ROOT)).contains("enum attributes only", "@Attr parameter");
  }

  @Test
  void unknownAttrParameterIsReportedOnTheParameter() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredUnknownAttribute",
        "  @Metered(family = \"command\", attributes = \"command=info\") void a(@Attr(\"comand_type\") String type) {}");
    assertThat(error.getMessage(Locale.ROOT)).contains("did you mean 'command_type'?");
    assertThat(atCaret(error)).isEqualTo("\"comand_type\"");
  }
}
