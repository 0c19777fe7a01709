package dev.metered.example.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example bot commits its metrics catalog as docs/metrics.md, so a reader of the repository
 * sees every metric without building it. The processor writes the same page from the schema at
 * every compilation; this test fails as soon as the two differ, so the committed page never goes
 * stale.
 */
class MetricsCatalogTest {
  private static final Path COMMITTED = Path.of("docs", "metrics.md");

  @Test
  void theCommittedCatalogMatchesTheSchema() throws IOException {
    String generated = resource("/META-INF/metered/metrics.md");
    assertThat(Files.readString(COMMITTED))
        .as("example-bot/docs/metrics.md is stale; regenerate it with: mvn -B -ntp -q package -DskipTests"
            + " && cp example-bot/target/classes/META-INF/metered/metrics.md example-bot/docs/metrics.md")
        .isEqualTo(generated);
  }

  @Test
  void theJsonCatalogListsEveryMetricOfTheReferenceOnce() throws IOException {
    String json = resource("/META-INF/metered/metrics.json");
    for (String name : new String[] {
        "bot.command.execution_time", "bot.command.usage", "bot.command.failures",
        "bot.database.operation.duration", "bot.database.operation.count", "bot.database.retries",
        "bot.database.failures", "bot.api.call.duration", "bot.api.call.count", "bot.api.rate_limits",
        "bot.api.failures", "bot.cog.operation.count", "bot.cog.operation.duration", "bot.cog.failures",
        "bot.cache.hits", "bot.cache.misses", "bot.cache.operation.duration", "bot.cache.size",
        "bot.task.execution_time", "bot.task.executions", "bot.task.failures"}) {
      assertThat(json).as(name).containsOnlyOnce("\"name\": \"" + name + "\"");
    }
    assertThat(json.split("\"name\": ", -1)).as("21 metrics and nothing else").hasSize(22);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = MetricsCatalogTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name + " is in the jar").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
