package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog the processor writes next to the classes, and its comparison with an earlier one. */
class CatalogTest {
  static final String SCHEMA = """
      schema: 1
      namespace: shop
      package: test.metrics
      families:
        order:
          description: One order.
          attributes:
            channel: {type: enum, values: [web, app], description: Where it was placed.}
            paid: boolean
            coupon: {type: string, max_length: 8, max_values: 5, optional: true}
          inputs:
            duration: double
          metrics:
            shop.order.duration: {type: distribution, unit: millisecond, value: duration, description: Checkout time.}
            shop.order.unpaid: {type: counter, delivery: aggregate, when: {paid: false}, attributes: [channel], description: Unpaid orders.}
      """;

  static final JavaFileObject HANDLER = Compilations.source("test.Orders", """
      package test;

      import dev.metered.annotations.Attr;
      import dev.metered.annotations.Metered;

      class Orders {
        @Metered(family = "order", attributes = "channel=web")
        void place(@Attr("paid") boolean paid) {}
      }
      """);

  @TempDir Path dir;

  @Test
  void theJsonCatalogHasAFixedShapeAndOrder() throws IOException {
    Compilation compilation = Compilations.compile(dir, SCHEMA, HANDLER);
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(resource(compilation, "META-INF/metered/metrics.json")).isEqualTo("""
        {
          "catalog": 1,
          "namespace": "shop",
          "package": "test.metrics",
          "metrics": [
            {
              "name": "shop.order.duration",
              "family": "order",
              "recorder": "test.metrics.OrderMetrics",
              "constant": "DURATION",
              "type": "distribution",
              "unit": "millisecond",
              "delivery": "auto",
              "description": "Checkout time.",
              "value": "duration",
              "emitted": "always",
              "attributes": [
                {
                  "key": "channel",
                  "type": "string",
                  "schemaType": "enum",
                  "values": [
                    "web",
                    "app"
                  ],
                  "maxLength": null,
                  "maxValues": null,
                  "optional": false,
                  "default": null,
                  "omitWhen": null,
                  "fallback": null,
                  "description": "Where it was placed."
                },
                {
                  "key": "paid",
                  "type": "boolean",
                  "schemaType": "boolean",
                  "values": null,
                  "maxLength": null,
                  "maxValues": null,
                  "optional": false,
                  "default": null,
                  "omitWhen": null,
                  "fallback": null,
                  "description": null
                },
                {
                  "key": "coupon",
                  "type": "string",
                  "schemaType": "string",
                  "values": null,
                  "maxLength": 8,
                  "maxValues": 5,
                  "optional": true,
                  "default": null,
                  "omitWhen": null,
                  "fallback": null,
                  "description": null
                }
              ],
              "handlers": [
                "test.Orders#place"
              ]
            },
            {
              "name": "shop.order.unpaid",
              "family": "order",
              "recorder": "test.metrics.OrderMetrics",
              "constant": "UNPAID",
              "type": "counter",
              "unit": null,
              "delivery": "aggregate",
              "description": "Unpaid orders.",
              "value": null,
              "emitted": "when paid is false",
              "attributes": [
                {
                  "key": "channel",
                  "type": "string",
                  "schemaType": "enum",
                  "values": [
                    "web",
                    "app"
                  ],
                  "maxLength": null,
                  "maxValues": null,
                  "optional": false,
                  "default": null,
                  "omitWhen": null,
                  "fallback": null,
                  "description": "Where it was placed."
                }
              ],
              "handlers": [
                "test.Orders#place"
              ]
            }
          ]
        }
        """);
  }

  @Test
  void theMarkdownCatalogHasATableRowPerMetric() throws IOException {
    Compilation compilation = Compilations.compile(dir, SCHEMA, HANDLER);
    String markdown = resource(compilation, "META-INF/metered/metrics.md");
    assertThat(markdown)
        .contains("## order", "Recorded with `test.metrics.OrderMetrics`.")
        .contains("| `shop.order.duration` | distribution | millisecond | auto | always | `channel`, `paid`, `coupon` | Checkout time. |")
        .contains("| `shop.order.unpaid` | counter | - | aggregate | when paid is false | `channel` | Unpaid orders. |")
        .contains("| `coupon` | string, optional | up to 8 characters, at most 5 values |  |")
        .contains("Handlers: `Orders.place` (channel=web).");
  }

  @Test
  void changesAgainstAnEarlierCatalogAreNamed() throws IOException {
    Compilation first = Compilations.compile(dir, SCHEMA, HANDLER);
    Path previous = dir.resolve("previous-metrics.json");
    Files.writeString(previous, resource(first, "META-INF/metered/metrics.json")
        .replace("\"unit\": \"millisecond\"", "\"unit\": \"second\"")
        .replace("\"type\": \"counter\"", "\"type\": \"gauge\"")
        .replace("\"metrics\": [", "\"metrics\": [\n{\"name\": \"shop.order.removed\", \"type\": \"counter\", \"unit\": null, \"attributes\": []},"));
    // The earlier shop.order.duration also lacked 'coupon'.
    String earlier = Files.readString(previous);
    Files.writeString(previous, earlier.replaceFirst("(?s)\\{\\s*\"key\": \"coupon\".*?\\}", "{\"key\": \"region\"}"));

    Compilation second = Compilations.compileWithOptions(
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml"), "-Ametered.catalog.previous=" + previous), HANDLER);

    assertThat(second.status()).as(Compilations.describe(second)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(second.warnings()).extracting(w -> w.getMessage(Locale.ROOT))
        .filteredOn(message -> message.contains("[MeteredCatalogChange]"))
        .satisfiesExactlyInAnyOrder(
            message -> assertThat(message).contains("'shop.order.removed'", "is gone"),
            message -> assertThat(message).contains("'shop.order.duration' changed its unit from second to millisecond"),
            message -> assertThat(message).contains("'shop.order.duration' changed its attributes; added [coupon]; removed [region]"),
            message -> assertThat(message).contains("'shop.order.unpaid' changed its type from gauge to counter"));
  }

  @Test
  void anUnchangedCatalogGivesNoFinding() throws IOException {
    Compilation first = Compilations.compile(dir, SCHEMA, HANDLER);
    Path previous = dir.resolve("previous-metrics.json");
    Files.writeString(previous, resource(first, "META-INF/metered/metrics.json"));
    Compilation second = Compilations.compileWithOptions(
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml"), "-Ametered.catalog.previous=" + previous), HANDLER);
    assertThat(second.diagnostics()).as(Compilations.describe(second)).isEmpty();
  }

  @Test
  void aFileThatIsNotACatalogIsAnError() throws IOException {
    Path previous = dir.resolve("not-a-catalog.json");
    Files.writeString(previous, "{\"hello\": 1}\n");
    Compilations.compile(dir, SCHEMA);
    Compilation compilation = Compilations.compileWithOptions(
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml"), "-Ametered.catalog.previous=" + previous), HANDLER);
    assertThat(Compilations.onlyError(compilation, "MeteredBadLintConfig").getMessage(Locale.ROOT))
        .contains("not a Metered catalog");
  }

  private static String resource(Compilation compilation, String name) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, name).orElseThrow()
        .getCharContent(true).toString();
  }
}
