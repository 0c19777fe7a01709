package dev.metered.example.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.MetricType;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsViewTest {

  @Test
  void summarisesEachMetricAndEachValueOfItsMainAttribute() {
    MetricsView view = new MetricsView(disabledSink());
    CommandMetrics commands = new CommandMetrics(view);

    commands.record(Command.PING, CommandType.SLASH, true, 10);
    commands.record(Command.PING, CommandType.PREFIX, true, 30);
    commands.event(Command.TLDR, CommandType.HYBRID, false, 20).errorType("ApiException").record();

    assertThat(view.summaries())
        .extracting(MetricSummary::name, MetricSummary::group, MetricSummary::count)
        .containsExactly(
            tuple(CommandMetrics.EXECUTION_TIME, Optional.empty(), 3L),
            tuple(CommandMetrics.EXECUTION_TIME, Optional.of("command=ping"), 2L),
            tuple(CommandMetrics.EXECUTION_TIME, Optional.of("command=tldr"), 1L),
            tuple(CommandMetrics.FAILURES, Optional.empty(), 1L),
            tuple(CommandMetrics.FAILURES, Optional.of("command=tldr"), 1L),
            tuple(CommandMetrics.USAGE, Optional.empty(), 3L),
            tuple(CommandMetrics.USAGE, Optional.of("command=ping"), 2L),
            tuple(CommandMetrics.USAGE, Optional.of("command=tldr"), 1L));
    assertThat(view.summaries().get(0))
        .isEqualTo(
            new MetricSummary(
                CommandMetrics.EXECUTION_TIME,
                MetricType.DISTRIBUTION,
                "millisecond",
                Optional.empty(),
                3,
                60,
                10,
                30,
                20,
                20,
                30,
                30,
                30));
    assertThat(view.summaries().get(1))
        .extracting(MetricSummary::min, MetricSummary::max, MetricSummary::avg, MetricSummary::p50)
        .containsExactly(10.0, 30.0, 20.0, 10.0);
    assertThat(view.dataPointCount()).isEqualTo(7);
  }

  @Test
  void summarisesADataPointWithoutAttributesOnlyAsAWhole() {
    MetricsView view = new MetricsView(disabledSink());

    view.record(Metric.gauge("bot.bare", null), 4, Attributes.empty());

    assertThat(view.summaries()).extracting(MetricSummary::group).containsExactly(Optional.empty());
  }

  @Test
  void forwardsEachDataPointWhileTheNextSinkIsEnabledAndCountsThem() {
    RecordingSink next = new RecordingSink();
    MetricsView view = new MetricsView(next);

    new CommandMetrics(view).record(Command.PING, CommandType.PREFIX, true, 12.5);

    assertThat(next.recorded())
        .extracting(RecordedMetric::name, RecordedMetric::value)
        .containsExactly(
            tuple(CommandMetrics.EXECUTION_TIME, 12.5), tuple(CommandMetrics.USAGE, 1.0));
    assertThat(next.recorded().get(0).attributeMap())
        .containsEntry("command", "ping")
        .containsEntry("command_type", "prefix");
    assertThat(view.forwardedCount()).isEqualTo(2);
  }

  @Test
  void keepsDataPointsButForwardsNothingWhileTheNextSinkIsDisabled() {
    MetricsView view = new MetricsView(disabledSink());

    // A disabled next sink (Sentry without a DSN) must not switch the view's recorders off.
    assertThat(view.isEnabled()).isTrue();
    new CommandMetrics(view).record(Command.PING, CommandType.PREFIX, true, 1);

    assertThat(view.dataPointCount()).isEqualTo(2);
    assertThat(view.forwardedCount()).isZero();
  }

  @Test
  void refusesASecondDefinitionOfTheSameName() {
    MetricsView view = new MetricsView(disabledSink());
    view.record(Metric.counter("bot.test", null), 1, Attributes.empty());

    assertThatThrownBy(() -> view.record(Metric.gauge("bot.test", null), 1, Attributes.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(view.dataPointCount()).isEqualTo(1);
  }

  @Test
  void rendersAMetricRowThenIndentedRowsPerMainAttributeValue() {
    String table =
        MetricsTable.render(
            List.of(
                new MetricSummary(
                    "bot.a", MetricType.COUNTER, null, Optional.empty(), 2, 2, 1, 1, 1, 1, 1, 1, 1),
                new MetricSummary(
                    "bot.b",
                    MetricType.DISTRIBUTION,
                    "millisecond",
                    Optional.empty(),
                    2,
                    3.5,
                    1.25,
                    2.25,
                    1.75,
                    1.25,
                    2.25,
                    2.25,
                    2.25),
                new MetricSummary(
                    "bot.b",
                    MetricType.DISTRIBUTION,
                    "millisecond",
                    Optional.of("cache=tldr"),
                    1,
                    1.25,
                    1.25,
                    1.25,
                    1.25,
                    1.25,
                    1.25,
                    1.25,
                    1.25)));

    assertThat(table.lines().findFirst())
        .hasValueSatisfying(
            header ->
                assertThat(header.split("\\s+"))
                    .containsExactly(
                        "metric", "type", "unit", "count", "sum", "p50", "p90", "p95", "p99", "min",
                        "max", "avg"));
    assertThat(table.lines().skip(2))
        .containsExactly(
            "bot.a         counter       -                2     2     1     1     1     1     1"
                + "     1     1",
            "bot.b         distribution  millisecond      2  3.50  1.25  2.25  2.25  2.25  1.25"
                + "  2.25  1.75",
            "  cache=tldr                                 1  1.25  1.25  1.25  1.25  1.25  1.25"
                + "  1.25  1.25");
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
