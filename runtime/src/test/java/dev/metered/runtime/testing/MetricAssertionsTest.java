package dev.metered.runtime.testing;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.runtime.Attribute;
import dev.metered.runtime.AttributeValue;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.Dimension;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.Metric;
import dev.metered.runtime.SeriesTable;
import dev.metered.runtime.TestAttributeValue;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

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
  private static final SeriesTable USAGE_SERIES =
      new SeriesTable(USAGE_METRIC, Dimension.of(COMMANDS), Dimension.of(COMMAND_TYPES));

  private final RecordingSink sink = new RecordingSink();

  private void use(AttributeValue command, AttributeValue type) {
    int index = Arrays.asList(COMMANDS).indexOf(command) * 2 + Arrays.asList(COMMAND_TYPES).indexOf(type);
    sink.record(USAGE_SERIES.get(index), 1);
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
    assertThat(sink).recorded("bot.command.failures").never();
  }

  @Test
  void aFailureSaysWhatWasExpectedAndWhatWasRecorded() {
    use(PING, PREFIX);

    assertThatThrownBy(() -> assertThat(sink).recorded(USAGE).with(PING, SLASH).times(2))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected 2 data points of bot.command.usage with command=ping, command_type=slash, but found 0")
        .hasMessageContaining("bot.command.usage 1.0 {command=ping, command_type=prefix}");
    assertThatThrownBy(() -> assertThat(sink).recorded("bot.command.usgae").once())
        .hasMessageContaining("nothing under bot.command.usgae; metrics recorded: [bot.command.usage]");
    assertThatThrownBy(() -> assertThat(sink).recordedNothing())
        .hasMessageContaining("expected no metric to be recorded");
  }

  @Test
  void gaugesAndIntegerAttributesCompareByValue() {
    Metric size = Metric.gauge("bot.cache.size", null);
    sink.record(size, 3, Attributes.of(Attribute.ofLong("shard", 2)));
    sink.record(size, 9, Attributes.of(Attribute.ofLong("shard", 2)));

    assertThat(sink).recorded("bot.cache.size").with("shard", 2).times(2).lastValue(9);
    assertThatThrownBy(() -> assertThat(sink).recorded("bot.cache.size").lastValue(3))
        .hasMessageContaining("values are [3.0, 9.0]");
  }

  @Test
  void installedGloballyItReceivesWhatGlobalRecordersRecordUntilClosed() {
    try (RecordingSink global = RecordingSink.installGlobally()) {
      MeteredRuntime.globalSink().record(USAGE_SERIES.get(0), 1);
      assertThat(global).recorded(USAGE).with(PING, PREFIX).once();
    }
    Assertions.assertThat(MeteredRuntime.globalSink().toString()).endsWith("DeliverySink[SentrySink]");
  }
}
