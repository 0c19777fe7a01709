package dev.metered.runtime.testing;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.runtime.Attribute;
import dev.metered.runtime.AttributeValue;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.Metric;
import dev.metered.runtime.SeriesTable;
import dev.metered.runtime.TestAttributeValue;
import dev.metered.runtime.internal.Dimension;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricAssertionsTest {
  // Stand-ins for the generated enums CommandMetrics.Command and CommandMetrics.CommandType.
  private static final AttributeValue PING = TestAttributeValue.of("command", "ping");
  private static final AttributeValue TLDR = TestAttributeValue.of("command", "tldr");
  private static final AttributeValue PREFIX = TestAttributeValue.of("command_type", "prefix");
  private static final AttributeValue SLASH = TestAttributeValue.of("command_type", "slash");
  private static final AttributeValue[] COMMANDS = {PING, TLDR};
  private static final AttributeValue[] COMMAND_TYPES = {PREFIX, SLASH};

  private static final String USAGE = "bot.command.usage";
  private static final Metric USAGE_METRIC = Metric.counter(USAGE, null, "command", DeliveryMode.AUTO);
  private static final Metric FAILURES_METRIC =
      Metric.counter("bot.command.failures", null, "command", DeliveryMode.AUTO);
  private static final SeriesTable USAGE_SERIES =
      new SeriesTable(USAGE_METRIC, Dimension.of(COMMANDS), Dimension.of(COMMAND_TYPES));

  private final RecordingSink sink = new RecordingSink();

  private void use(AttributeValue command, AttributeValue type) {
    int index = Arrays.asList(COMMANDS).indexOf(command) * 2 + Arrays.asList(COMMAND_TYPES).indexOf(type);
    sink.record(USAGE_SERIES, index, 1);
  }

  @Test
  void countsThePointsWithTheGivenValues() {
    use(PING, SLASH);
    use(PING, SLASH);
    use(PING, PREFIX);
    use(TLDR, SLASH);

    assertThat(sink).recorded(USAGE).with(PING, SLASH).times(2).totalling(2);
    assertThat(sink).recorded(USAGE).with(PING).times(3);
    assertThat(sink).recorded(USAGE).with("command_type", "slash").times(3);
    assertThat(sink).recorded(USAGE).with(TLDR, PREFIX).never();
    assertThat(sink).recorded(USAGE).without("error_type").atLeastOnce();
    assertThat(sink).recorded(FAILURES_METRIC).never();
  }

  @Test
  void aFailureSaysWhatWasExpectedAndWhatWasRecorded() {
    use(PING, PREFIX);

    assertThatThrownBy(() -> assertThat(sink).recorded(USAGE).with(PING, SLASH).times(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 2 data points of bot.command.usage with command=ping, command_type=slash, but found 0")
        .hasMessageContaining("bot.command.usage 1.0 {command=ping, command_type=prefix}");
    assertThatThrownBy(() -> assertThat(sink).recorded(FAILURES_METRIC).once())
        .hasMessageContaining("nothing under bot.command.failures; metrics recorded: [bot.command.usage]");
    assertThatThrownBy(() -> assertThat(sink).recordedNothing())
        .hasMessageContaining("expected no metric to be recorded");
  }

  @Test
  void aNameNoCatalogDeclaresFailsAtOnceWithTheNearestDeclaredName(@TempDir Path classes)
      throws IOException {
    use(PING, SLASH);
    withCatalog(classes, "bot.command.usage", "bot.command.failures", () -> {
      assertThatThrownBy(() -> assertThat(sink).recorded("bot.command.failurs"))
          .isInstanceOf(AssertionError.class)
          .hasMessageStartingWith("no recorder declares 'bot.command.failurs'; did you mean 'bot.command.failures'?");
      assertThatThrownBy(() -> sink.recorded("bot.command.failurs"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("no recorder declares 'bot.command.failurs'; did you mean 'bot.command.failures'?");
      // Declared, never recorded: the check the typo used to pass.
      assertThat(sink).recorded("bot.command.failures").never();
      Assertions.assertThat(sink.recorded("bot.command.failures")).isEmpty();
      assertThatThrownBy(() -> assertThat(sink).recorded("bot.command.failures").once())
          .hasMessageContaining("expected 1 data point of bot.command.failures, but found 0");
    });
  }

  @Test
  void withoutACatalogANameMustHaveBeenRecordedAndTheMessageSaysWhy() {
    use(PING, SLASH);

    assertThat(sink).recorded(USAGE).once();
    assertThatThrownBy(() -> assertThat(sink).recorded("bot.command.usgae").never())
        .hasMessageStartingWith("no recorder declares 'bot.command.usgae' (no META-INF/metered/metrics.json"
            + " is on the class path, and the sink recorded no such metric); did you mean 'bot.command.usage'?");
    assertThatThrownBy(() -> assertThat(sink).recorded("shop.checkout.total"))
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void catalogNamesAreReadFromTheirLinesOnly() {
    String catalog = """
        {
          "catalog": 1,
          "namespace": "bot",
          "metrics": [
            {
              "name": "bot.caf\\u00e9.\\"quoted\\"",
              "description": "Not a name: \\"name\\": \\"bot.decoy\\"",
              "attributes": [
                {
                  "key": "name",
                  "description": null
                }
              ]
            },
            {
              "name": "bot.second",
              "family": "x"
            }
          ]
        }
        """;
    Assertions.assertThat(DeclaredMetrics.namesIn(catalog)).containsExactly("bot.caf\u00e9.\"quoted\"", "bot.second");
  }

  /** Runs {@code test} with a catalog of {@code names} on the context class loader's path. */
  private static void withCatalog(Path classes, String first, String second, Runnable test)
      throws IOException {
    Path catalog = classes.resolve(DeclaredMetrics.CATALOG);
    Files.createDirectories(catalog.getParent());
    Files.writeString(catalog, """
        {
          "catalog": 1,
          "metrics": [
            {
              "name": "%s",
              "family": "command"
            },
            {
              "name": "%s",
              "family": "command"
            }
          ]
        }
        """.formatted(first, second), StandardCharsets.UTF_8);
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      thread.setContextClassLoader(loader);
      test.run();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  @Test
  void gaugesAndIntegerAttributesCompareByValue() {
    Metric size = Metric.gauge("bot.cache.size", null, null, DeliveryMode.AUTO);
    sink.record(size, 3, Attributes.of(Attribute.ofLong("shard", 2)));
    sink.record(size, 9, Attributes.of(Attribute.ofLong("shard", 2)));

    assertThat(sink).recorded("bot.cache.size").with("shard", 2).times(2).lastValue(9);
    assertThatThrownBy(() -> assertThat(sink).recorded("bot.cache.size").lastValue(3))
        .hasMessageContaining("values are [3.0, 9.0]");
  }

  @Test
  void installedGloballyItReceivesWhatGlobalRecordersRecordUntilClosed() {
    try (RecordingSink global = RecordingSink.installGlobally()) {
      MeteredRuntime.globalSink().record(USAGE_SERIES, 0, 1);
      assertThat(global).recorded(USAGE).with(PING, PREFIX).once();
    }
    Assertions.assertThat(MeteredRuntime.globalSink().toString()).endsWith("DeliverySink[SentrySink]");
  }
}
