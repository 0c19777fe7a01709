package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages built from a type or kind name read as English ("an integer", "an enum", "a
 * record"), and each says what is really wrong: two {@code @Attr} parameters for one attribute
 * are told about each other, not about {@code @Metered(attributes = ...)}.
 */
class MessageWordingTest {
  static final String SCHEMA = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          attributes:
            command: {type: enum, from_handlers: true}
            status: {type: enum, values: [ok, failed]}
            retries: {type: integer, optional: true, max_values: 5}
            label: {type: string, max_length: 10, optional: true, max_values: 5}
            success: boolean
          inputs:
            duration: double
          metrics:
            bot.command.duration: {type: distribution, unit: millisecond, value: duration, description: Time.}
      """;

  @TempDir Path dir;

  /** The one error with {@code code} of compiling {@code handlers}, a class declaration in package test. */
  private Diagnostic<? extends JavaFileObject> onlyError(String code, String handlers) {
    String source = """
        package test;
        import dev.metered.annotations.Attr;
        import dev.metered.annotations.Metered;
        import test.metrics.CommandMetrics.Status;
        """ + handlers;
    Compilation compilation = Compilations.compile(dir, SCHEMA, Compilations.source("test.Handlers", source));
    return Compilations.onlyError(compilation, code);
  }

  private static String message(Diagnostic<? extends JavaFileObject> error) {
    return error.getMessage(Locale.ROOT);
  }

  private static String atCaret(Diagnostic<? extends JavaFileObject> error) {
    try {
      String text = error.getSource().getCharContent(true).toString();
      return text.substring((int) error.getStartPosition(), (int) error.getEndPosition());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anAttrOfTheWrongTypeForAnIntegerSaysAnInteger() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredAttrType", """
        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "status=ok"})
          void ping(@Attr("retries") String retries) {}
        }
        """);
    assertThat(message(error)).isEqualTo("[MeteredAttrType] the attribute 'retries' is an integer, so this parameter"
        + " must be long or int, not java.lang.String");
  }

  @Test
  void aHandlerInAnEnumSaysAnEnum() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredHandlerShape", """
        enum Handlers {
          ONE;
          @Metered(family = "command", attributes = {"command=ping", "status=ok"})
          void ping() {}
        }
        """);
    assertThat(message(error)).isEqualTo("[MeteredHandlerShape] @Metered handlers must be methods of a class or an"
        + " interface; an enum cannot be subclassed. Move the handler into a class; until it is fixed"
        + " Handlers_Metered is not generated");
  }

  @Test
  void aHandlerInARecordSaysARecord() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredHandlerShape", """
        record Handlers(int x) {
          @Metered(family = "command", attributes = {"command=ping", "status=ok"})
          public void ping() {}
        }
        """);
    assertThat(message(error)).isEqualTo("[MeteredHandlerShape] @Metered handlers must be methods of a class or an"
        + " interface; a record cannot be subclassed. Move the handler into a class; until it is fixed"
        + " Handlers_Metered is not generated");
  }

  @Test
  void aHandlerFixingAStringAttributeSaysAString() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredBadHandlerAttribute", """
        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "status=ok", "label=x"})
          void ping() {}
        }
        """);
    assertThat(message(error)).isEqualTo("[MeteredBadHandlerAttribute] a handler fixes enum attributes only, and"
        + " 'label' is a string; pass it with an @Attr parameter instead");
  }

  @Test
  void twoAttrParametersForOneAttributeAreToldAboutEachOtherOnTheSecond() throws IOException {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredBadHandlerAttribute", """
        class Handlers {
          @Metered(family = "command", attributes = "command=ping")
          void ping(@Attr("status") Status first, @Attr("status") Status second) {}
        }
        """);
    assertThat(message(error)).isEqualTo("[MeteredBadHandlerAttribute] 'status' is already supplied by the @Attr"
        + " parameter 'first'; remove one of the two");
    assertThat(error.getSource().getCharContent(true).toString().substring(0, (int) error.getStartPosition()))
        .contains("Status first, @Attr(").doesNotContain("Status second");
    assertThat(atCaret(error)).isEqualTo("\"status\"");
  }

  @Test
  void anAttrRepeatingAConstantStillSaysTheConstantFixesIt() {
    Diagnostic<? extends JavaFileObject> error = onlyError("MeteredBadHandlerAttribute", """
        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "status=ok"})
          void ping(@Attr("status") Status status) {}
        }
        """);
    assertThat(message(error)).isEqualTo("[MeteredBadHandlerAttribute] 'status' is fixed by @Metered(attributes = ...)"
        + " already; remove the constant or this @Attr");
  }

  @Test
  void schemaMessagesAboutAFieldsTypeUseTheArticleToo() {
    Compilation compilation = Compilations.compile(dir, """
        schema: 1
        namespace: bot
        package: test.metrics
        families:
          command:
            attributes:
              label: {type: string, max_length: 10, max_values: 5}
              kind: {type: enum, values: [a, b]}
            metrics:
              bot.command.size: {type: gauge, value: label, description: Sizes.}
              bot.command.big: {type: counter, when: {kind: {above: 1}}, description: Big ones.}
        """);
    assertThat(Compilations.errors(compilation))
        .anySatisfy(error -> assertThat(error).contains("must be an integer or double field, but 'label' is a string"))
        .anySatisfy(error -> assertThat(error).contains("applies to integer and double fields, and 'kind' is an enum"));
  }
}
