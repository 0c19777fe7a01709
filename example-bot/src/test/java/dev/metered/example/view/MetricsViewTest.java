package dev.metered.example.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.MetricType;
import dev.metered.runtime.SeriesTable;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.OptionalDouble;
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
        .extracting(MetricSummary::name, MetricSummary::breakdown, MetricSummary::count)
        .containsExactly(
            tuple(CommandMetrics.EXECUTION_TIME, List.of(), 3L),
            tuple(CommandMetrics.EXECUTION_TIME, List.of("command=ping"), 2L),
            tuple(CommandMetrics.EXECUTION_TIME, List.of("command=tldr"), 1L),
            tuple(CommandMetrics.FAILURES, List.of(), 1L),
            tuple(CommandMetrics.FAILURES, List.of("command=tldr"), 1L),
            tuple(CommandMetrics.FAILURES, List.of("command=tldr", "error_type=ApiException"), 1L),
            tuple(CommandMetrics.USAGE, List.of(), 3L),
            tuple(CommandMetrics.USAGE, List.of("command=ping"), 2L),
            tuple(CommandMetrics.USAGE, List.of("command=tldr"), 1L));
    assertThat(view.summaries().get(0))
        .isEqualTo(
            new MetricSummary(
                CommandMetrics.EXECUTION_TIME,
                MetricType.DISTRIBUTION,
                "millisecond",
                List.of(),
                3,
                60,
                10,
                30,
                20,
                OptionalDouble.empty(),
                20,
                30,
                30,
                30));
    assertThat(view.summaries().get(1))
        .extracting(
            MetricSummary::min,
            MetricSummary::max,
            MetricSummary::avg,
            MetricSummary::p50,
            MetricSummary::last)
        .containsExactly(10.0, 30.0, 20.0, 10.0, OptionalDouble.of(30));
    assertThat(view.dataPointCount()).isEqualTo(7);
  }

  /**
   * Failures of different kinds are told apart: a metric whose every data point has an error type
   * gets a row per error type under each main attribute value; one where only some have it (usage,
   * which counts successes too) does not.
   */
  @Test
  void breaksAFailureCounterDownByErrorTypeUnderItsMainAttribute() {
    MetricsView view = new MetricsView(disabledSink());
    CommandMetrics commands = new CommandMetrics(view);

    commands.event(Command.TLDR, CommandType.SLASH, false, 1).errorType("TimeoutException").record();
    commands.event(Command.TLDR, CommandType.SLASH, false, 1).errorType("ApiException").record();
    commands.event(Command.TLDR, CommandType.SLASH, false, 1).errorType("ApiException").record();
    commands.record(Command.TLDR, CommandType.SLASH, true, 1);

    assertThat(view.summaries())
        .filteredOn(row -> row.name().equals(CommandMetrics.FAILURES))
        .extracting(MetricSummary::breakdown, MetricSummary::count)
        .containsExactly(
            tuple(List.of(), 3L),
            tuple(List.of("command=tldr"), 3L),
            tuple(List.of("command=tldr", "error_type=ApiException"), 2L),
            tuple(List.of("command=tldr", "error_type=TimeoutException"), 1L));
    assertThat(view.summaries())
        .filteredOn(row -> row.name().equals(CommandMetrics.USAGE))
        .extracting(MetricSummary::breakdown)
        .containsExactly(List.of(), List.of("command=tldr"));
  }

  @Test
  void summarisesADataPointWithoutAttributesOnlyAsAWhole() {
    MetricsView view = new MetricsView(disabledSink());

    view.record(Metric.gauge("bot.bare", null, null, DeliveryMode.AUTO), 4, Attributes.empty());
    view.record(Metric.gauge("bot.bare", null, null, DeliveryMode.AUTO), 2, Attributes.empty());

    assertThat(view.summaries())
        .singleElement()
        .satisfies(row -> assertThat(row.breakdown()).isEmpty())
        .satisfies(row -> assertThat(row.last()).hasValue(2));
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
  void handsATableSeriesOnByItsNumberSoTheNextSinkCanReachItsAggregate() {
    List<String> calls = new ArrayList<>();
    MetricsView view = new MetricsView(new MetricSink() {
      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        calls.add(metric.name() + " with attributes");
      }

      @Override
      public void record(SeriesTable table, int index, double value) {
        calls.add(table.metric().name() + " by number " + table.get(index).attributes().asMap() + " " + value);
      }
    });

    new CommandMetrics(view).record(Command.PING, CommandType.PREFIX, true, 12.5);

    String attributes = "{command=ping, command_type=prefix, success=true}";
    assertThat(calls).containsExactly(
        CommandMetrics.EXECUTION_TIME + " by number " + attributes + " 12.5",
        CommandMetrics.USAGE + " by number " + attributes + " 1.0");
    assertThat(view.dataPointCount()).as("and kept each for the view").isEqualTo(2);
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
    view.record(Metric.counter("bot.test", null, null, DeliveryMode.AUTO), 1, Attributes.empty());

    assertThatThrownBy(() -> view.record(Metric.gauge("bot.test", null, null, DeliveryMode.AUTO), 1, Attributes.empty()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(view.dataPointCount()).isEqualTo(1);
  }

  /**
   * One table per type, each with the columns that mean something for it: no percentiles of the
   * value 1 for a counter, no sum of sizes for a gauge.
   */
  @Test
  void rendersOneTablePerTypeWithItsOwnColumns() {
    String table =
        MetricsTable.render(
            List.of(
                summary("bot.a", MetricType.COUNTER, null, List.of(), 1, 1, 1, 1),
                summary("bot.a", MetricType.COUNTER, null, List.of("service=x"), 1, 1, 1),
                summary(
                    "bot.a",
                    MetricType.COUNTER,
                    null,
                    List.of("service=x", "error_type=IOException"),
                    1,
                    1),
                summary("bot.b", MetricType.DISTRIBUTION, "millisecond", List.of(), 1.25, 2.25),
                summary(
                    "bot.b", MetricType.DISTRIBUTION, "millisecond", List.of("cache=tldr"), 1.25),
                summary("bot.c", MetricType.GAUGE, null, List.of(), 3, 9, 5).withoutLast(),
                summary("bot.c", MetricType.GAUGE, null, List.of("cache=tldr"), 3, 9, 5)),
            Duration.ofSeconds(2));

    assertThat(table.lines())
        .containsExactly(
            "counter                     unit  count  sum  rate/s",
            "--------------------------  ----  -----  ---  ------",
            "bot.a                       -         4    4    2.00",
            "  service=x                           3    3    1.50",
            "    error_type=IOException            2    2    1.00",
            "",
            "gauge         unit  count  last  min  max",
            "------------  ----  -----  ----  ---  ---",
            "bot.c         -         3     -    3    9",
            "  cache=tldr            3     5    3    9",
            "",
            "distribution  unit         count   sum   p50   p90   p95   p99   min   max   avg",
            "------------  -----------  -----  ----  ----  ----  ----  ----  ----  ----  ----",
            "bot.b         millisecond      2  3.50  1.25  2.25  2.25  2.25  1.25  2.25  1.75",
            "  cache=tldr                   1  1.25  1.25  1.25  1.25  1.25  1.25  1.25  1.25");
  }

  private static MetricSummary summary(
      String name, MetricType type, String unit, List<String> breakdown, double... values) {
    return MetricSummary.of(name, type, unit, breakdown, values);
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
