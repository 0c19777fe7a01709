package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.Metric;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated wrappers, run: they record each call's outcome and time through the global sink and
 * leave what the caller sees exactly as the original method would.
 */
class WrapperBehaviourTest {
  static final String SCHEMA = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          description: One command.
          attributes:
            command: {type: enum, from_handlers: true, description: The command.}
            command_type: {type: enum, values: [prefix, slash]}
            success: boolean
            error_type: {type: string, max_length: 100, max_values: 20, optional: true}
          inputs:
            duration: double
          metrics:
            bot.command.execution_time: {type: distribution, unit: millisecond, value: duration, description: Time.}
            bot.command.usage: {type: counter, description: Uses.}
      """;

  /** Handlers whose behaviour each test picks through a {@code Function<String, Object>}. */
  static final JavaFileObject COMMANDS = Compilations.source("test.Commands", """
      package test;

      import dev.metered.annotations.Attr;
      import dev.metered.annotations.Metered;
      import java.io.IOException;
      import java.util.concurrent.CompletableFuture;
      import test.metrics.CommandMetrics.CommandType;

      public class Commands {
        public static final IOException CHECKED = new IOException("disk");
        public static final IllegalStateException UNCHECKED = new IllegalStateException("state");
        public CompletableFuture<String> pending = new CompletableFuture<>();
        public int calls;

        @Metered(family = "command", attributes = "command=ping")
        public String ping(@Attr("command_type") CommandType type) {
          calls++;
          return "pong";
        }

        /** An overload of ping, with attributes of its own. */
        @Metered(family = "command", attributes = "command=echo")
        public String ping(@Attr("command_type") CommandType type, String text) {
          return text;
        }

        @Metered(family = "command", attributes = "command=save")
        public void save(@Attr("command_type") CommandType type) throws IOException {
          throw CHECKED;
        }

        @Metered(family = "command", attributes = "command=fail")
        public int fail(@Attr("command_type") CommandType type) {
          throw UNCHECKED;
        }

        @Metered(family = "command", attributes = "command=fetch")
        public CompletableFuture<String> fetch(@Attr("command_type") CommandType type) {
          return pending;
        }

        /** Calls another handler of the same class: both are recorded. */
        @Metered(family = "command", attributes = "command=twice")
        public String twice(@Attr("command_type") CommandType type) {
          return ping(type) + ping(type);
        }

        @Metered(family = "command", attributes = "command=odd")
        public int odd(@Attr("command_type") CommandType type) {
          throw new IllegalStateException("anonymous") {};
        }

        @Metered(family = "command", attributes = "command=nap")
        public boolean nap(@Attr("command_type") CommandType type) throws InterruptedException {
          Thread.currentThread().interrupt();
          throw new InterruptedException("woken");
        }
      }
      """);

  /** Drives the wrapper through plain Java, as a user's code would. */
  static final JavaFileObject DRIVER = Compilations.source("test.Driver", """
      package test;

      import java.util.function.Function;
      import test.metrics.CommandMetrics.CommandType;

      public class Driver implements Function<String, Object> {
        public final Commands commands = new Commands_Metered();

        @Override
        public Object apply(String call) {
          try {
            return switch (call) {
              case "ping" -> commands.ping(CommandType.SLASH);
              case "echo" -> commands.ping(CommandType.PREFIX, "echo");
              case "save" -> { commands.save(CommandType.PREFIX); yield null; }
              case "fail" -> commands.fail(CommandType.SLASH);
              case "fetch" -> commands.fetch(CommandType.SLASH);
              case "twice" -> commands.twice(CommandType.PREFIX);
              case "nap" -> commands.nap(CommandType.SLASH);
              case "odd" -> commands.odd(CommandType.SLASH);
              case "commands" -> commands;
              default -> throw new IllegalArgumentException(call);
            };
          } catch (java.io.IOException | InterruptedException e) {
            return e;
          }
        }
      }
      """);

  @TempDir static Path dir;
  static GeneratedClasses classes;
  RecordingSink sink;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile(dir, SCHEMA, COMMANDS, DRIVER);
    classes = GeneratedClasses.ofSuccessful(compilation);
  }

  @BeforeEach
  void recordGlobally() {
    sink = new RecordingSink();
    MeteredRuntime.setGlobalSink(sink);
  }

  @AfterEach
  void restore() {
    MeteredRuntime.resetGlobalSink();
    Thread.interrupted(); // never leak an interrupt into the next test
  }

  @SuppressWarnings("unchecked")
  private Function<String, Object> driver() {
    return classes.instantiate("test.Driver", Function.class);
  }

  /**
   * By the recorder's public descriptor: no catalog on this test's class path declares the name,
   * so the name alone is refused while nothing is recorded under it.
   */
  private List<RecordedMetric> usage() {
    try {
      Metric usage = (Metric) classes.loadClass("test.metrics.CommandMetrics").getField("USAGE_METRIC").get(null);
      return sink.recorded(usage);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no public USAGE_METRIC", e);
    }
  }

  @Test
  void successIsRecordedWithTheResultReturned() {
    assertThat(driver().apply("ping")).isEqualTo("pong");
    assertThat(usage()).extracting(RecordedMetric::attributeMap)
        .containsExactly(Map.of("command", "ping", "command_type", "slash", "success", true));
    assertThat(sink.recorded("bot.command.execution_time")).singleElement()
        .satisfies(point -> assertThat(point.value()).isGreaterThanOrEqualTo(0.0).isLessThan(10_000.0));
  }

  @Test
  void eachOverloadIsRecordedWithItsOwnAttributes() {
    assertThat(driver().apply("echo")).isEqualTo("echo");
    assertThat(driver().apply("ping")).isEqualTo("pong");
    assertThat(usage()).extracting(RecordedMetric::attributeMap).containsExactly(
        Map.of("command", "echo", "command_type", "prefix", "success", true),
        Map.of("command", "ping", "command_type", "slash", "success", true));
  }

  @Test
  void aCheckedExceptionIsRecordedAndRethrownAsTheSameInstance() throws Exception {
    Object thrown = driver().apply("save");
    assertThat(thrown).isSameAs(classes.loadClass("test.Commands").getField("CHECKED").get(null));
    assertThat(usage()).extracting(RecordedMetric::attributeMap)
        .containsExactly(Map.of("command", "save", "command_type", "prefix", "success", false,
            "error_type", "IOException"));
  }

  @Test
  void anUncheckedExceptionIsRecordedAndRethrownAsTheSameInstance() throws Exception {
    Object expected = classes.loadClass("test.Commands").getField("UNCHECKED").get(null);
    assertThatThrownBy(() -> driver().apply("fail")).isSameAs(expected);
    assertThat(usage()).extracting(m -> m.attributeMap().get("success"), m -> m.attributeMap().get("error_type"))
        .containsExactly(tuple(false, "IllegalStateException"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAsyncResultIsTimedUntilItCompletesAndReturnedAsIs() throws Exception {
    Function<String, Object> driver = driver();
    Object commands = driver.apply("commands");
    CompletableFuture<String> pending = (CompletableFuture<String>) commands.getClass().getField("pending").get(commands);
    Object returned = driver.apply("fetch");
    assertThat(returned).isSameAs(pending);
    assertThat(usage()).as("nothing recorded before the stage completes").isEmpty();
    pending.complete("page");
    assertThat(usage()).extracting(RecordedMetric::attributeMap)
        .containsExactly(Map.of("command", "fetch", "command_type", "slash", "success", true));
    assertThat(((CompletableFuture<String>) returned).join()).isEqualTo("page");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFailedAsyncResultIsRecordedWithItsCausesType() throws Exception {
    Function<String, Object> driver = driver();
    Object commands = driver.apply("commands");
    CompletableFuture<String> pending = (CompletableFuture<String>) commands.getClass().getField("pending").get(commands);
    CompletableFuture<String> returned = (CompletableFuture<String>) driver.apply("fetch");
    RuntimeException cause = new UnsupportedOperationException("offline");
    pending.completeExceptionally(new CompletionException(cause));
    assertThat(usage()).extracting(m -> m.attributeMap().get("success"), m -> m.attributeMap().get("error_type"))
        .containsExactly(tuple(false, "UnsupportedOperationException"));
    assertThatThrownBy(returned::join).isInstanceOf(CompletionException.class).hasCause(cause);
  }

  @Test
  void anErrorWhileRecordingNeverReplacesTheHandlersOutcome() throws Exception {
    MeteredRuntime.setGlobalSink((metric, value, attributes) -> {
      throw new NoSuchMethodError("io.sentry.Sentry.metrics()");
    });
    long before = MeteredRuntime.recordingFailures();
    Function<String, Object> driver = driver();

    assertThat(driver.apply("ping")).isEqualTo("pong");
    assertThat(driver.apply("save")).isSameAs(classes.loadClass("test.Commands").getField("CHECKED").get(null));
    Object unchecked = classes.loadClass("test.Commands").getField("UNCHECKED").get(null);
    assertThatThrownBy(() -> driver.apply("fail")).isSameAs(unchecked);
    assertThat(MeteredRuntime.recordingFailures()).as("each call's recording failed and was counted").isEqualTo(before + 3);
  }

  @Test
  void aVirtualMachineErrorWhileRecordingASuccessIsNotRecordedAsTheHandlersFailure() {
    StackOverflowError overflow = new StackOverflowError();
    MeteredRuntime.setGlobalSink((metric, value, attributes) -> {
      sink.record(metric, value, attributes);
      throw overflow;
    });

    assertThatThrownBy(() -> driver().apply("ping")).isSameAs(overflow);
    assertThat(sink.recorded()).as("the success alone, no failure of the handler")
        .extracting(point -> point.attributeMap().get("success")).containsExactly(true);
  }

  @Test
  void callsFromInsideTheClassAreRecordedToo() {
    assertThat(driver().apply("twice")).isEqualTo("pongpong");
    assertThat(usage()).extracting(m -> m.attributeMap().get("command"))
        .containsExactly("ping", "ping", "twice");
  }

  @Test
  void anAnonymousExceptionIsRecordedUnderItsSuperclassName() {
    assertThatThrownBy(() -> driver().apply("odd")).isInstanceOf(IllegalStateException.class);
    assertThat(usage()).extracting(m -> m.attributeMap().get("error_type")).containsExactly("IllegalStateException");
  }

  @Test
  void anInterruptStaysSet() {
    Object thrown = driver().apply("nap");
    assertThat(thrown).isInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).as("the interrupt status after the call").isTrue();
    assertThat(usage()).extracting(m -> m.attributeMap().get("error_type")).containsExactly("InterruptedException");
  }

  @Test
  void theWrapperHasTheOriginalsVisibility() throws Exception {
    Compilation compilation = Compilations.compile(dir, SCHEMA, Compilations.source("test.Hidden", """
        package test;

        import dev.metered.annotations.Metered;

        class Hidden {
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          void ping() {}
        }
        """));
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    String wrapper = compilation.generatedSourceFile("test.Hidden_Metered").orElseThrow().getCharContent(true).toString();
    assertThat(wrapper).contains("\nclass Hidden_Metered extends Hidden {").doesNotContain("public class");
    assertThat(classes.loadClass("test.Commands_Metered").getModifiers() & java.lang.reflect.Modifier.PUBLIC)
        .as("a public original's wrapper is public").isNotZero();
  }

  @Test
  void theWrapperIsTheOriginalTypeAndDoesItsWork() throws Exception {
    Object commands = driver().apply("commands");
    assertThat(classes.loadClass("test.Commands")).isAssignableFrom(commands.getClass());
    assertThat(commands.getClass().getSimpleName()).isEqualTo("Commands_Metered");
  }
}
