package dev.metered.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.example.metrics.TaskMetrics;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract, end to end: a scripted sequence of events through the example bot's generated
 * recorders, the default global sink and the real Sentry SDK with its real HTTP transport, must put
 * exactly the data points of METRICS-REFERENCE.md on the wire, and nothing else.
 *
 * <p>The script covers every row of the reference and every condition both ways (holds, does not
 * hold; optional attribute given, not given). The expected data points are written out by hand from
 * the reference, not derived from the schema or the generated code, so a mistake in either shows up
 * here as a difference on the wire.
 */
class ScriptedMetricsEndToEndTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final String COUNTER = "counter";
  private static final String DISTRIBUTION = "distribution";
  private static final String GAUGE = "gauge";
  private static final String MS = "millisecond";

  /** The 21 metric names of the reference, typed out. */
  private static final Set<String> REFERENCE_NAMES =
      Set.of(
          "bot.command.execution_time",
          "bot.command.usage",
          "bot.command.failures",
          "bot.database.operation.duration",
          "bot.database.operation.count",
          "bot.database.retries",
          "bot.database.failures",
          "bot.api.call.duration",
          "bot.api.call.count",
          "bot.api.rate_limits",
          "bot.api.failures",
          "bot.cog.operation.count",
          "bot.cog.operation.duration",
          "bot.cog.failures",
          "bot.cache.hits",
          "bot.cache.misses",
          "bot.cache.operation.duration",
          "bot.cache.size",
          "bot.task.execution_time",
          "bot.task.executions",
          "bot.task.failures");

  private SentryReceiver receiver;

  @BeforeEach
  void startSentryAgainstTheReceiver() throws IOException {
    assertThat(Sentry.isEnabled()).as("Sentry left initialised by an earlier test").isFalse();
    // The recorders' global sink must be a fresh default one (an earlier test may have closed
    // its own), delivering to Sentry with the default options: one data point per call here.
    MeteredRuntime.configure(MeteredOptions.defaults());
    MeteredRuntime.resetGlobalSink();
    receiver = SentryReceiver.start();
    Sentry.init(receiver::configure);
  }

  @AfterEach
  void stopSentryAndReceiver() {
    try {
      Sentry.close();
    } finally {
      receiver.close();
    }
  }

  @Test
  void everyRowAndConditionOfTheReferenceArrivesExactlyAsSpecified() throws Exception {
    List<ReceivedMetric> expected = new ArrayList<>();

    // --- command: success true and false; error_type given and not given; all three types.
    CommandMetrics.global()
        .record(CommandMetrics.Command.PING, CommandMetrics.CommandType.SLASH, true, 12.5);
    Attr[] pingOk = {str("command", "ping"), str("command_type", "slash"), bool("success", true)};
    expected.add(metric(DISTRIBUTION, "bot.command.execution_time", MS, 12.5, pingOk));
    expected.add(metric(COUNTER, "bot.command.usage", null, 1, pingOk));

    CommandMetrics.global()
        .event(CommandMetrics.Command.TLDR, CommandMetrics.CommandType.PREFIX, false, 40.25)
        .errorType("RateLimitedException")
        .record();
    Attr[] tldrFailed = {
      str("command", "tldr"),
      str("command_type", "prefix"),
      bool("success", false),
      str("error_type", "RateLimitedException")
    };
    expected.add(metric(DISTRIBUTION, "bot.command.execution_time", MS, 40.25, tldrFailed));
    expected.add(metric(COUNTER, "bot.command.usage", null, 1, tldrFailed));
    expected.add(metric(COUNTER, "bot.command.failures", null, 1, tldrFailed));

    CommandMetrics.global()
        .record(CommandMetrics.Command.REMIND, CommandMetrics.CommandType.HYBRID, false, 7.0);
    Attr[] remindFailed = {
      str("command", "remind"), str("command_type", "hybrid"), bool("success", false)
    };
    expected.add(metric(DISTRIBUTION, "bot.command.execution_time", MS, 7.0, remindFailed));
    expected.add(metric(COUNTER, "bot.command.usage", null, 1, remindFailed));
    expected.add(metric(COUNTER, "bot.command.failures", null, 1, remindFailed));

    // --- database: retry_count 0 (not given, given as 0) and 2; with and without table; success
    // true and false; error_type given and not given.
    DatabaseMetrics.global()
        .event(DatabaseMetrics.Operation.QUERY, true, 3.5)
        .table(DatabaseMetrics.Table.GUILD_CONFIG)
        .record();
    Attr[] query = {str("operation", "query"), bool("success", true), str("table", "guild_config")};
    expected.add(metric(DISTRIBUTION, "bot.database.operation.duration", MS, 3.5, query));
    expected.add(metric(COUNTER, "bot.database.operation.count", null, 1, query));

    DatabaseMetrics.global()
        .event(DatabaseMetrics.Operation.INSERT, true, 21.0)
        .table(DatabaseMetrics.Table.REMINDERS)
        .retryCount(0)
        .record();
    Attr[] insert = {str("operation", "insert"), bool("success", true), str("table", "reminders")};
    expected.add(metric(DISTRIBUTION, "bot.database.operation.duration", MS, 21.0, insert));
    expected.add(metric(COUNTER, "bot.database.operation.count", null, 1, insert));

    DatabaseMetrics.global()
        .event(DatabaseMetrics.Operation.UPDATE, true, 30.0)
        .table(DatabaseMetrics.Table.COMMAND_STATS)
        .retryCount(2)
        .record();
    Attr[] update = {
      str("operation", "update"),
      bool("success", true),
      str("table", "command_stats"),
      integer("retry_count", 2)
    };
    expected.add(metric(DISTRIBUTION, "bot.database.operation.duration", MS, 30.0, update));
    expected.add(metric(COUNTER, "bot.database.operation.count", null, 1, update));
    expected.add(
        metric(
            COUNTER,
            "bot.database.retries",
            null,
            2,
            str("operation", "update"),
            str("table", "command_stats")));

    DatabaseMetrics.global()
        .event(DatabaseMetrics.Operation.DELETE, false, 55.5)
        .retryCount(2)
        .errorType("SQLTransientConnectionException")
        .record();
    Attr[] delete = {
      str("operation", "delete"),
      bool("success", false),
      integer("retry_count", 2),
      str("error_type", "SQLTransientConnectionException")
    };
    expected.add(metric(DISTRIBUTION, "bot.database.operation.duration", MS, 55.5, delete));
    expected.add(metric(COUNTER, "bot.database.operation.count", null, 1, delete));
    expected.add(
        metric(
            COUNTER,
            "bot.database.retries",
            null,
            2,
            str("operation", "delete"),
            str("table", "unknown")));
    expected.add(metric(COUNTER, "bot.database.failures", null, 1, delete));

    DatabaseMetrics.global().record(DatabaseMetrics.Operation.QUERY, false, 1.25);
    Attr[] bareFailure = {str("operation", "query"), bool("success", false)};
    expected.add(metric(DISTRIBUTION, "bot.database.operation.duration", MS, 1.25, bareFailure));
    expected.add(metric(COUNTER, "bot.database.operation.count", null, 1, bareFailure));
    expected.add(metric(COUNTER, "bot.database.failures", null, 1, bareFailure));

    // --- api: method default GET and POST; status_code given and not given; rate_limited true
    // and false; success true and false.
    ApiMetrics.global().record(ApiMetrics.Service.TLDR, "/pages/common/tar", true, false, 80.0);
    Attr[] tldrOk = {
      str("service", "tldr"),
      str("endpoint", "/pages/common/tar"),
      str("method", "GET"),
      bool("success", true),
      bool("rate_limited", false)
    };
    expected.add(metric(DISTRIBUTION, "bot.api.call.duration", MS, 80.0, tldrOk));
    expected.add(metric(COUNTER, "bot.api.call.count", null, 1, tldrOk));

    ApiMetrics.global()
        .event(ApiMetrics.Service.DISCORD, "/channels/{channel_id}/messages", false, true, 5.0)
        .method(ApiMetrics.Method.POST)
        .statusCode(429)
        .record();
    Attr[] limited = {
      str("service", "discord"),
      str("endpoint", "/channels/{channel_id}/messages"),
      str("method", "POST"),
      bool("success", false),
      bool("rate_limited", true),
      integer("status_code", 429)
    };
    expected.add(metric(DISTRIBUTION, "bot.api.call.duration", MS, 5.0, limited));
    expected.add(metric(COUNTER, "bot.api.call.count", null, 1, limited));
    expected.add(
        metric(
            COUNTER,
            "bot.api.rate_limits",
            null,
            1,
            str("service", "discord"),
            str("endpoint", "/channels/{channel_id}/messages")));
    expected.add(metric(COUNTER, "bot.api.failures", null, 1, limited));

    ApiMetrics.global()
        .event(ApiMetrics.Service.TLDR, "/pages/linux/apt", true, false, 64.0)
        .statusCode(200)
        .record();
    Attr[] tldrWithStatus = {
      str("service", "tldr"),
      str("endpoint", "/pages/linux/apt"),
      str("method", "GET"),
      bool("success", true),
      bool("rate_limited", false),
      integer("status_code", 200)
    };
    expected.add(metric(DISTRIBUTION, "bot.api.call.duration", MS, 64.0, tldrWithStatus));
    expected.add(metric(COUNTER, "bot.api.call.count", null, 1, tldrWithStatus));

    ApiMetrics.global().record(ApiMetrics.Service.WOLFRAM, "/v1/result", false, false, 150.0);
    Attr[] noResponse = {
      str("service", "wolfram"),
      str("endpoint", "/v1/result"),
      str("method", "GET"),
      bool("success", false),
      bool("rate_limited", false)
    };
    expected.add(metric(DISTRIBUTION, "bot.api.call.duration", MS, 150.0, noResponse));
    expected.add(metric(COUNTER, "bot.api.call.count", null, 1, noResponse));
    expected.add(metric(COUNTER, "bot.api.failures", null, 1, noResponse));

    // --- cog: duration given and not; success true and false; error_type given and not.
    CogMetrics.global()
        .event(CogMetrics.Cog.TLDR, CogMetrics.Operation.LOAD, true)
        .duration(15.0)
        .record();
    Attr[] loaded = {str("cog", "tldr"), str("operation", "load"), bool("success", true)};
    expected.add(metric(COUNTER, "bot.cog.operation.count", null, 1, loaded));
    expected.add(metric(DISTRIBUTION, "bot.cog.operation.duration", MS, 15.0, loaded));

    CogMetrics.global().record(CogMetrics.Cog.UTILITY, CogMetrics.Operation.UNLOAD, true);
    expected.add(
        metric(
            COUNTER,
            "bot.cog.operation.count",
            null,
            1,
            str("cog", "utility"),
            str("operation", "unload"),
            bool("success", true)));

    CogMetrics.global()
        .event(CogMetrics.Cog.WOLFRAM, CogMetrics.Operation.LOAD, false)
        .duration(2.5)
        .errorType("MissingConfigurationException")
        .record();
    Attr[] loadFailed = {
      str("cog", "wolfram"),
      str("operation", "load"),
      bool("success", false),
      str("error_type", "MissingConfigurationException")
    };
    expected.add(metric(COUNTER, "bot.cog.operation.count", null, 1, loadFailed));
    expected.add(metric(DISTRIBUTION, "bot.cog.operation.duration", MS, 2.5, loadFailed));
    expected.add(metric(COUNTER, "bot.cog.failures", null, 1, loadFailed));

    CogMetrics.global().record(CogMetrics.Cog.INFO, CogMetrics.Operation.RELOAD, false);
    Attr[] reloadFailed = {str("cog", "info"), str("operation", "reload"), bool("success", false)};
    expected.add(metric(COUNTER, "bot.cog.operation.count", null, 1, reloadFailed));
    expected.add(metric(COUNTER, "bot.cog.failures", null, 1, reloadFailed));

    // --- cache: hit, miss, neither; duration given and not; size given and not.
    CacheMetrics.global()
        .event(CacheMetrics.Cache.TLDR, CacheMetrics.Operation.GET)
        .lookup(CacheMetrics.Lookup.HIT)
        .duration(0.5)
        .record();
    expected.add(
        metric(COUNTER, "bot.cache.hits", null, 1, str("cache", "tldr"), str("operation", "get")));
    expected.add(
        metric(
            DISTRIBUTION,
            "bot.cache.operation.duration",
            MS,
            0.5,
            str("cache", "tldr"),
            str("operation", "get")));

    CacheMetrics.global()
        .event(CacheMetrics.Cache.PREFIX, CacheMetrics.Operation.GET)
        .lookup(CacheMetrics.Lookup.MISS)
        .record();
    expected.add(
        metric(
            COUNTER, "bot.cache.misses", null, 1, str("cache", "prefix"), str("operation", "get")));

    CacheMetrics.global()
        .event(CacheMetrics.Cache.TLDR, CacheMetrics.Operation.SET)
        .size(3)
        .duration(1.5)
        .record();
    expected.add(
        metric(
            DISTRIBUTION,
            "bot.cache.operation.duration",
            MS,
            1.5,
            str("cache", "tldr"),
            str("operation", "set")));
    expected.add(metric(GAUGE, "bot.cache.size", null, 3, str("cache", "tldr")));

    CacheMetrics.global()
        .event(CacheMetrics.Cache.PREFIX, CacheMetrics.Operation.UPDATE)
        .size(7)
        .record();
    expected.add(metric(GAUGE, "bot.cache.size", null, 7, str("cache", "prefix")));

    // No lookup, no duration, no size: no condition holds, so nothing is emitted.
    CacheMetrics.global().record(CacheMetrics.Cache.TLDR, CacheMetrics.Operation.DELETE);

    // --- task: success true and false; error_type given.
    TaskMetrics.global().record(TaskMetrics.Task.CLEANUP, TaskMetrics.TaskType.PERIODIC, true, 4.0);
    Attr[] cleanup = {str("task", "cleanup"), str("task_type", "periodic"), bool("success", true)};
    expected.add(metric(DISTRIBUTION, "bot.task.execution_time", MS, 4.0, cleanup));
    expected.add(metric(COUNTER, "bot.task.executions", null, 1, cleanup));

    TaskMetrics.global()
        .event(TaskMetrics.Task.REMINDER_DISPATCH, TaskMetrics.TaskType.SCHEDULED, false, 9.75)
        .errorType("ApiException")
        .record();
    Attr[] dispatchFailed = {
      str("task", "reminder_dispatch"),
      str("task_type", "scheduled"),
      bool("success", false),
      str("error_type", "ApiException")
    };
    expected.add(metric(DISTRIBUTION, "bot.task.execution_time", MS, 9.75, dispatchFailed));
    expected.add(metric(COUNTER, "bot.task.executions", null, 1, dispatchFailed));
    expected.add(metric(COUNTER, "bot.task.failures", null, 1, dispatchFailed));

    // The script above covers every metric of the reference.
    assertThat(expected.stream().map(ReceivedMetric::name).collect(Collectors.toSet()))
        .isEqualTo(REFERENCE_NAMES);

    // Closing flushes the SDK's batch; after it, nothing more can arrive.
    Sentry.close();
    receiver.awaitMetrics(expected.size(), TIMEOUT);
    List<ReceivedMetric> received =
        receiver.receivedMetrics().stream().map(ReceivedMetric::withoutSdkAttributes).toList();

    assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
    receiver.assertNoDecodingErrors();
  }

  @Test
  void aNonFiniteValueIsDroppedAloneAndDoesNotTakeItsBatchWithIt() throws Exception {
    // The SDK would write NaN into the JSON and Sentry would reject the whole envelope.
    CommandMetrics.global()
        .record(CommandMetrics.Command.PING, CommandMetrics.CommandType.SLASH, true, Double.NaN);
    CommandMetrics.global()
        .record(CommandMetrics.Command.INFO, CommandMetrics.CommandType.SLASH, true, 5.0);

    Sentry.close();
    receiver.awaitMetrics(3, TIMEOUT);
    assertThat(receiver.receivedMetrics())
        .extracting(ReceivedMetric::name, ReceivedMetric::value)
        .containsExactlyInAnyOrder(
            tuple("bot.command.usage", 1.0),
            tuple("bot.command.execution_time", 5.0),
            tuple("bot.command.usage", 1.0));
    receiver.assertNoDecodingErrors();
  }

  /** One expected attribute: key, wire type and value as {@link ReceivedMetric} normalises it. */
  private record Attr(String key, String wireType, Object value) {}

  private static Attr str(String key, String value) {
    return new Attr(key, "string", value);
  }

  private static Attr bool(String key, boolean value) {
    return new Attr(key, "boolean", value);
  }

  private static Attr integer(String key, long value) {
    return new Attr(key, ReceivedMetric.INTEGER, value);
  }

  private static ReceivedMetric metric(
      String type, String name, String unit, double value, Attr... attributes) {
    ReceivedMetric metric = ReceivedMetric.of(name, type, unit, value);
    for (Attr attribute : attributes) {
      metric = metric.withAttribute(attribute.key(), attribute.wireType(), attribute.value());
    }
    return metric;
  }
}
