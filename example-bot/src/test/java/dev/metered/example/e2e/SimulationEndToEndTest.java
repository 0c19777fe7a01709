package dev.metered.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.cli.BotMain;
import dev.metered.example.cli.ShutdownSignal;
import dev.metered.example.db.Database;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final bot, end to end, as a user runs it: {@link BotMain} with {@code SENTRY_DSN} pointing at
 * the {@link SentryReceiver}, a short simulation, the real Sentry SDK and its HTTP transport. Every
 * one of the reference's 21 metrics must arrive, each with the reference's type, unit and attribute
 * keys; Sentry must receive exactly the data points the bot says it handed over, and as many of
 * each metric as its printed table counts.
 */
class SimulationEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern HANDED_OVER =
      Pattern.compile("Sentry: (\\d+) data points handed to the Sentry SDK");
  private static final Pattern TABLE_ROW =
      Pattern.compile("(bot\\.[a-z_.]+)\\s+\\S+\\s+(\\d+)\\s.*");

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

  @TempDir Path directory;

  @Test
  void theBotsSimulationDeliversAll21MetricsAsTheReferenceSpecifies() throws Exception {
    assertThat(Sentry.isEnabled()).as("Sentry left initialised by an earlier test").isFalse();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (SentryReceiver receiver = SentryReceiver.start()) {
      int code =
          BotMain.run(
              new String[0],
              Map.of(
                  "SENTRY_DSN", receiver.dsn(),
                  "SENTRY_ENVIRONMENT", "e2e",
                  "SIMULATION_DURATION", "2s",
                  "SIMULATION_RATE", "40",
                  "SIMULATION_SEED", "7",
                  "DATABASE_URL", Database.inMemoryUrl("e2e-simulation"),
                  "API_TIMEOUT", "1s",
                  "CLEANUP_INTERVAL", "200ms",
                  "STATUS_INTERVAL", "200ms"),
              directory,
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false,
              ShutdownSignal.manual());
      String output = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(BotMain.OK);
      // The bot closed the SDK, which flushed it, and put the runtime's default sink back.
      assertThat(Sentry.isEnabled()).isFalse();
      assertThat(MeteredRuntime.globalSink().toString()).endsWith(MeteredRuntime.defaultSink().toString());

      Matcher handedOver = HANDED_OVER.matcher(output);
      assertThat(handedOver.find()).as(output).isTrue();
      int sent = Integer.parseInt(handedOver.group(1));
      receiver.awaitMetrics(sent, TIMEOUT);
      List<ReceivedMetric> received =
          receiver.receivedMetrics().stream().map(ReceivedMetric::withoutSdkAttributes).toList();

      assertThat(received).hasSize(sent);
      assertThat(countsByName(received)).isEqualTo(tableCounts(output));
      assertThat(received).extracting(ReceivedMetric::name).containsAll(REFERENCE.keySet());
      for (ReceivedMetric metric : received) {
        assertMatchesTheReference(metric);
      }
      // The optional attributes really occur, so the key-set checks are not vacuous.
      assertThat(received)
          .anySatisfy(m -> assertThat(m.attributes()).containsKey("error_type"))
          .anySatisfy(m -> assertThat(m.attributes()).containsKey("retry_count"))
          .anySatisfy(m -> assertThat(m.attributes()).containsEntry("rate_limited", true))
          .anySatisfy(m -> assertThat(m.attributes()).containsKey("status_code"))
          .anySatisfy(m -> assertThat(m.attributes()).containsEntry("task", "status_rotation"))
          .anySatisfy(m -> assertThat(m.attributes()).containsEntry("command", "reload"));
      receiver.assertNoDecodingErrors();
    } finally {
      Sentry.close();
      MeteredRuntime.resetGlobalSink();
    }
  }

  private static void assertMatchesTheReference(ReceivedMetric metric) {
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

  private static Map<String, Long> countsByName(List<ReceivedMetric> metrics) {
    return metrics.stream()
        .collect(Collectors.groupingBy(ReceivedMetric::name, TreeMap::new, Collectors.counting()));
  }

  /** The count column of the printed table's metric rows (not the indented breakdown rows). */
  private static Map<String, Long> tableCounts(String output) {
    Map<String, Long> counts = new TreeMap<>();
    output
        .lines()
        .map(TABLE_ROW::matcher)
        .filter(Matcher::matches)
        .forEach(row -> counts.put(row.group(1), Long.parseLong(row.group(2))));
    return counts;
  }

  private record Spec(String type, String unit, Set<String> required, Set<String> optional) {}
}
