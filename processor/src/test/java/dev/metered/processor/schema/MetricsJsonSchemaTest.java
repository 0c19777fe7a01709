package dev.metered.processor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.lint.LintConfig;
import dev.metered.processor.model.DeliveryMode;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/metrics.schema.json, the JSON Schema editors use for metrics.yaml, and the schema reader
 * agree: every schema the docs, the tests and the example bot hold passes a real validator, every
 * key and keyword the reader accepts is in the JSON Schema, and every bad-input case about keys,
 * types or names is flagged by it too.
 */
public class MetricsJsonSchemaTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DOC = ROOT.resolve("docs/metrics.schema.json");
  private static final String RESOURCE = "/META-INF/metered/metrics.schema.json";
  private static final Path EXAMPLE_BOT = ROOT.resolve("example-bot/src/main/resources/metrics.yaml");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern EXPECT = Pattern.compile("# expect: (Metered[A-Za-z]+) \\d+:\\d+ ");
  private static final Pattern MODELINE = Pattern.compile("\\A# yaml-language-server: \\$schema=(\\S+)\\n");

  /** The codes of mistakes in a schema's keys, its values' types and keywords, and its names. */
  private static final Set<String> KEY_AND_TYPE_CODES = Set.of(
      "MeteredSchemaUnknownKey", "MeteredSchemaMissingKey", "MeteredSchemaWrongType", "MeteredSchemaBadValue",
      "MeteredSchemaVersion", "MeteredBadName", "MeteredBadLintConfig");
  /**
   * Bad-input cases whose mistake lies between a metric and its family's fields (a condition
   * that does not fit the field it names, a default for a required attribute), or between two
   * keys of one field (a fallback that is none of its values): a JSON Schema cannot look a name
   * or value up, so only the processor reports them.
   */
  private static final Set<String> CROSS_REFERENCES = Set.of(
      "bad-value-above-on-boolean.yaml", "bad-value-condition-enum-value.yaml", "bad-value-fallback-not-a-value.yaml",
      "bad-value-given-on-required.yaml", "bad-value-metric-default-on-required.yaml");

  private static JsonNode jsonSchema;
  private static Schema validator;

  /** What docs/metrics.schema.json says about {@code yaml}: nothing when it is valid. */
  public static List<Error> validate(YamlNode yaml) throws IOException {
    if (validator == null) {
      loadTheShippedSchema();
    }
    return validator.validate(json(yaml));
  }

  /** Parsed by the processor's own loader, so YAML's types are the ones the reader sees. */
  public static java.util.Optional<YamlNode> load(String path, String text, Diagnostics diagnostics) {
    return new YamlLoader(diagnostics).load(new SchemaFile(InputKind.SCHEMA, path, text));
  }

  @BeforeAll
  static void loadTheShippedSchema() throws IOException {
    byte[] shipped;
    try (InputStream in = MetricsJsonSchemaTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("the processor's resource " + RESOURCE).isNotNull();
      shipped = in.readAllBytes();
    }
    assertThat(shipped).as("the jar's copy is docs/metrics.schema.json").isEqualTo(Files.readAllBytes(DOC));
    String text = new String(shipped, StandardCharsets.UTF_8);
    jsonSchema = new ObjectMapper().readTree(text);
    validator = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text);
  }

  @Test
  void theJsonSchemaIsAValidDraft7Schema() {
    Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
    assertThat(jsonSchema.get("$schema").asString()).isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(metaSchema.validate(jsonSchema)).isEmpty();
  }

  @Test
  void everyCompleteSchemaInTheReadmeAndDocsIsValid() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    int complete = 0;
    for (Path page : pages) {
      Matcher block = YAML_BLOCK.matcher(Files.readString(page));
      while (block.find()) {
        // A block that leaves parts out ("command: { ... }") shows a shape, not a schema.
        if (block.group(1).contains("{ ... }")) {
          continue;
        }
        YamlNode yaml = load(page.getFileName().toString(), block.group(1)).orElse(null);
        if (yaml instanceof YamlNode.Mapping mapping && mapping.entry("schema") != null) {
          assertValid(page + ", the block at offset " + block.start(), yaml);
          complete++;
        }
      }
    }
    assertThat(complete).as("complete schemas found in the docs (README quick start, schema.md's example)")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theExampleBotsSchemaIsValidAndItsFirstLineFindsTheJsonSchema() throws IOException {
    String text = Files.readString(EXAMPLE_BOT);
    assertValid(EXAMPLE_BOT.toString(), load(EXAMPLE_BOT.toString(), text).orElseThrow());
    Matcher modeline = MODELINE.matcher(text);
    assertThat(modeline.find()).as("the example bot's first line names the JSON Schema").isTrue();
    Path named = EXAMPLE_BOT.getParent().resolve(modeline.group(1)).normalize();
    assertThat(named).as("the path, relative to the YAML file, that yaml-language-server resolves")
        .isEqualTo(DOC.normalize());
  }

  @Test
  void theCorpusCleanSchemasAreValid() throws IOException {
    try (Stream<Path> files = Files.list(corpus().resolve("schemas"))) {
      List<Path> schemas = files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
      assertThat(schemas).isNotEmpty();
      for (Path schema : schemas) {
        assertValid(schema.toString(), load(schema.toString(), Files.readString(schema)).orElseThrow());
      }
    }
  }

  /**
   * The schemas the processor's tests compile and expect to pass: the {@code static final String}
   * constants of the test classes that hold a whole schema the reader reads without a word.
   */
  @Test
  void theTestsValidSchemasAreValid() throws IOException, ReflectiveOperationException {
    Map<String, String> schemas = testSchemaConstants();
    assertThat(schemas).as("schema constants of the processor's tests").hasSizeGreaterThanOrEqualTo(8);
    for (Map.Entry<String, String> schema : schemas.entrySet()) {
      assertValid(schema.getKey(), load(schema.getKey(), schema.getValue()).orElseThrow());
    }
  }

  @Test
  void everyKeyAndKeywordTheReaderAcceptsIsInTheJsonSchema() {
    JsonNode definitions = jsonSchema.get("definitions");
    assertThat(keys(jsonSchema.get("properties"))).containsExactlyElementsOf(SchemaReader.TOP_KEYS);
    assertThat(keys(definitions.at("/family/properties"))).containsExactlyElementsOf(SchemaReader.FAMILY_KEYS);
    assertThat(keys(definitions.at("/attribute/anyOf/1/properties"))).containsExactlyElementsOf(SchemaReader.ATTRIBUTE_KEYS);
    assertThat(keys(definitions.at("/input/anyOf/1/properties"))).containsExactlyElementsOf(SchemaReader.INPUT_KEYS);
    assertThat(keys(definitions.at("/metric/anyOf/1/properties"))).containsExactlyElementsOf(SchemaReader.METRIC_KEYS);
    assertThat(keys(definitions.at("/condition/anyOf/1/properties"))).containsExactlyElementsOf(SchemaReader.OPERATORS);
    assertThat(strings(definitions.at("/fieldType/enum"))).containsExactlyElementsOf(FieldType.keywords());
    assertThat(strings(definitions.at("/metric/anyOf/1/properties/type/enum"))).containsExactlyElementsOf(MetricType.keywords());
    assertThat(strings(definitions.at("/delivery/enum"))).containsExactlyElementsOf(DeliveryMode.keywords());
    assertThat(keys(jsonSchema.at("/properties/lint/properties")))
        .as("the lint section's keys: add a new rule's code to docs/metrics.schema.json")
        .containsExactlyInAnyOrderElementsOf(LintConfig.configurableKeys());
  }

  @Test
  void everyBadInputCaseAboutKeysTypesOrNamesIsFlaggedByTheJsonSchema() throws IOException {
    int checked = 0;
    try (Stream<Path> files = Files.list(corpus())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String text = Files.readString(file);
        Matcher expect = EXPECT.matcher(text);
        if (!expect.find() || !KEY_AND_TYPE_CODES.contains(expect.group(1))) {
          continue;
        }
        YamlNode yaml = load(file.toString(), text).orElseThrow();
        List<Error> errors = validator.validate(json(yaml));
        String name = file.getFileName().toString();
        if (CROSS_REFERENCES.contains(name)) {
          assertThat(errors).as(name + " is a cross-reference only the processor sees; if the JSON Schema"
              + " flags it now, take it off CROSS_REFERENCES").isEmpty();
        } else {
          assertThat(errors).as(name + " (" + expect.group(1) + ") is flagged by the JSON Schema").isNotEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).as("bad-input cases about keys, types and names").isGreaterThanOrEqualTo(40);
  }

  @Test
  void aValidSchemaWithOneMistakeIsFlagged() {
    String valid = """
        schema: 1
        namespace: bot
        package: com.example.metrics
        families:
          command:
            attributes:
              error_type: {type: string, max_length: 100, optional: true}
            metrics:
              bot.command.usage: counter
        lint:
          MeteredCounterUnit: off
          series_budget: 500
        """;
    assertValid("the base", load("base", valid).orElseThrow());
    assertEachMistakeIsFlagged(valid, new String[][] {
        {"max_length: 100", "max_lenght: 100"},
        {"max_length: 100", "max_length: \"100\""},
        {"optional: true", "optional: yes"},
        {"bot.command.usage: counter", "bot.command.usage: gauge"},
        {"MeteredCounterUnit: off", "MeteredCounterUnit: quiet"},
        {"MeteredCounterUnit: off", "MeteredSchemaUnknownKey: off"},
        {"series_budget: 500", "series_budget: 0"},
        {"schema: 1", "schema: 2"}});
  }

  @Test
  void aFallbackIsValidOnAnEnumWithValuesAndFlaggedElsewhere() {
    String valid = """
        schema: 1
        namespace: bot
        package: com.example.metrics
        families:
          command:
            attributes:
              command: {type: enum, from_handlers: true, values: [other], fallback: other}
              success: boolean
            inputs:
              lookup: {type: enum, values: [hit, miss, unknown], fallback: unknown, optional: true}
            metrics:
              bot.command.usage: counter
        """;
    assertValid("a fallback on an enum attribute and an enum input", load("fallback", valid).orElseThrow());
    assertEachMistakeIsFlagged(valid, new String[][] {
        {"values: [other], fallback: other", "fallback: other"},
        {"success: boolean", "success: {type: boolean, fallback: false}"},
        {"fallback: unknown", "fallback: [unknown]"}});
  }

  /** Each {@code {text, replacement}} made in {@code valid} alone is flagged. */
  private static void assertEachMistakeIsFlagged(String valid, String[][] mistakes) {
    for (String[] mistake : mistakes) {
      String text = valid.replace(mistake[0], mistake[1]);
      assertThat(text).isNotEqualTo(valid);
      assertThat(validator.validate(json(load(mistake[1], text).orElseThrow()))).as(mistake[1]).isNotEmpty();
    }
  }

  private static void assertValid(String what, YamlNode yaml) {
    assertThat(validator.validate(json(yaml))).as(what + " against docs/metrics.schema.json").isEmpty();
  }

  private static java.util.Optional<YamlNode> load(String path, String text) {
    return load(path, text, new Diagnostics());
  }

  /** The YAML tree as JSON: each scalar typed as YAML 1.2's core schema resolves it. */
  static JsonNode json(YamlNode node) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (node instanceof YamlNode.Mapping mapping) {
      ObjectNode object = nodes.objectNode();
      mapping.entries().forEach(entry -> object.set(entry.key().text(), json(entry.value())));
      return object;
    }
    if (node instanceof YamlNode.Sequence sequence) {
      ArrayNode array = nodes.arrayNode();
      sequence.items().forEach(item -> array.add(json(item)));
      return array;
    }
    YamlNode.Scalar scalar = (YamlNode.Scalar) node;
    return switch (scalar.kind()) {
      case NULL -> nodes.nullNode();
      case BOOLEAN -> nodes.booleanNode(Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT)));
      case INTEGER -> nodes.numberNode(integer(scalar.text()));
      case FLOAT -> nodes.numberNode(floating(scalar.text()));
      case STRING -> nodes.stringNode(scalar.text());
    };
  }

  /** A core-schema float: also {@code .inf}, {@code -.Inf}, {@code .NaN}. */
  private static double floating(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".nan")) {
      return Double.NaN;
    }
    if (lower.endsWith(".inf")) {
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(text);
  }

  private static BigInteger integer(String text) {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    if (digits.startsWith("0x")) {
      return new BigInteger(digits.substring(2), 16);
    }
    if (digits.startsWith("0o")) {
      return new BigInteger(digits.substring(2), 8);
    }
    return new BigInteger(digits);
  }

  private static Map<String, String> testSchemaConstants() throws IOException, ReflectiveOperationException {
    Path classes;
    try {
      classes = Path.of(MetricsJsonSchemaTest.class.getResource("/dev/metered/processor").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> schemas = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String simpleName = file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName("dev.metered.processor." + simpleName.replace('/', '.'));
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
            field.setAccessible(true);
            String value = (String) field.get(null);
            if (value != null && value.startsWith("schema: ") && readsWithoutAWord(value)) {
              schemas.put(type.getSimpleName() + "." + field.getName(), value);
            }
          }
        }
      }
    }
    return schemas;
  }

  /** Whether the reader reads {@code text} without reporting anything. */
  private static boolean readsWithoutAWord(String text) {
    Diagnostics diagnostics = new Diagnostics();
    new YamlLoader(diagnostics).load(new SchemaFile(InputKind.SCHEMA, "test", text))
        .flatMap(yaml -> new SchemaReader(diagnostics).read(yaml));
    return diagnostics.all().isEmpty();
  }

  private static Path corpus() {
    try {
      return Path.of(MetricsJsonSchemaTest.class.getResource("/bad-input").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> keys(JsonNode object) {
    assertThat(object.isObject()).as(object + " is an object").isTrue();
    return List.copyOf(object.propertyNames());
  }

  private static List<String> strings(JsonNode array) {
    assertThat(array.isArray()).as(array + " is an array").isTrue();
    List<String> strings = new ArrayList<>();
    array.forEach(item -> strings.add(item.asString()));
    return strings;
  }
}
