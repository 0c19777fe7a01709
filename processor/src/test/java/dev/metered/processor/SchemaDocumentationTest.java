package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/schema.md shows a complete schema and the Java that uses what it generates, the README a
 * quick start and docs/delivery.md the run-time options; all are compiled here, so the
 * documentation cannot drift from the processor.
 */
class SchemaDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "schema.md");

  @TempDir Path dir;

  @Test
  void theCompleteExampleAndTheUsageSnippetCompile() throws IOException {
    String doc = Files.readString(DOC);
    String schema = firstBlock(doc, "## A complete example", "yaml");
    String usage = firstBlock(doc, "## The generated Java", "java");
    JavaFileObject handlers = Compilations.source("test.Handlers", """
        package test;

        import dev.metered.annotations.Metered;

        class Handlers {
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          void ping() {}
        }
        """);
    JavaFileObject snippet = Compilations.source("test.Usage", """
        package test;

        import com.example.metrics.DatabaseMetrics;
        import com.example.metrics.DatabaseMetrics.Operation;
        import com.example.metrics.DatabaseMetrics.Table;

        class Usage {
          void use() {
        %s
          }
        }
        """.formatted(usage));
    Compilation compilation = Compilations.compile(dir, schema, handlers, snippet);
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .anySatisfy(name -> assertThat(name).endsWith("com/example/metrics/CommandMetrics.java"))
        .anySatisfy(name -> assertThat(name).endsWith("com/example/metrics/CacheMetrics.java"));
  }

  @Test
  void theReadmeQuickStartCompiles() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String schema = firstBlock(readme, "**2. A schema**", "yaml");
    String handler = firstBlock(readme, "**3. An annotated handler.**", "java");
    JavaFileObject handlerSource = Compilations.source("com.example.PingCommand", "package com.example;\n\n" + handler);
    JavaFileObject call = snippet("Caller", firstBlock(readme, "**4. A call.**", "java"));
    JavaFileObject test = snippet("RecorderTest", firstBlock(readme, "**5. A test.**", "java"));
    String deliveryDoc = Files.readString(Path.of("..", "docs", "delivery.md"));
    JavaFileObject delivery = snippet("DeliverySettings", firstBlock(deliveryDoc, "# Delivery: nothing lost at any rate", "java"));
    Compilation compilation = Compilations.compile(dir, schema, handlerSource, call, test, delivery);
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
  }

  /** A README snippet as a class: its imports on top, its statements in a method. */
  private static JavaFileObject snippet(String className, String block) {
    StringBuilder imports = new StringBuilder();
    StringBuilder statements = new StringBuilder();
    for (String line : block.split("\n")) {
      (line.startsWith("import ") ? imports : statements).append(line).append('\n');
    }
    return Compilations.source("com.example." + className, """
        package com.example;

        import io.sentry.Sentry;
        %s
        class %s {
          void run() {
        %s
          }
        }
        """.formatted(imports, className, statements));
  }

  /** The first fenced block of {@code language} after {@code heading}. */
  private static String firstBlock(String doc, String heading, String language) {
    int start = doc.indexOf(heading);
    assertThat(start).as("the page has the section " + heading).isNotNegative();
    Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(block.find(start)).as("a ```" + language + " block after " + heading).isTrue();
    return block.group(1);
  }
}
