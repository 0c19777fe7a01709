package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.schema.SchemaFile;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.internal.FallbackValues;
import dev.metered.runtime.testing.RecordingSink;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An enum field's {@code fallback}: the value its generated {@code fromWireValue} returns for any
 * wire value outside the set, each such use counted in {@code DeliveryStats.fallbacks()}; an
 * enum without one keeps returning an {@code Optional}. One compilation for the generated code;
 * the schema's mistakes go through the compiler-free pipeline.
 */
class FallbackTest {
  static final String SCHEMA = """
      schema: 1
      namespace: bot
      package: test.metrics
      families:
        command:
          description: One command.
          attributes:
            command: {type: enum, from_handlers: true, values: [other], fallback: other, description: The command.}
            command_type: {type: enum, values: [prefix, slash], description: How it was invoked.}
            success: {type: boolean, description: Whether it succeeded.}
          inputs:
            duration: {type: double, description: How long it ran.}
          metrics:
            bot.command.usage: {type: counter, description: Command usage count.}
            bot.command.execution_time: {type: distribution, unit: millisecond, value: duration, description: Command execution time.}
      """;

  static final JavaFileObject HANDLERS = Compilations.source("test.Commands", """
      package test;

      import dev.metered.annotations.Attr;
      import dev.metered.annotations.Metered;
      import test.metrics.CommandMetrics.CommandType;

      public class Commands {
        @Metered(family = "command", attributes = "command=ping")
        public void ping(@Attr("command_type") CommandType type) {}
      }
      """);

  /** Records the command named by the scenario; compiles only if the two shapes are as documented. */
  static final JavaFileObject DRIVER = Compilations.source("test.Driver", """
      package test;

      import dev.metered.runtime.MetricSink;
      import java.util.Optional;
      import java.util.function.BiConsumer;
      import test.metrics.CommandMetrics;
      import test.metrics.CommandMetrics.Command;
      import test.metrics.CommandMetrics.CommandType;

      public class Driver implements BiConsumer<String, MetricSink> {
        @Override
        public void accept(String name, MetricSink sink) {
          Command command = Command.fromWireValue(name);
          Optional<CommandType> type = CommandType.fromWireValue("slash");
          new CommandMetrics(sink).record(command, type.orElseThrow(), true, 2.5);
        }
      }
      """);

  @TempDir static Path dir;
  static Compilation compilation;
  static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    compilation = Compilations.compile(dir, SCHEMA, HANDLERS, DRIVER);
    classes = GeneratedClasses.ofSuccessful(compilation);
  }

  @Test
  void withAFallbackFromWireValueReturnsTheConstantAndTheFallbackForAnyOtherString() throws Exception {
    Class<?> command = classes.loadClass("test.metrics.CommandMetrics$Command");
    Method fromWireValue = command.getMethod("fromWireValue", String.class);

    assertThat(fromWireValue.getReturnType()).isEqualTo(command);
    assertThat(List.of(command.getEnumConstants())).extracting(Object::toString)
        .as("the listed fallback first, then the handlers' values").containsExactly("OTHER", "PING");
    assertThat(fromWireValue.invoke(null, "ping")).hasToString("PING");
    long before = FallbackValues.count();
    assertThat(fromWireValue.invoke(null, "other")).hasToString("OTHER");
    assertThat(FallbackValues.count()).as("the fallback's own wire value is no fallback use").isEqualTo(before);
    assertThat(fromWireValue.invoke(null, "levels")).hasToString("OTHER");
    assertThat(fromWireValue.invoke(null, "PING")).as("wire values are exact").hasToString("OTHER");
    assertThat(fromWireValue.invoke(null, (Object) null)).hasToString("OTHER");
    assertThat(FallbackValues.count()).isEqualTo(before + 3);
  }

  @Test
  void withoutAFallbackFromWireValueReturnsAnOptionalEmptyForAnyOtherString() throws Exception {
    Method fromWireValue = classes.loadClass("test.metrics.CommandMetrics$CommandType")
        .getMethod("fromWireValue", String.class);

    assertThat(fromWireValue.getReturnType()).isEqualTo(Optional.class);
    assertThat(fromWireValue.invoke(null, "slash")).asString().isEqualTo("Optional[SLASH]");
    long before = FallbackValues.count();
    assertThat(fromWireValue.invoke(null, "hybrid")).isEqualTo(Optional.empty());
    assertThat(fromWireValue.invoke(null, (Object) null)).isEqualTo(Optional.empty());
    assertThat(FallbackValues.count()).isEqualTo(before);
  }

  @Test
  void theJavadocSaysWhatFromWireValueReturns() throws Exception {
    String source = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "test/metrics/CommandMetrics.java")
        .orElseThrow().getCharContent(false).toString();

    assertThat(source).contains("""
             * {@code other}, the fallback: what fromWireValue returns for any other wire value.
             */
            OTHER("other"),
        """, """
             * The constant whose wire value is {@code wireValue}, or {@link #OTHER}, the schema's
             * fallback, for any other string ({@code null} included); never {@code null}. Each use of
             * the fallback for a string other than {@code other} is counted in {@code DeliveryStats.fallbacks()}.
             */
            public static Command fromWireValue(String wireValue) {
        """, """
             * The constant whose wire value is {@code wireValue}; empty for any other string, {@code null} included.
             */
            public static Optional<CommandType> fromWireValue(String wireValue) {
        """);
  }

  @Test
  void theCatalogNamesTheFallback() throws Exception {
    assertThat(catalog("metrics.md")).contains("| `command` | enum | `other`, `ping`; any other value is `other` |");
    assertThat(catalog("metrics.json")).contains("""
                  "omitWhen": null,
                  "fallback": "other",
        """, """
                  "omitWhen": null,
                  "fallback": null,
        """);
  }

  private static String catalog(String name) throws Exception {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/metered/" + name)
        .orElseThrow().getCharContent(false).toString();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anUnknownNameIsRecordedAsTheFallbackAndCountedInTheSinksStats() {
    RecordingSink exporter = new RecordingSink();
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).deliveryForAll(DeliveryMode.EVENT).flushInterval(Duration.ofHours(1)).build());
    try {
      BiConsumer<String, MetricSink> driver = classes.instantiate("test.Driver", BiConsumer.class);
      driver.accept("ping", sink);
      driver.accept("levels", sink);
      driver.accept("rank", sink);

      assertThat(exporter.recorded("bot.command.usage"))
          .extracting(point -> point.attributeMap().get("command"))
          .containsExactly("ping", "other", "other");
      assertThat(sink.stats().fallbacks()).isEqualTo(2);
      assertThat(sink.stats().toString()).contains("2 unknown enum values recorded as their fallback");
    } finally {
      sink.close();
    }
  }

  @Test
  void theCardinalityBudgetCountsTheFallbackAsTheValueItIs() {
    String schema = SCHEMA.replace("values: [other], fallback: other", "values: [a, b, c, d, e, f, g, h, i, other], fallback: other")
        .replace("values: [prefix, slash]", "values: [prefix, slash, hybrid, menu, button]")
        + "lint:\n  series_budget: 99\n";
    List<Diagnostic> findings = pipeline(schema);

    assertThat(findings).filteredOn(finding -> finding.code().code().equals("MeteredCardinality"))
        .extracting(Diagnostic::message)
        .hasSize(2)
        .allSatisfy(message -> assertThat(message).contains("up to 100 series",
            "command (10, its fallback 'other' included) x command_type (5) x success (2)"));
  }

  @Test
  void aFallbackOnAFieldWithoutAClosedSetIsABadValueAtTheFallback() {
    Diagnostic error = onlyError(SCHEMA.replace(
        "success: {type: boolean, description: Whether it succeeded.}",
        "success: {type: boolean, fallback: false, description: Whether it succeeded.}"));

    assertThat(error.formatted()).startsWith("[MeteredSchemaBadValue] metrics.yaml:10:42: 'fallback' applies to"
        + " enum fields only: attribute 'success' is a boolean");
  }

  @Test
  void aFallbackThatIsNoneOfTheValuesIsABadValueWithTheNearestOne() {
    Diagnostic error = onlyError(SCHEMA.replace(
        "values: [prefix, slash], description", "values: [prefix, slash, unknown], fallback: unknwn, description"));

    assertThat(error.formatted()).isEqualTo("[MeteredSchemaBadValue] metrics.yaml:9:78: the fallback 'unknwn' of"
        + " attribute 'command_type' is not one of its 'values'; did you mean 'unknown'? (values: prefix, slash,"
        + " unknown); list it there, or name a listed value; until it is fixed CommandMetrics is not generated");
  }

  @Test
  void aFallbackOfAnEnumWithoutValuesSaysToListIt() {
    Diagnostic error = onlyError(SCHEMA.replace("values: [other], fallback: other", "fallback: other"));

    assertThat(error.formatted()).isEqualTo("[MeteredSchemaBadValue] metrics.yaml:8:60: the fallback 'other' of"
        + " attribute 'command' must be one of its 'values', and it has none; list it, for example"
        + " 'values: [other]' (handlers add the others); until it is fixed CommandMetrics is not generated");
  }

  @Test
  void aFallbackThatIsNoSingleValueIsAWrongType() {
    Diagnostic error = onlyError(SCHEMA.replace("fallback: other", "fallback: [other]"));

    assertThat(error.formatted()).startsWith("[MeteredSchemaWrongType] metrics.yaml:8:77: 'fallback' of"
        + " attribute 'command' must be a single value");
  }

  private static Diagnostic onlyError(String schema) {
    List<Diagnostic> errors = pipeline(schema).stream()
        .filter(finding -> finding.kind() == javax.tools.Diagnostic.Kind.ERROR).toList();
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  private static List<Diagnostic> pipeline(String schema) {
    Diagnostics diagnostics = new Diagnostics();
    SchemaFile.decode("metrics.yaml", schema.getBytes(StandardCharsets.UTF_8), diagnostics)
        .flatMap(file -> new SchemaPipeline(diagnostics).run(file));
    return diagnostics.all();
  }
}
