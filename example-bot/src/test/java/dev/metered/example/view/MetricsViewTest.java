package dev.metered.example.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.MetricType;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import org.junit.jupiter.api.Test;

class MetricsViewTest {

  @Test
  void summarisesWhatTheGeneratedRecordersRecorded() {
    MetricsView view = new MetricsView(disabledSink());
    CommandMetrics commands = new CommandMetrics(view);

    commands.record(Command.PING, CommandType.SLASH, true, 10);
    commands.record(Command.PING, CommandType.SLASH, true, 30);
    commands.event(Command.TLDR, CommandType.HYBRID, false, 20).errorType("ApiException").record();

    assertThat(view.summaries())
        .containsExactly(
            new MetricSummary(
                CommandMetrics.EXECUTION_TIME,
                MetricType.DISTRIBUTION,
                "millisecond",
                3,
                60,
                10,
                30,
                20,
                20,
                30),
            new MetricSummary(
                CommandMetrics.FAILURES, MetricType.COUNTER, null, 1, 1, 1, 1, 1, 1, 1),
            new MetricSummary(CommandMetrics.USAGE, MetricType.COUNTER, null, 3, 3, 1, 1, 1, 1, 1));
    assertThat(view.dataPointCount()).isEqualTo(7);
  }

  @Test
  void forwardsEachDataPointWhileTheTargetIsEnabled() {
    RecordingSink target = new RecordingSink();
    MetricsView view = new MetricsView(target);

    new CommandMetrics(view).record(Command.PING, CommandType.PREFIX, true, 12.5);

    assertThat(target.recorded())
        .extracting(RecordedMetric::name, RecordedMetric::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(CommandMetrics.EXECUTION_TIME, 12.5),
            org.assertj.core.groups.Tuple.tuple(CommandMetrics.USAGE, 1.0));
    assertThat(target.recorded().get(0).attributeMap())
        .containsEntry("command", "ping")
        .containsEntry("command_type", "prefix");
  }

  @Test
  void keepsDataPointsButForwardsNothingWhileTheTargetIsDisabled() {
    MetricsView view = new MetricsView(disabledSink());

    // A disabled target (Sentry without a DSN) must not switch the view's recorders off.
    assertThat(view.isEnabled()).isTrue();
    new CommandMetrics(view).record(Command.PING, CommandType.PREFIX, true, 1);

    assertThat(view.dataPointCount()).isEqualTo(2);
  }

  @Test
  void refusesASecondDefinitionOfTheSameName() {
    MetricsView view = new MetricsView(disabledSink());
    view.record(Metric.counter("bot.test", null), 1, Attributes.empty());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> view.record(Metric.gauge("bot.test", null), 1, Attributes.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(view.dataPointCount()).isEqualTo(1);
  }

  @Test
  void rendersOneRowPerMetricWithWholeNumbersWithoutDecimals() {
    String table =
        MetricsTable.render(
            java.util.List.of(
                new MetricSummary("bot.a", MetricType.COUNTER, null, 2, 2, 1, 1, 1, 1, 1),
                new MetricSummary(
                    "bot.b",
                    MetricType.DISTRIBUTION,
                    "millisecond",
                    2,
                    3.5,
                    1.25,
                    2.25,
                    1.75,
                    1.25,
                    2.25)));

    assertThat(table.lines()).hasSize(4).first().asString().startsWith("metric").contains("p95");
    assertThat(table.lines().skip(2))
        .containsExactly(
            "bot.a   counter       -                 2     2     1     1     1     1     1",
            "bot.b   distribution  millisecond       2  3.50  1.25  2.25  1.75  1.25  2.25");
  }

  private static MetricSink disabledSink() {
    return new MetricSink() {
      @Override
      public boolean isEnabled() {
        return false;
      }

      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        throw new AssertionError("a disabled sink must not be called");
      }
    };
  }
}
