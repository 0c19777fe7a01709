package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake, one error: a small application (a schema of three families, handlers in two
 * files, a class that uses the recorders and the wrappers) compiled with each of many single
 * mistakes. javac must report the Metered diagnostic where the mistake is, and no error about
 * code the mistake did not touch: lint findings and handler errors never stop the recorders or
 * the wrappers of the other handlers from being written, and a schema error in one family does
 * not stop the others.
 */
class OneMistakeOneErrorTest {
  static final String SCHEMA = """
      schema: 1
      namespace: app
      package: app.metrics
      families:
        command:
          description: One command run.
          attributes:
            command: {type: enum, from_handlers: true, description: The command.}
            command_type: {type: enum, values: [prefix, slash], description: How it was called.}
            success: {type: boolean, description: Whether it ran to the end.}
            error_type: {type: string, max_length: 64, max_values: 20, optional: true, description: The failure.}
          inputs:
            duration: double
          metrics:
            app.command.usage: {type: counter, description: Commands run.}
            app.command.duration: {type: distribution, unit: millisecond, value: duration, description: Time taken.}
        database:
          description: One query.
          attributes:
            operation: {type: enum, values: [query, insert], description: What was done.}
            success: {type: boolean, description: Whether it ran to the end.}
          inputs:
            duration: double
          metrics:
            app.database.duration: {type: distribution, unit: millisecond, value: duration, description: Time taken.}
        cache:
          description: One cache lookup.
          attributes:
            cache: {type: enum, values: [users, guilds], description: Which cache.}
          inputs:
            hit: boolean
          metrics:
            app.cache.lookups: {type: counter, description: Lookups.}
            app.cache.hits: {type: counter, when: {hit: true}, description: Lookups that hit.}
      """;

  static final String COMMANDS = """
      package app;

      import app.metrics.CommandMetrics.CommandType;
      import dev.metered.annotations.Attr;
      import dev.metered.annotations.Metered;

      public class Commands {
        @Metered(family = "command", attributes = "command=ping")
        public String ping(@Attr("command_type") CommandType type) {
          return "pong";
        }

        @Metered(family = "command", attributes = "command=help")
        public String help(@Attr("command_type") CommandType type) {
          return "help";
        }
      }
      """;

  static final String STORE = """
      package app;

      import dev.metered.annotations.Metered;

      public interface Store {
        @Metered(family = "database", attributes = "operation=query")
        String find(String id);

        @Metered(family = "database", attributes = "operation=insert")
        void save(String id);
      }
      """;

  /** Uses every recorder and wrapper, in signatures and in code. */
  static final String WIRING = """
      package app;

      import app.metrics.CacheMetrics;
      import app.metrics.CacheMetrics.Cache;
      import app.metrics.CommandMetrics;
      import app.metrics.CommandMetrics.CommandType;
      import app.metrics.DatabaseMetrics;

      public class Wiring {
        final Commands commands = new Commands_Metered();
        final CacheMetrics cache = CacheMetrics.global();

        Commands_Metered meteredCommands() {
          return new Commands_Metered();
        }

        Store_Metered meteredStore(Store real) {
          return new Store_Metered(real);
        }

        Store store(Store real) {
          return new Store_Metered(real);
        }

        CommandType type() {
          return CommandType.SLASH;
        }

        String run(Store real) {
          cache.record(Cache.USERS, true);
          CommandMetrics.global().record(CommandMetrics.Command.PING, CommandType.PREFIX, true, 1.5);
          DatabaseMetrics.global().record(DatabaseMetrics.Operation.QUERY, true, 2.5);
          store(real).save("x");
          return commands.ping(type()) + commands.help(CommandType.PREFIX);
        }
      }
      """;

  static final Map<String, String> APP = files();

  private static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("metrics.yaml", SCHEMA);
    files.put("app/Commands.java", COMMANDS);
    files.put("app/Store.java", STORE);
    files.put("app/Wiring.java", WIRING);
    return files;
  }

  @TempDir Path dir;

  /**
   * One mistake: {@code from} replaced by {@code to} in {@code file}. {@code count} errors
   * {@code code} are expected, one of them at the first character of {@code at} in the changed
   * file. Any other error must be javac's own about the mistake (it names one of {@code
   * javacNames}) or about a class the Metered error says is not generated.
   */
  record Mistake(String name, String file, String from, String to, String code, String at, int count,
      List<String> options, List<String> javacNames) {
    @Override
    public String toString() {
      return name;
    }

    Mistake times(int errors) {
      return new Mistake(name, file, from, to, code, at, errors, options, javacNames);
    }

    Mistake withOptions(String... more) {
      return new Mistake(name, file, from, to, code, at, count, List.of(more), javacNames);
    }

    Mistake withJavacErrorAbout(String name) {
      return new Mistake(this.name, file, from, to, code, at, count, options, List.of(name));
    }

    Map<String, String> apply() {
      Map<String, String> changed = new LinkedHashMap<>(APP);
      String text = changed.get(file);
      if (!text.contains(from)) {
        throw new AssertionError(name + ": no '" + from + "' in " + file);
      }
      changed.put(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
      return changed;
    }
  }

  private static Mistake mistake(String name, String file, String from, String to, String code, String at) {
    return new Mistake(name, file, from, to, code, at, 1, List.of(), List.of());
  }

  private static Mistake inCommands(String name, String from, String to, String code, String at) {
    return mistake(name, "app/Commands.java", from, to, code, at);
  }

  private static Mistake inSchema(String name, String from, String to, String code, String at) {
    return mistake(name, "metrics.yaml", from, to, code, at);
  }

  /** Lint findings that are warnings by default, made errors. */
  private static Mistake lintWarning(String name, String from, String to, String code, String at) {
    return inSchema(name, from, to, code, at).withOptions("-Ametered.werror=true");
  }

  private static final String HELP = "@Metered(family = \"command\", attributes = \"command=help\")";
  private static final String HELP_PARAMETER = "public String help(@Attr(\"command_type\") CommandType type)";
  private static final String CACHE_ATTRIBUTE = "cache: {type: enum, values: [users, guilds], description: Which cache.}";
  private static final String COMMAND_TIMING = "app.command.duration: {type: distribution, unit: millisecond";
  private static final String DATABASE_TIMING = "app.database.duration: {type: distribution, unit: millisecond";

  /** An optional attribute more for the family {@code cache}. */
  private static Mistake cacheAttribute(String name, String attribute, String code, String at) {
    return lintWarning(name, CACHE_ATTRIBUTE, CACHE_ATTRIBUTE + "\n      " + attribute, code, at);
  }

  static Stream<Mistake> mistakes() {
    return Stream.of(
        // Handler errors: the handler is left out of its class's wrapper, nothing else is.
        inCommands("unknown family", HELP, HELP.replace("\"command\",", "\"comand\","),
            "MeteredUnknownFamily", "\"comand\""),
        inCommands("unknown attribute in attributes", HELP, HELP.replace("\"command=help\"",
            "{\"command=help\", \"comand_type=slash\"}"), "MeteredUnknownAttribute", "\"comand_type=slash\""),
        inCommands("unknown attribute in @Attr", HELP_PARAMETER, HELP_PARAMETER.replace("command_type", "comand_type"),
            "MeteredUnknownAttribute", "\"comand_type\""),
        mistake("unknown value, in an interface", "app/Store.java", "operation=query", "operation=qurey",
            "MeteredUnknownValue", "\"operation=qurey\""),
        inCommands("attribute without '='", HELP, HELP.replace("\"command=help\"", "\"help\""),
            "MeteredBadHandlerAttribute", "\"help\")"),
        inCommands("attribute fixed and taken from a parameter", HELP, HELP.replace("\"command=help\"",
            "{\"command=help\", \"command_type=slash\"}"), "MeteredBadHandlerAttribute",
            "\"command_type\") CommandType type) {\n    return \"help\""),
        inCommands("two handlers of one event", HELP, HELP.replace("command=help", "command=ping"),
            "MeteredDuplicateHandler", "@Metered(family = \"command\", attributes = \"command=ping\")").times(2),
        inCommands("private handler", HELP_PARAMETER, HELP_PARAMETER.replace("public", "private"),
            "MeteredHandlerShape", HELP),
        inCommands("final handler class", "public class Commands {", "public final class Commands {",
            "MeteredHandlerShape", "@Metered"),
        inCommands("handler class with private constructors only", "public class Commands {",
            "public class Commands {\n  private Commands() {}\n", "MeteredHandlerConstructor", "@Metered"),
        inCommands("@Attr of the wrong type", HELP_PARAMETER, HELP_PARAMETER.replace("CommandType type", "String type"),
            "MeteredAttrType", "\"command_type\") String type"),
        inCommands("required attribute not given", HELP_PARAMETER,
            HELP_PARAMETER.replace("@Attr(\"command_type\") ", ""), "MeteredUnsuppliedField", HELP),
        inCommands("handler of a family without a duration", HELP + "\n  " + HELP_PARAMETER,
            "@Metered(family = \"cache\", attributes = \"cache=users\")\n  public String help()",
            "MeteredHandlerNoDuration", "\"cache\""),
        inCommands("handler type that does not exist", HELP_PARAMETER,
            HELP_PARAMETER.replace("CommandType type", "CommandTyp type"), "MeteredHandlerUnresolved", HELP)
            .withJavacErrorAbout("CommandTyp"),
        // The same inside an array, a type argument's bound and a type variable's bound: a wrapper
        // naming any of them would repeat javac's error in generated code.
        inCommands("handler array type that does not exist", HELP_PARAMETER,
            HELP_PARAMETER.replace("CommandType type", "CommandType type, CommandTyp[] others"),
            "MeteredHandlerUnresolved", HELP).withJavacErrorAbout("CommandTyp"),
        inCommands("handler wildcard bound that does not exist", HELP_PARAMETER,
            HELP_PARAMETER.replace("CommandType type", "CommandType type, java.util.List<? extends CommandTyp> others"),
            "MeteredHandlerUnresolved", HELP).withJavacErrorAbout("CommandTyp"),
        inCommands("constructor parameter type that does not exist", "public class Commands {",
            "public class Commands {\n  public Commands(CommandTyp type) {}\n",
            "MeteredHandlerUnresolved", "@Metered(family = \"command\", attributes = \"command=ping\")")
            .withJavacErrorAbout("CommandTyp"),
        inCommands("handler type variable bound that does not exist", HELP_PARAMETER,
            HELP_PARAMETER.replace("public String help(", "public <T extends CommandTyp> String help(T other, "),
            "MeteredHandlerUnresolved", HELP).withJavacErrorAbout("CommandTyp"),

        // Schema errors in one family: the other families are generated.
        inSchema("metric type misspelt", "app.cache.lookups: {type: counter", "app.cache.lookups: {type: countr",
            "MeteredSchemaBadValue", "countr"),
        inSchema("unknown key in a metric", DATABASE_TIMING, DATABASE_TIMING.replace("unit:", "unti:"),
            "MeteredSchemaUnknownKey", "unti"),
        inSchema("metric value not a field", "value: duration, description: Time taken.}\n  database",
            "value: duraton, description: Time taken.}\n  database", "MeteredUnknownField", "duraton"),
        inSchema("metric value not a number", COMMAND_TIMING + ", value: duration",
            COMMAND_TIMING + ", value: success", "MeteredFieldTypeMismatch", "success, description: Time"),
        inSchema("condition of the wrong shape", "when: {hit: true}", "when: [hit]", "MeteredSchemaWrongType", "[hit]"),
        inSchema("metric defined twice", "app.cache.hits:", "app.command.usage:", "MeteredDuplicateName",
            "app.command.usage: {type: counter, when"),
        inSchema("enum without values", CACHE_ATTRIBUTE, "cache: {type: enum, description: Which cache.}",
            "MeteredSchemaMissingKey", "cache: {type: enum, description"),
        inSchema("enum from handlers that no handler gives", CACHE_ATTRIBUTE,
            CACHE_ATTRIBUTE.replace("values: [users, guilds]", "from_handlers: true"), "MeteredEmptyEnum",
            "cache: {type: enum, from_handlers"),
        inSchema("field type misspelt", "operation: {type: enum,", "operation: {type: enm,",
            "MeteredSchemaBadValue", "enm,"),
        inSchema("family name not a key", "  cache:\n    description", "  Cache:\n    description",
            "MeteredBadName", "Cache:"),
        inSchema("enum too large for Java", CACHE_ATTRIBUTE, CACHE_ATTRIBUTE.replace("[users, guilds]",
            IntStream.range(0, 2_001).mapToObj(i -> "v" + i).collect(Collectors.joining(", ", "[", "]"))),
            "MeteredTooManyValues", "cache: {type: enum, values: [v0"),
        inSchema("family too large for Java", "hit: boolean", "hit: boolean" + IntStream.range(0, 63)
            .mapToObj(i -> "\n      x" + i + ": double").collect(Collectors.joining()), "MeteredFamilyTooLarge",
            "x62: double"),

        // Lint findings, errors by default or made errors: they leave nothing out.
        inSchema("metric name with a hyphen", "app.command.usage:", "app.command-usage:", "MeteredMetricName",
            "app.command-usage"),
        inSchema("metric outside the namespace", "app.cache.lookups:", "cache.lookups:", "MeteredNamespace",
            "cache.lookups:"),
        inSchema("unit of the timing metric unknown", COMMAND_TIMING, COMMAND_TIMING.replace("millisecond", "Millisecond"),
            "MeteredUnknownUnit", "Millisecond"),
        lintWarning("unit alias of the timing metric", COMMAND_TIMING, COMMAND_TIMING.replace("millisecond", "ms"),
            "MeteredUnitAlias", "ms, value"),
        lintWarning("unit on a counter", "app.cache.lookups: {type: counter,", "app.cache.lookups: {type: counter, unit: byte,",
            "MeteredCounterUnit", "byte"),
        inSchema("timing metric without a unit", DATABASE_TIMING, "app.database.duration: {type: distribution",
            "MeteredTimeUnit", "app.database.duration"),
        lintWarning("unit in the name", "app.cache.lookups:", "app.cache.lookups_total:", "MeteredUnitInName",
            "app.cache.lookups_total"),
        inSchema("attribute key Sentry writes over", "error_type: {type: string", "user.email: {type: string",
            "MeteredAttributeKey", "user.email"),
        cacheAttribute("deprecated attribute key",
            "http.method: {type: enum, values: [GET, POST], optional: true, description: The method.}",
            "MeteredDeprecatedAttribute", "http.method"),
        cacheAttribute("attribute key Sentry scrubs",
            "token_kind: {type: enum, values: [bot, user], optional: true, description: The token.}",
            "MeteredScrubbedAttribute", "token_kind"),
        cacheAttribute("attribute key of another type elsewhere",
            "success: {type: string, max_length: 5, max_values: 2, optional: true, description: Whether.}",
            "MeteredInconsistentAttribute", "success: {type: string"),
        cacheAttribute("unbounded attribute", "endpoint: {type: string, max_length: 20, optional: true, description: Where.}",
            "MeteredUnboundedAttribute", "endpoint"),
        cacheAttribute("too many series", "shard: {type: integer, max_values: 20000, optional: true, description: Which.}",
            "MeteredCardinality", "app.cache.lookups").times(2),
        cacheAttribute("data point too large",
            "query: {type: string, max_length: 1000, max_values: 10, optional: true, description: What.}",
            "MeteredMetricSize", "app.cache.lookups").times(2),
        lintWarning("metric without a description", "app.cache.lookups: {type: counter, description: Lookups.}",
            "app.cache.lookups: counter", "MeteredMissingDescription", "app.cache.lookups"),
        lintWarning("unit changed since the earlier catalog", DATABASE_TIMING, DATABASE_TIMING.replace("millisecond", "second"),
            "MeteredCatalogChange", "second, value: duration, description: Time taken.}\n  cache"));
  }

  private Compilation compile(Map<String, String> files, List<String> options) {
    Path schema = dir.resolve("metrics.yaml");
    try {
      Files.writeString(schema, files.get("metrics.yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<JavaFileObject> sources = new ArrayList<>();
    files.forEach((name, text) -> {
      if (name.endsWith(".java")) {
        sources.add(Compilations.source(name.substring(0, name.length() - ".java".length()).replace('/', '.'), text));
      }
    });
    List<String> all = new ArrayList<>(List.of("-Ametered.schema=" + schema));
    all.addAll(options);
    return Compilations.compileWithOptions(all, sources.toArray(new JavaFileObject[0]));
  }

  /** The catalog of the application as written, for the earlier build a catalog change is against. */
  private Path earlierCatalog() throws IOException {
    Compilation earlier = compile(APP, List.of());
    JavaFileObject json = earlier.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/metered/metrics.json")
        .orElseThrow(() -> new AssertionError("no catalog:\n" + Compilations.describe(earlier)));
    Path catalog = dir.resolve("earlier-metrics.json");
    Files.writeString(catalog, json.getCharContent(true));
    return catalog;
  }

  @Test
  void theApplicationCompilesAsWritten() {
    Compilation compilation = compile(APP, List.of());
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.warnings()).as(Compilations.describe(compilation)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void oneMistakeIsOneError(Mistake mistake) throws IOException {
    List<String> options = new ArrayList<>(mistake.options());
    if (mistake.code().equals("MeteredCatalogChange")) {
      options.add("-Ametered.catalog.previous=" + earlierCatalog());
    }
    Map<String, String> files = mistake.apply();
    Compilation compilation = compile(files, options);
    String all = Compilations.describe(compilation);
    SchemaErrorTest.assertNoCrash(compilation);

    List<Diagnostic<? extends JavaFileObject>> metered = compilation.errors().stream()
        .filter(error -> error.getMessage(Locale.ROOT).contains("[Metered")).toList();
    assertThat(metered).as(all).hasSize(mistake.count())
        .allSatisfy(error -> assertThat(error.getMessage(Locale.ROOT)).startsWith("[" + mistake.code() + "]"));
    assertThat(metered).as("one error at '" + mistake.at() + "'\n" + all)
        .anySatisfy(error -> assertThat(position(error)).isEqualTo(expectedPosition(mistake, files)));

    // What the Metered error says it leaves out, javac may not find; nothing else.
    List<String> missing = new ArrayList<>(mistake.javacNames());
    for (Diagnostic<? extends JavaFileObject> error : metered) {
      Matcher notGenerated = NOT_GENERATED.matcher(error.getMessage(Locale.ROOT));
      while (notGenerated.find()) {
        missing.add(notGenerated.group(1));
      }
    }
    assertThat(compilation.errors()).as(all)
        .allSatisfy(error -> assertThat(error.getMessage(Locale.ROOT)).satisfiesAnyOf(
            message -> assertThat(message).contains("[Metered"),
            message -> assertThat(missing).anyMatch(message::contains)));
    assertThat(compilation.warnings()).as(all)
        .allSatisfy(warning -> assertThat(warning.getMessage(Locale.ROOT)).startsWith("[Metered"));
  }

  /**
   * Sentry stores the unit {@code ms} as {@code millisecond}, so lint only warns; the wrappers
   * time in it too, rather than find no duration at every handler of the family.
   */
  @Test
  void aUnitAliasOnTheTimingMetricIsOnlyAWarning() {
    Map<String, String> files = mistake("alias", "metrics.yaml", COMMAND_TIMING,
        COMMAND_TIMING.replace("millisecond", "ms"), "MeteredUnitAlias", "ms").apply();
    Compilation compilation = compile(files, List.of());
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.warnings()).extracting(warning -> warning.getMessage(Locale.ROOT))
        .singleElement().satisfies(warning -> assertThat(warning).startsWith("[MeteredUnitAlias]"));
  }

  /**
   * A YAML syntax error leaves nothing to generate recorders from. The wrappers are still
   * written (timing nothing), so the follow-on errors are javac's, one for each place outside a
   * method body that names a recorder or its enums: here the six imports and the four
   * signatures of the application. Metered's error comes first and says nothing is generated.
   */
  @Test
  void aYamlSyntaxErrorComesFirstAndOnlyNamesOfRecordersFollow() {
    Map<String, String> files = new Mistake("syntax", "metrics.yaml", "description: Lookups.}", "description: Lookups.",
        "MeteredSchemaSyntax", "", 1, List.of(), List.of()).apply();
    Compilation compilation = compile(files, List.of());
    String all = Compilations.describe(compilation);
    SchemaErrorTest.assertNoCrash(compilation);
    List<String> errors = Compilations.errors(compilation);
    assertThat(errors.get(0)).as(all).startsWith("[MeteredSchemaSyntax]")
        .endsWith("until it is fixed no recorder is generated");
    assertThat(errors.subList(1, errors.size())).as(all)
        .allSatisfy(error -> assertThat(error).containsAnyOf("app.metrics", "CommandType", "CacheMetrics"))
        .hasSize(10);
    assertThat(compilation.warnings()).as(all).isEmpty();
  }

  /**
   * An error in every family leaves a schema that parses but has no family to generate: the
   * wrappers are written as for a YAML error, and no later round looks for a model there is not.
   */
  @Test
  void anErrorInEveryFamilyIsOneErrorEachAndNoCrash() {
    Map<String, String> files = new LinkedHashMap<>(APP);
    files.put("metrics.yaml", APP.get("metrics.yaml")
        .replace("success: {type: boolean", "success: {type: bool").replace("hit: boolean", "hit: bool"));
    Compilation compilation = compile(files, List.of());
    String all = Compilations.describe(compilation);
    SchemaErrorTest.assertNoCrash(compilation);
    List<String> metered = Compilations.errors(compilation).stream().filter(error -> error.contains("[Metered")).toList();
    assertThat(metered).as(all).isNotEmpty()
        .allSatisfy(error -> assertThat(error).startsWith("[MeteredSchemaBadValue]"));
  }

  private static final Pattern NOT_GENERATED = Pattern.compile("until it is fixed (\\w+) is not generated");

  /** {@code file:line:column} of a diagnostic: javac's for a Java file, the message's for the schema. */
  private static String position(Diagnostic<? extends JavaFileObject> error) {
    if (error.getSource() != null) {
      return error.getSource().getName().replaceFirst("^/", "") + ":" + error.getLineNumber() + ":"
          + error.getColumnNumber();
    }
    Matcher matcher = Pattern.compile("(metrics\\.yaml:\\d+:\\d+):").matcher(error.getMessage(Locale.ROOT));
    return matcher.find() ? matcher.group(1) : "no position in: " + error.getMessage(Locale.ROOT);
  }

  private static String expectedPosition(Mistake mistake, Map<String, String> files) {
    String text = files.get(mistake.file());
    int offset = text.indexOf(mistake.at());
    if (offset < 0) {
      throw new AssertionError(mistake + ": no '" + mistake.at() + "' in the changed " + mistake.file());
    }
    String before = text.substring(0, offset);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = offset - before.lastIndexOf('\n');
    return mistake.file() + ":" + line + ":" + column;
  }
}
