package dev.metered.example.metrics;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;

import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.testing.RecordingSink;
import org.junit.jupiter.api.Test;

/**
 * How a user tests what their code records: the generated recorder, a {@link RecordingSink}
 * and {@code MetricAssertions}, in plain JUnit 5 and without Sentry.
 */
class RecorderAssertionsTest {

  @Test
  void theUsageOfTwoPingsOverSlashIsRecordedTwice() {
    RecordingSink sink = new RecordingSink();
    CommandMetrics metrics = new CommandMetrics(sink);

    metrics.record(Command.PING, CommandType.SLASH, true, 12.5);
    metrics.record(Command.PING, CommandType.SLASH, true, 8.0);
    metrics.event(Command.TLDR, CommandType.PREFIX, false, 30.0).errorType("TimeoutException").record();

    assertThat(sink).recorded(CommandMetrics.USAGE).with(Command.PING, CommandType.SLASH).times(2);
    assertThat(sink).recorded(CommandMetrics.EXECUTION_TIME).with(Command.PING).times(2).totalling(20.5);
    assertThat(sink).recorded(CommandMetrics.FAILURES).with(Command.TLDR).with("error_type", "TimeoutException").once();
    assertThat(sink).recorded(CommandMetrics.FAILURES).with(Command.PING).never();
  }
}
