package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names the user's code declares never change what generated code means. A wrapper is a
 * subclass (or a decorator) in the handler's package, so the handler's member types, fields,
 * type variables and parameters, its supertypes' member types and the package's own classes
 * are all in its scope; a recorder sits in the schema's package. Each case declares one such
 * name, then runs the wrapper: it must compile, time the real call (a 30 ms sleep), and record
 * success and failure as always.
 */
class NameCaptureTest {
  static final String SCHEMA = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          attributes:
            command: {type: enum, from_handlers: true}
            success: boolean
            error_type: {type: string, max_length: 100, max_values: 20, optional: true}
          inputs:
            duration: double
          metrics:
            bot.command.execution_time: {type: distribution, unit: millisecond, value: duration}
            bot.command.usage: counter
      """;

  /** A member {@code System} whose clock stands still: a wrapper that used it would record 0 ms. */
  static final String FROZEN_SYSTEM = "public static class System { public static long nanoTime() { return 0L; } }";

  @TempDir Path dir;
  RecordingSink sink;

  @BeforeEach
  void installSink() {
    sink = RecordingSink.installGlobally();
  }

  @AfterEach
  void removeSink() {
    MeteredRuntime.resetGlobalSink();
  }

  /** One way a name reaches the wrapper's scope. */
  record Case(String name, String typeParameters, String supertypes, String members, String parameter,
      List<JavaFileObject> others) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        member("a member System with its own nanoTime()", FROZEN_SYSTEM),
        member("a member CommandMetrics, the recorder's name", "public static class CommandMetrics {}"),
        member("a member Throwable", "public static class Throwable {}"),
        member("a member ErrorTypes", "public static class ErrorTypes {}"),
        // Kept at run time: a wrapper method annotated with it would show it.
        member("a member Override", "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
            + " public @interface Override {}"),
        member("a member String", "public static class String {}"),
        // Without value(): the wrapper's @SuppressWarnings({...}) would not compile against it.
        member("a member SuppressWarnings", "public @interface SuppressWarnings {}"),
        member("a member Objects", "public static class Objects {}"),
        member("a member Metered_ used nowhere", "public static class Handler_Metered {}"),
        member("a field named System", "public int System = 1;"),
        member("a field named CommandMetrics", "public Object CommandMetrics = null;"),
        new Case("a type variable named System", "<System>", "", "", "boolean fail", List.of()),
        new Case("a parameter named System", "", "", "", "boolean System", List.of()),
        new Case("a superclass's member System", "", "extends Base", "", "boolean fail",
            List.of(Compilations.source("test.Base", "package test; public class Base { " + FROZEN_SYSTEM + " }"))),
        new Case("an interface's member System", "", "implements Clocked", "", "boolean fail",
            List.of(Compilations.source("test.Clocked", "package test; public interface Clocked { class System {"
                + " public static long nanoTime() { return 0L; } } }"))),
        new Case("a class System in the handler's package", "", "", "", "boolean fail",
            List.of(Compilations.source("test.System", "package test; public class System {"
                + " public static long nanoTime() { return 0L; } }"))),
        new Case("a class String in the handler's package", "", "", "", "boolean fail",
            List.of(Compilations.source("test.String", "package test; public class String {}"))),
        new Case("classes String, Override and RuntimeException in the recorders' package", "", "", "", "boolean fail",
            List.of(Compilations.source("test.metrics.String", "package test.metrics; public class String {}"),
                Compilations.source("test.metrics.Override", "package test.metrics; public @interface Override {}"),
                Compilations.source("test.metrics.RuntimeException", "package test.metrics; public class RuntimeException {}"),
                Compilations.source("test.metrics.Boolean", "package test.metrics; public class Boolean {}"))))
        .map(Arguments::of);
  }

  static Case member(String name, String member) {
    return new Case(name, "", "", member, "boolean fail", List.of());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theWrapperTimesAndRecordsTheRealCall(Case scenario) throws Exception {
    String parameterName = scenario.parameter().substring(scenario.parameter().indexOf(' ') + 1);
    JavaFileObject handler = Compilations.source("test.Handler", """
        package test;

        import dev.metered.annotations.Metered;

        public class Handler%s %s {
          %s

          @Metered(family = "command", attributes = "command=run")
          public void run(%s, java.lang.String label) throws InterruptedException {
            java.lang.Thread.sleep(30);
            if (%s) {
              throw new java.lang.IllegalStateException("failed");
            }
          }
        }
        """.formatted(scenario.typeParameters(), scenario.supertypes(), scenario.members(), scenario.parameter(),
        parameterName));
    List<JavaFileObject> sources = new ArrayList<>(scenario.others());
    sources.add(handler);
    Compilation compilation = Compilations.compile(dir, SCHEMA, sources.toArray(new JavaFileObject[0]));
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(compilation);

    Object wrapper = classes.loadClass("test.Handler_Metered").getConstructor().newInstance();
    Method run = wrapper.getClass().getMethod("run", boolean.class, String.class);
    assertThat(run.getDeclaredAnnotations()).isEmpty();
    run.invoke(wrapper, false, "label");
    assertThatThrownBy(() -> run.invoke(wrapper, true, "label"))
        .isInstanceOf(InvocationTargetException.class)
        .cause().isInstanceOf(IllegalStateException.class);

    List<RecordedMetric> times = sink.recorded("bot.command.execution_time");
    assertThat(times).extracting(RecordedMetric::attributeMap).containsExactly(
        Map.of("command", "run", "success", true),
        Map.of("command", "run", "success", false, "error_type", "IllegalStateException"));
    assertThat(times).allSatisfy(time -> assertThat(time.value()).isGreaterThanOrEqualTo(25.0));
    assertThat(sink.recorded("bot.command.usage")).hasSize(2);
  }

  @Test
  void aDecoratorNeverUsesTheInterfacesMemberTypesForItsOwn() throws Exception {
    JavaFileObject greeter = Compilations.source("test.Greeter", """
        package test;

        import dev.metered.annotations.Metered;

        public interface Greeter {
          class Objects { public static Object requireNonNull(Object o, java.lang.String s) { return null; } }
          class System { public static long nanoTime() { return 0L; } }

          @Metered(family = "command", attributes = "command=greet")
          java.lang.String greet(java.lang.String name) throws InterruptedException;
        }
        """);
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(Compilations.compile(dir, SCHEMA, greeter));
    Class<?> greeterType = classes.loadClass("test.Greeter");
    Object implementation = java.lang.reflect.Proxy.newProxyInstance(classes, new Class<?>[] {greeterType},
        (proxy, method, arguments) -> {
          TimeUnit.MILLISECONDS.sleep(30);
          return "hello " + arguments[0];
        });
    Object decorator = classes.loadClass("test.Greeter_Metered").getConstructor(greeterType).newInstance(implementation);
    assertThat(decorator.getClass().getMethod("greet", String.class).invoke(decorator, "ada")).isEqualTo("hello ada");
    assertThat(sink.recorded("bot.command.execution_time")).singleElement()
        .satisfies(time -> assertThat(time.value()).isGreaterThanOrEqualTo(25.0));
  }

  @Test
  void anAsyncWrapperNeverUsesAMemberCompletionException() throws Exception {
    JavaFileObject handler = Compilations.source("test.Handler", """
        package test;

        import dev.metered.annotations.Metered;
        import java.util.concurrent.CompletableFuture;

        public class Handler {
          public static class CompletionException extends java.lang.RuntimeException {}
          public static class Throwable {}

          @Metered(family = "command", attributes = "command=fetch")
          public CompletableFuture<java.lang.String> fetch() {
            return CompletableFuture.failedFuture(new java.util.concurrent.CompletionException(new java.io.IOException("down")));
          }
        }
        """);
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(Compilations.compile(dir, SCHEMA, handler));
    Object wrapper = classes.loadClass("test.Handler_Metered").getConstructor().newInstance();
    CompletionStage<?> stage = (CompletionStage<?>) wrapper.getClass().getMethod("fetch").invoke(wrapper);
    assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
    assertThat(sink.recorded("bot.command.execution_time")).extracting(RecordedMetric::attributeMap)
        .containsExactly(Map.of("command", "fetch", "success", false, "error_type", "IOException"));
  }

  /** A one-family schema {@code job} with the given attribute lines. */
  static String jobSchema(String attributes) {
    return """
        schema: 1
        namespace: bot
        package: test.metrics
        families:
          job:
            attributes:
        %s
            metrics:
              bot.job.count: counter
        """.formatted(attributes.indent(6).stripTrailing());
  }

  @Test
  void anOptionalFieldNamedEmitIsSetNotMistakenForTheRecordersEmit() throws Exception {
    Compilation compilation = Compilations.compile(dir, jobSchema("""
        kind: {type: enum, values: [a]}
        emit: {type: string, max_length: 10, optional: true}"""));
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(compilation);
    Class<?> recorder = classes.loadClass("test.metrics.JobMetrics");
    Class<?> kind = classes.loadClass("test.metrics.JobMetrics$Kind");
    Object metrics = recorder.getConstructor(dev.metered.runtime.MetricSink.class).newInstance(sink);
    Object event = recorder.getMethod("event", kind).invoke(metrics, kind.getEnumConstants()[0]);
    event = event.getClass().getMethod("emit", String.class).invoke(event, "x");
    event.getClass().getMethod("record").invoke(event);
    assertThat(sink.recorded("bot.job.count")).extracting(RecordedMetric::attributeMap)
        .containsExactly(Map.of("kind", "a", "emit", "x"));
  }

  /** The message of the one error, a {@code MeteredDuplicateName}, of the {@code job} family with {@code attributes}. */
  private String onlyDuplicateName(String attributes) {
    Compilation compilation = Compilations.compile(dir, jobSchema(attributes));
    assertThat(compilation.errors()).hasSize(1);
    return Compilations.onlyError(compilation, "MeteredDuplicateName").getMessage(java.util.Locale.ROOT);
  }

  /** What a name the recorder would declare twice keeps from being generated. */
  private static final String NOT_GENERATED = "; until it is fixed JobMetrics is not generated";

  @Test
  void anEnumNamedLikeTheRecorderIsOneError() {
    assertThat(onlyDuplicateName("job_metrics: {type: enum, values: [a]}"))
        .endsWith("the enum of 'job_metrics' would be the nested class JobMetrics, the name of the family's"
            + " recorder; rename the field" + NOT_GENERATED);
  }

  @Test
  void anEnumNamedEventBesideOptionalFieldsIsOneError() {
    assertThat(onlyDuplicateName("""
        event: {type: enum, values: [a]}
        note: {type: string, max_length: 10, optional: true}"""))
        .endsWith("the enum of 'event' would be the nested class Event, the name of JobMetrics's builder of"
            + " events with optional fields; rename the field" + NOT_GENERATED);
  }

  @Test
  void aFieldNamedLikeAnotherFieldsGivenFlagIsOneError() {
    assertThat(onlyDuplicateName("""
        retry: {type: integer, optional: true, max_values: 3}
        retry_given: boolean"""))
        .endsWith("the attribute 'retry_given' would be the parameter retryGiven of JobMetrics, the flag that says"
            + " whether the optional 'retry' was given; rename one of them" + NOT_GENERATED);
  }

  @Test
  void aMetricWhoseConstantIsOneOfTheRecordersOwnIsOneError() {
    Map<String, String> taken = new java.util.LinkedHashMap<>();
    taken.put("bot.job.global", "the recorder's global instance; rename the metric");
    taken.put("bot.job.count_series", "the series table of the metric 'bot.job.count'; rename one of them");
    taken.put("bot.job.count_metric", "the descriptor of the metric 'bot.job.count'; rename one of them");
    taken.put("bot.job.done_true", "the value true of the attribute 'done'; rename one of them");
    taken.put("bot.job.kind_values", "the series dimension of the attribute 'kind'; rename one of them");
    taken.put("bot.job.kind_values_or_absent", "the series dimension of the attribute 'kind'; rename one of them");
    taken.forEach((metric, what) -> {
      Compilation compilation = Compilations.compile(dir, jobSchema("kind: {type: enum, values: [a]}\ndone: boolean")
          .replace("bot.job.count: counter", "bot.job.count: counter\n      " + metric + ": counter"));
      String constant = metric.substring("bot.job.".length()).toUpperCase(java.util.Locale.ROOT);
      String owner = what.endsWith("rename the metric") ? "" : " of JobMetrics";
      assertThat(compilation.errors()).as(metric).hasSize(1);
      assertThat(Compilations.onlyError(compilation, "MeteredDuplicateName").getMessage(java.util.Locale.ROOT))
          .endsWith("the metric '" + metric + "' would be the constant " + constant + owner + ", " + what
              + NOT_GENERATED);
    });
  }

  @Test
  void enumsNamedLikeTheTypesARecorderUsesNeverCaptureThem() throws Exception {
    List<String> keys = List.of("string", "objects", "optional", "override", "attribute", "attributes",
        "metric", "metric_sink", "boolean", "runtime_exception", "series_table", "dimension", "recording_failures",
        "delivery_mode", "metered_runtime", "generated", "attribute_value");
    StringBuilder attributes = new StringBuilder();
    keys.forEach(key -> attributes.append(key).append(": {type: enum, values: [v]}\n"));
    attributes.append("flag: {type: boolean, optional: true}\nlabel: {type: string, max_length: 5, optional: true, max_values: 5}");
    String schema = jobSchema(attributes.toString()).replace("bot.job.count: counter",
        "bot.job.count: counter\n      bot.job.flagged: {type: counter, when: {flag: true}}");
    GeneratedClasses classes = GeneratedClasses.ofSuccessful(Compilations.compile(dir, schema));

    Class<?> recorder = classes.loadClass("test.metrics.JobMetrics");
    Object metrics = recorder.getConstructor(dev.metered.runtime.MetricSink.class).newInstance(sink);
    Method event = Stream.of(recorder.getMethods()).filter(m -> m.getName().equals("event")).findFirst().orElseThrow();
    Object[] values = Stream.of(event.getParameterTypes()).map(type -> type.getEnumConstants()[0]).toArray();
    Object builder = event.invoke(metrics, values);
    builder = builder.getClass().getMethod("flag", boolean.class).invoke(builder, true);
    builder = builder.getClass().getMethod("label", String.class).invoke(builder, "abcdefgh");
    builder.getClass().getMethod("record").invoke(builder);
    assertThat(sink.recorded()).extracting(RecordedMetric::name).containsExactly("bot.job.count", "bot.job.flagged");
    assertThat(sink.recorded().get(0).attributeMap()).containsEntry("string", "v").containsEntry("boolean", "v")
        .containsEntry("flag", true).containsEntry("label", "abcde");
  }
}
