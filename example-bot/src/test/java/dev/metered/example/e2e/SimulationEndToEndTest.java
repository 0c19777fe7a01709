package dev.metered.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.BotConfig;
import dev.metered.example.Recorders;
import dev.metered.example.session.ScriptedSession;
import dev.metered.example.session.SessionConfig;
import dev.metered.example.view.MetricSummary;
import dev.metered.example.view.MetricsView;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.SentrySink;
import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot itself, end to end: a scripted session with the bot's {@link MetricsView} forwarding to
 * the real Sentry SDK, pointed at the {@link SentryReceiver}. Every one of the reference's 21
 * metrics must arrive, each with the reference's type, unit and attribute keys, and Sentry must
 * receive exactly the data points the view counted.
 */
class SimulationEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static final Set<String> COMMAND = Set.of("command", "command_type", "success");
  private static final Set<String> DATABASE = Set.of("operation", "success");
  private static final Set<String> API =
      Set.of("service", "endpoint", "method", "success", "rate_limited");
  private static final Set<String> COG = Set.of("cog", "operation", "success");
  private static final Set<String> CACHE = Set.of("cache", "operation");
  private static final Set<String> TASK = Set.of("task", "task_type", "success");
  private static final Set<String> ERROR = Set.of("error_type");
  private static final Set<String> NONE = Set.of();

  /** METRICS-REFERENCE.md's table, typed out: type, unit, required and optional attributes. */
  private static final Map<String, Spec> REFERENCE =
      Map.ofEntries(
          Map.entry(
              "bot.command.execution_time",
              new Spec("distribution", "millisecond", COMMAND, ERROR)),
          Map.entry("bot.command.usage", new Spec("counter", null, COMMAND, ERROR)),
          Map.entry("bot.command.failures", new Spec("counter", null, COMMAND, ERROR)),
          Map.entry(
              "bot.database.operation.duration",
              new Spec(
                  "distribution",
                  "millisecond",
                  DATABASE,
                  Set.of("table", "retry_count", "error_type"))),
          Map.entry(
              "bot.database.operation.count",
              new Spec("counter", null, DATABASE, Set.of("table", "retry_count", "error_type"))),
          Map.entry(
              "bot.database.retries",
              new Spec("counter", null, Set.of("operation", "table"), NONE)),
          Map.entry(
              "bot.database.failures",
              new Spec("counter", null, DATABASE, Set.of("table", "retry_count", "error_type"))),
          Map.entry(
              "bot.api.call.duration",
              new Spec("distribution", "millisecond", API, Set.of("status_code"))),
          Map.entry("bot.api.call.count", new Spec("counter", null, API, Set.of("status_code"))),
          Map.entry(
              "bot.api.rate_limits",
              new Spec("counter", null, Set.of("service", "endpoint"), NONE)),
          Map.entry("bot.api.failures", new Spec("counter", null, API, Set.of("status_code"))),
          Map.entry("bot.cog.operation.count", new Spec("counter", null, COG, ERROR)),
          Map.entry(
              "bot.cog.operation.duration", new Spec("distribution", "millisecond", COG, ERROR)),
          Map.entry("bot.cog.failures", new Spec("counter", null, COG, ERROR)),
          Map.entry("bot.cache.hits", new Spec("counter", null, CACHE, NONE)),
          Map.entry("bot.cache.misses", new Spec("counter", null, CACHE, NONE)),
          Map.entry(
              "bot.cache.operation.duration", new Spec("distribution", "millisecond", CACHE, NONE)),
          Map.entry("bot.cache.size", new Spec("gauge", null, Set.of("cache"), NONE)),
          Map.entry(
              "bot.task.execution_time", new Spec("distribution", "millisecond", TASK, ERROR)),
          Map.entry("bot.task.executions", new Spec("counter", null, TASK, ERROR)),
          Map.entry("bot.task.failures", new Spec("counter", null, TASK, ERROR)));

  /** Wire types of the attributes that are not strings. */
  private static final Map<String, String> NON_STRING_TYPES =
      Map.of(
          "success", "boolean",
          "rate_limited", "boolean",
          "retry_count", "integer",
          "status_code", "integer");

  private SentryReceiver receiver;

  @BeforeEach
  void startSentryAgainstTheReceiver() throws IOException {
    assertThat(Sentry.isEnabled()).as("Sentry left initialised by an earlier test").isFalse();
    receiver = SentryReceiver.start();
    Sentry.init(
        options -> {
          options.setDsn(receiver.dsn());
          options.setEnableUncaughtExceptionHandler(false);
          options.setServerName("e2e-host");
          options.setEnvironment("e2e");
          options.setShutdownTimeoutMillis(2000);
        });
  }

  @AfterEach
  void stopEverything() {
    try {
      MeteredRuntime.resetGlobalSink();
      Sentry.close();
    } finally {
      receiver.close();
    }
  }

  @Test
  void theBotsSessionDeliversAll21MetricsAsTheReferenceSpecifies() throws Exception {
    MetricsView view = new MetricsView(SentrySink.instance());
    MeteredRuntime.setGlobalSink(view);

    new ScriptedSession(new SessionConfig(7, 60, Duration.ofMillis(2), TIMEOUT))
        .run(
            BotConfig.demo(7)
                .withCleanup(Duration.ofMillis(20), 4)
                .withApiTimings(Duration.ofSeconds(1), Duration.ofMillis(1500)),
            Recorders.global());
    MeteredRuntime.resetGlobalSink();
    Sentry.close();

    long sent = view.dataPointCount();
    receiver.awaitMetrics(Math.toIntExact(sent), TIMEOUT);
    List<ReceivedMetric> received =
        receiver.receivedMetrics().stream().map(ReceivedMetric::withoutSdkAttributes).toList();

    assertThat(received).hasSize(Math.toIntExact(sent));
    assertThat(countsByName(received)).isEqualTo(viewCounts(view));
    assertThat(received).extracting(ReceivedMetric::name).containsAll(REFERENCE.keySet());
    for (ReceivedMetric metric : received) {
      Spec spec = REFERENCE.get(metric.name());
      assertThat(spec).as("%s is not a metric of the reference", metric.name()).isNotNull();
      assertThat(metric.type()).as("type of %s", metric.name()).isEqualTo(spec.type());
      assertThat(metric.unit()).as("unit of %s", metric.name()).isEqualTo(spec.unit());
      Set<String> keys = metric.attributes().keySet();
      assertThat(keys).as("attributes of %s", metric).containsAll(spec.required());
      Set<String> allowed = new HashSet<>(spec.required());
      allowed.addAll(spec.optional());
      assertThat(allowed).as("attributes of %s", metric).containsAll(keys);
      metric
          .attributeTypes()
          .forEach(
              (key, wireType) ->
                  assertThat(wireType)
                      .as("wire type of %s in %s", key, metric)
                      .isEqualTo(NON_STRING_TYPES.getOrDefault(key, "string")));
      if (metric.type().equals("counter") && !metric.name().equals("bot.database.retries")) {
        assertThat(metric.value()).as("value of %s", metric).isEqualTo(1.0);
      }
    }
    // The optional attributes really occur, so the key-set checks above are not vacuous.
    assertThat(received)
        .anySatisfy(m -> assertThat(m.attributes()).containsKey("error_type"))
        .anySatisfy(m -> assertThat(m.attributes()).containsKey("retry_count"))
        .anySatisfy(m -> assertThat(m.attributes()).containsEntry("rate_limited", true))
        .anySatisfy(m -> assertThat(m.attributes()).containsKey("status_code"));
    receiver.assertNoDecodingErrors();
  }

  private static Map<String, Long> countsByName(List<ReceivedMetric> metrics) {
    return metrics.stream()
        .collect(Collectors.groupingBy(ReceivedMetric::name, TreeMap::new, Collectors.counting()));
  }

  private static Map<String, Long> viewCounts(MetricsView view) {
    Map<String, Long> counts = new TreeMap<>();
    for (MetricSummary summary : view.summaries()) {
      counts.put(summary.name(), summary.count());
    }
    return counts;
  }

  private record Spec(String type, String unit, Set<String> required, Set<String> optional) {}
}
