package dev.metered.example.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.BotConfig;
import dev.metered.example.Recorders;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.MetricType;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScriptedSessionTest {

  @Test
  void theSameSeedRecordsTheSameDataPoints() throws Exception {
    RecordingSink first = new RecordingSink();
    RecordingSink second = new RecordingSink();

    SessionReport report = run(first);
    run(second);

    // Durations differ from run to run; everything else (which data points, their attributes,
    // counter and gauge values) must not.
    assertThat(fingerprints(second)).isEqualTo(fingerprints(first));
    assertThat(report.failedCogs()).containsOnlyKeys(CogMetrics.Cog.WOLFRAM);
    assertThat(report.failed()).isPositive();
    assertThat(report.succeeded() + report.failed() + report.ignored()).isEqualTo(report.events());
    assertThat(first.recorded().stream().map(RecordedMetric::name).distinct()).hasSize(21);
  }

  @Test
  void theScriptDependsOnlyOnTheSeed() {
    assertThat(SessionScript.write(3, 50)).isEqualTo(SessionScript.write(3, 50));
    assertThat(SessionScript.write(3, 50)).isNotEqualTo(SessionScript.write(4, 50));
    // The planted incidents are there whatever the seed.
    assertThat(SessionScript.write(4, 50)).anyMatch(step -> step.databaseFailures() == 4);
  }

  private static SessionReport run(RecordingSink sink) throws Exception {
    // The command, cog and task events come from the handlers' generated wrappers, which record
    // to the global sink; the other families go to the recorders the bot is given.
    MeteredRuntime.setGlobalSink(sink);
    try {
      return new ScriptedSession(
              new SessionConfig(11, 50, Duration.ofMillis(1), Duration.ofSeconds(20)))
          .run(
              BotConfig.demo(11)
                  .withCleanup(Duration.ofMillis(10), 3)
                  .withApiTimings(Duration.ofSeconds(1), Duration.ofMillis(1500)),
              Recorders.to(sink));
    } finally {
      MeteredRuntime.resetGlobalSink();
    }
  }

  /** Each data point without its duration, counted: a multiset independent of thread order. */
  private static Map<String, Long> fingerprints(RecordingSink sink) {
    return sink.recorded().stream()
        .map(
            metric ->
                metric.name()
                    + " "
                    + new TreeMap<>(metric.attributeMap())
                    + (metric.type() == MetricType.DISTRIBUTION ? "" : " = " + metric.value()))
        .collect(Collectors.groupingBy(key -> key, TreeMap::new, Collectors.counting()));
  }

  @Test
  void aTimedSessionSendsTheRateForTheDuration() {
    SessionConfig config =
        SessionConfig.timed(1, Duration.ofSeconds(30), 10, Duration.ofSeconds(5));

    assertThat(config.inputs()).isEqualTo(300);
    assertThat(config.interval()).isEqualTo(Duration.ofMillis(100));
    assertThat(SessionConfig.timed(1, Duration.ofMillis(100), 0.5, Duration.ZERO).inputs())
        .as("at least one event")
        .isEqualTo(1);
  }

  @Test
  void describesTheSessionInOneLine() {
    SessionReport report =
        new SessionReport(
            10,
            7,
            2,
            1,
            java.util.Map.of(CogMetrics.Cog.WOLFRAM, "WOLFRAM_APP_ID is not set"),
            Duration.ofSeconds(2));

    assertThat(report.describe())
        .isEqualTo(
            "10 gateway events: 7 commands succeeded, 2 failed, 1 event invoked no command;"
                + " cogs that failed to load: wolfram: WOLFRAM_APP_ID is not set");
  }

  @Test
  void plantsEveryIncidentWhateverTheSeed() {
    for (long seed : new long[] {1, 2, 3}) {
      List<ScriptStep> script = SessionScript.write(seed, 100);
      assertThat(script).hasSize(100);
      assertThat(script)
          .extracting(ScriptStep::event)
          .contains(
              new dev.metered.example.gateway.Message(1, 103, 7, "!remind 80ms check the deploy"),
              new dev.metered.example.gateway.Message(2, 207, 8, "?remind 60ms stand up"),
              new dev.metered.example.gateway.SlashCommand(5, 501, 11, "tldr", List.of()));
      assertThat(script)
          .anyMatch(step -> step.databaseFailures() == 4)
          .anyMatch(step -> step.event().toString().contains("remember ".repeat(30).trim()));
    }
  }
}
