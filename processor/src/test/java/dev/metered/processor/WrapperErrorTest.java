package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordingSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every handler a wrapper cannot serve is a coded compile error, with the caret on the element or
 * annotation value at fault and a fix in the message; none is silently skipped. Also the
 * interface decorator, which has its own shape.
 */
class WrapperErrorTest {
  @TempDir Path dir;

  private Diagnostic<? extends JavaFileObject> onlyError(String code, String source) {
    return onlyError(code, WrapperBehaviourTest.SCHEMA, source);
  }

  private Diagnostic<? extends JavaFileObject> onlyError(String code, String schema, String source) {
    Compilation compilation = Compilations.compile(dir, schema, Compilations.source("test.Handlers", source));
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.FAILURE);
    SchemaErrorTest.assertNoCrash(compilation);
    return Compilations.onlyError(compilation, code);
  }

  private static String handlers(String body) {
    return """
        package test;

        import dev.metered.annotations.Attr;
        import dev.metered.annotations.Metered;
        import test.metrics.CommandMetrics.CommandType;

        %s
        """.formatted(body);
  }

  private static String atCaret(Diagnostic<? extends JavaFileObject> error) throws IOException {
    String text = error.getSource().getCharContent(true).toString();
    return text.substring((int) error.getStartPosition(), (int) error.getEndPosition());
  }

  private static String message(Diagnostic<? extends JavaFileObject> error) {
    return error.getMessage(Locale.ROOT);
  }

  @Test
  void privateMethod() throws IOException {
    var error = onlyError("MeteredHandlerShape", handlers("""
        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          private void ping() {}
        }
        """));
    assertThat(message(error)).contains("ping() is private", "make it package-private or wider");
    assertThat(error.getLineNumber()).isEqualTo(8);
  }

  @Test
  void staticMethod() {
    var error = onlyError("MeteredHandlerShape", handlers("""
        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          static void ping() {}
        }
        """));
    assertThat(message(error)).contains("ping() is static", "make it an instance method");
  }

  @Test
  void finalMethod() {
    var error = onlyError("MeteredHandlerShape", handlers("""
        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          final void ping() {}
        }
        """));
    assertThat(message(error)).contains("ping() is final", "remove 'final'");
  }

  @Test
  void finalClass() {
    var error = onlyError("MeteredHandlerShape", handlers("""
        final class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          void ping() {}
        }
        """));
    assertThat(message(error)).contains("class Handlers is final", "remove 'final' from the class");
  }

  @Test
  void noAccessibleConstructor() {
    var error = onlyError("MeteredHandlerConstructor", handlers("""
        class Handlers {
          private Handlers() {}

          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          void ping() {}
        }
        """));
    assertThat(message(error)).contains("every constructor of Handlers is private", "make a constructor package-private");
  }

  @Test
  void attrOfTheWrongType() throws IOException {
    var error = onlyError("MeteredAttrType", handlers("""
        class Handlers {
          @Metered(family = "command", attributes = "command=ping")
          void ping(@Attr("command_type") String type) {}
        }
        """));
    assertThat(message(error)).contains("must be test.metrics.CommandMetrics.CommandType, not java.lang.String");
    assertThat(atCaret(error)).isEqualTo("\"command_type\"");
  }

  /**
   * In the first round javac cannot tell ping(String) from the ping(CommandType) before it, whose
   * enum is not generated yet, and leaves it out. It is reported, and the handler after it is
   * still found in the later round: its first-round error stays on it.
   */
  @Test
  void anOverloadJavacHidFromTheFirstRound() throws IOException {
    Compilation compilation = Compilations.compile(dir, WrapperBehaviourTest.SCHEMA,
        Compilations.source("test.Handlers", handlers("""
            class Handlers {
              @Metered(family = "command", attributes = "command=ping")
              void ping(@Attr("command_type") CommandType type) {}

              @Metered(family = "command", attributes = {"command=echo", "command_type=slash"})
              void ping(String text) {}

              @Metered(family = "command", attributes = {"command=save", "command_type=nope"})
              void save() {}
            }
            """)));
    SchemaErrorTest.assertNoCrash(compilation);
    assertThat(compilation.errors()).as(Compilations.describe(compilation)).hasSize(2);
    var hidden = Compilations.onlyError(compilation, "MeteredHiddenOverload");
    assertThat(message(hidden)).contains("javac left this overload out of the first round",
        "give it another name, or declare it before");
    assertThat(hidden.getLineNumber()).isEqualTo(11);
    var unknown = Compilations.onlyError(compilation, "MeteredUnknownValue");
    assertThat(unknown.getLineNumber()).isEqualTo(14);
    assertThat(atCaret(unknown)).isEqualTo("\"command_type=nope\"");
  }

  @Test
  void aRequiredAttributeNothingSupplies() {
    var error = onlyError("MeteredUnsuppliedField", handlers("""
        class Handlers {
          @Metered(family = "command", attributes = "command=ping")
          void ping() {}
        }
        """));
    assertThat(message(error)).contains("nothing gives the required attribute 'command_type'",
        "@Metered(attributes = \"command_type=...\")", "@Attr(\"command_type\")");
  }

  @Test
  void aFamilyWithoutADurationMeasure() throws IOException {
    String schema = WrapperBehaviourTest.SCHEMA
        .replace("duration: double", "size: {type: double, optional: true}")
        .replace("bot.command.execution_time: {type: distribution, unit: millisecond, value: duration, description: Time.}",
            "bot.command.payload: {type: distribution, unit: byte, value: size, description: Size.}");
    var error = onlyError("MeteredHandlerNoDuration", schema, handlers("""
        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          void ping() {}
        }
        """));
    assertThat(message(error)).contains("no distribution with a duration unit");
    assertThat(atCaret(error)).isEqualTo("\"command\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInterfaceGetsADecoratorThatDelegatesEverything() {
    JavaFileObject greeter = Compilations.source("test.Greeter", """
        package test;

        import dev.metered.annotations.Attr;
        import dev.metered.annotations.Metered;
        import test.metrics.CommandMetrics.CommandType;

        public interface Greeter {
          @Metered(family = "command", attributes = "command=greet")
          String greet(@Attr("command_type") CommandType type, String name);

          String farewell(String name);

          default String shout(String name) {
            return greet(CommandType.SLASH, name).toUpperCase();
          }
        }
        """);
    JavaFileObject driver = Compilations.source("test.Driver", """
        package test;

        import java.util.function.Function;

        public class Driver implements Function<String, Object> {
          @Override
          public Object apply(String name) {
            Greeter plain = new Greeter() {
              @Override public String greet(test.metrics.CommandMetrics.CommandType type, String who) { return "hi " + who; }
              @Override public String farewell(String who) { return "bye " + who; }
            };
            Greeter decorated = new Greeter_Metered(plain);
            return decorated.greet(test.metrics.CommandMetrics.CommandType.PREFIX, name) + "/" + decorated.farewell(name);
          }
        }
        """);
    Compilation compilation = Compilations.compile(dir, WrapperBehaviourTest.SCHEMA, greeter, driver);
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    RecordingSink sink = new RecordingSink();
    MeteredRuntime.setGlobalSink(sink);
    try {
      Object result = new GeneratedClasses(compilation).instantiate("test.Driver", Function.class).apply("ada");
      assertThat(result).isEqualTo("hi ada/bye ada");
      assertThat(sink.recorded("bot.command.usage")).extracting(m -> m.attributeMap())
          .containsExactly(Map.of("command", "greet", "command_type", "prefix", "success", true));
    } finally {
      MeteredRuntime.resetGlobalSink();
    }
  }
}
