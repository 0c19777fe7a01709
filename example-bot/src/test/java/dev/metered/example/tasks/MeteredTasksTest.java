package dev.metered.example.tasks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.api.ApiClient;
import dev.metered.example.api.DiscordClient;
import dev.metered.example.api.TldrClient;
import dev.metered.example.api.stub.Fault;
import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.api.stub.StubApiServer;
import dev.metered.example.cache.MeteredCache;
import dev.metered.example.db.ReminderRepository;
import dev.metered.example.services.CacheWarmupTask_Metered;
import dev.metered.example.services.ReminderDispatchTask_Metered;
import dev.metered.example.db.TestDatabase;
import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.ApiMetrics.Service;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.example.metrics.TaskMetrics;
import dev.metered.example.services.ReminderDelivery;
import dev.metered.example.services.TldrService;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.net.http.HttpClient;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot's three tasks, created as their generated wrappers and run by the {@link TaskRunner} as
 * the bot runs them: each run is one {@code task} event, recorded by the wrapper to the global sink
 * with the task and task type its {@code @Metered} annotation declares.
 */
class MeteredTasksTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration API_TIMEOUT = Duration.ofMillis(500);

  private final RecordingSink sink = new RecordingSink();
  private final RecordingSink otherFamilies = new RecordingSink();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final TaskRunner runner = TaskRunner.create(2);
  private TestDatabase database;
  private StubApiServer stub;

  @BeforeEach
  void setUp() throws Exception {
    MeteredRuntime.setGlobalSink(sink);
    database = TestDatabase.open(otherFamilies);
  }

  @AfterEach
  void tearDown() throws Exception {
    runner.close();
    MeteredRuntime.resetGlobalSink();
    database.close();
    if (stub != null) {
      stub.close();
    }
  }

  @Test
  void recordsEveryRunOfThePeriodicCleanup() throws Exception {
    runner.schedulePeriodic(
        Duration.ofMillis(5), 3, new CleanupTask_Metered(new ReminderRepository(database.sql())));

    runner.awaitIdle(TIMEOUT);

    assertThat(sink.recorded(TaskMetrics.EXECUTIONS))
        .extracting(RecordedMetric::attributeMap)
        .containsExactly(
            Map.of("task", "cleanup", "task_type", "periodic", "success", true),
            Map.of("task", "cleanup", "task_type", "periodic", "success", true),
            Map.of("task", "cleanup", "task_type", "periodic", "success", true));
    assertThat(sink.recorded(TaskMetrics.EXECUTION_TIME)).hasSize(3);
    assertThat(sink.recorded(TaskMetrics.FAILURES)).isEmpty();
  }

  @Test
  void recordsAFailedRunWithItsErrorTypeAndTheRunnerGoesOn() throws Exception {
    // Without its table, every cleanup fails.
    database
        .sql()
        .executeWithoutTable(
            DatabaseMetrics.Operation.DELETE,
            connection -> {
              try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate("DROP TABLE reminders");
              }
            });

    runner.schedulePeriodic(
        Duration.ofMillis(5), 2, new CleanupTask_Metered(new ReminderRepository(database.sql())));
    runner.awaitIdle(TIMEOUT);

    assertThat(sink.recorded(TaskMetrics.FAILURES))
        .hasSize(2)
        .allSatisfy(
            run ->
                assertThat(run.attributeMap())
                    .containsEntry("task", "cleanup")
                    .containsEntry("success", false)
                    .containsEntry("error_type", "DatabaseException"));
  }

  @Test
  void recordsTheBackgroundWarmupAndTimesItUntilTheClientGivesUp() throws Exception {
    // The first request stalls past the client's timeout, so that run fails; the next one succeeds.
    TldrService pages = tldr(FaultPlan.scripted(Fault.STALL));

    runner.runInBackground(new CacheWarmupTask_Metered(pages, List.of("tar"))).get(5, SECONDS);
    runner.runInBackground(new CacheWarmupTask_Metered(pages, List.of("tar"))).get(5, SECONDS);

    assertThat(sink.recorded(TaskMetrics.EXECUTIONS))
        .extracting(RecordedMetric::attributeMap)
        .containsExactly(
            Map.of(
                "task", "cache_warmup",
                "task_type", "background",
                "success", false,
                "error_type", "ApiException"),
            Map.of("task", "cache_warmup", "task_type", "background", "success", true));
    // The failed run waited for the client's timeout, and the wrapper timed all of it.
    assertThat(sink.recorded(TaskMetrics.EXECUTION_TIME).get(0).value())
        .isGreaterThanOrEqualTo((double) API_TIMEOUT.toMillis());
  }

  @Test
  void recordsEachScheduledReminderDispatch() throws Exception {
    ReminderRepository reminders = new ReminderRepository(database.sql());
    ReminderDelivery delivery = new ReminderDelivery(reminders, discord());
    long deliverable = reminders.insert(7, 101, 0, "stretch");
    // The stub refuses messages to channels whose id ends in 3.
    long refused = reminders.insert(7, 103, 0, "stand up");

    runner.scheduleOnce(
        Duration.ofMillis(10), new ReminderDispatchTask_Metered(delivery, deliverable));
    runner.awaitIdle(TIMEOUT);
    runner.scheduleOnce(Duration.ofMillis(10), new ReminderDispatchTask_Metered(delivery, refused));
    runner.awaitIdle(TIMEOUT);

    assertThat(sink.recorded(TaskMetrics.EXECUTIONS))
        .as("API calls: %s", otherFamilies.recorded(ApiMetrics.CALL_COUNT))
        .extracting(RecordedMetric::attributeMap)
        .containsExactly(
            Map.of("task", "reminder_dispatch", "task_type", "scheduled", "success", true),
            Map.of(
                "task", "reminder_dispatch",
                "task_type", "scheduled",
                "success", false,
                "error_type", "ApiException"));
    assertThat(reminders.find(deliverable).orElseThrow().delivered()).isTrue();
    assertThat(reminders.find(refused).orElseThrow().delivered()).isFalse();
  }

  private TldrService tldr(FaultPlan faults) throws Exception {
    stub = StubApiServer.start(faults, API_TIMEOUT.multipliedBy(4));
    return new TldrService(
        MeteredCache.bounded(CacheMetrics.Cache.TLDR, 10, new CacheMetrics(otherFamilies)),
        new TldrClient(api(Service.TLDR)));
  }

  private DiscordClient discord() throws Exception {
    stub = StubApiServer.start(FaultPlan.none(), API_TIMEOUT.multipliedBy(4));
    return new DiscordClient(api(Service.DISCORD));
  }

  private ApiClient api(Service service) {
    return new ApiClient(
        http, stub.baseUri(), service, API_TIMEOUT, new ApiMetrics(otherFamilies));
  }
}
