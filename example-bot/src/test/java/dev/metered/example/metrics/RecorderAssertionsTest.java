package dev.metered.example.metrics;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.testing.RecordingSink;
import org.junit.jupiter.api.Test;

/**
 * How a user tests what their code records: the generated recorder, a {@link RecordingSink}
 * and {@code MetricAssertions}, in plain JUnit 5 and without Sentry.
 */
class RecorderAssertionsTest {
  private final RecordingSink sink = new RecordingSink();
  private final CommandMetrics metrics = new CommandMetrics(sink);

  @Test
  void theUsageOfTwoPingsOverSlashIsRecordedTwice() {
    metrics.record(Command.PING, CommandType.SLASH, true, 12.5);
    metrics.record(Command.PING, CommandType.SLASH, true, 8.0);
    metrics.event(Command.TLDR, CommandType.PREFIX, false, 30.0).errorType("TimeoutException").record();

    assertThat(sink).recorded(CommandMetrics.USAGE_METRIC).with(Command.PING, CommandType.SLASH).times(2);
    assertThat(sink).recorded(CommandMetrics.EXECUTION_TIME_METRIC).with(Command.PING).times(2).totalling(20.5);
    assertThat(sink).recorded(CommandMetrics.FAILURES_METRIC).with(Command.TLDR).with("error_type", "TimeoutException").once();
    assertThat(sink).recorded(CommandMetrics.FAILURES_METRIC).with(Command.PING).never();
  }

  /** The names come from the catalog the processor wrote for this build's recorders. */
  @Test
  void aMisspeltNameFailsAndNamesTheMetricMeantWhileADeclaredOneCountsNothing() {
    metrics.record(Command.PING, CommandType.SLASH, true, 12.5);

    assertThat(sink).recorded("bot.command.failures").never();
    assertThatThrownBy(() -> assertThat(sink).recorded("bot.command.failurs").never())
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("no recorder declares 'bot.command.failurs'; did you mean 'bot.command.failures'?");
    assertThatThrownBy(() -> sink.recorded("bot.cache.hit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("no recorder declares 'bot.cache.hit'; did you mean 'bot.cache.hits'?");
  }
}
