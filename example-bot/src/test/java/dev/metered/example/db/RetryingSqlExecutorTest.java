package dev.metered.example.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.example.metrics.DatabaseMetrics.Operation;
import dev.metered.example.metrics.DatabaseMetrics.Table;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retry wrapper against a real H2 database: which errors it retries, how long it backs off, and
 * the one {@code database} event it records per operation.
 */
class RetryingSqlExecutorTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final RetryPolicy POLICY =
      new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(25));

  private final RecordingSink sink = new RecordingSink();
  private final List<Duration> sleeps = new ArrayList<>();
  private Database database;
  private FlakyConnectionSource connections;
  private RetryingSqlExecutor sql;

  @BeforeEach
  void openDatabase() throws SQLException {
    database = Database.openInMemory("retry-test-" + DATABASES.incrementAndGet());
    connections = new FlakyConnectionSource(database.connections());
    sql = new RetryingSqlExecutor(connections, POLICY, sleeps::add, new DatabaseMetrics(sink));
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    connections.clearThisThread();
    database.close();
  }

  @Test
  void succeedsAtOnceWithoutRetryCount() {
    new GuildConfigRepository(sql).savePrefix(1, "?");

    assertThat(sleeps).isEmpty();
    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(DatabaseMetrics.OPERATION_DURATION, DatabaseMetrics.OPERATION_COUNT);
    assertThat(sink.recorded(DatabaseMetrics.OPERATION_COUNT).get(0).attributeMap())
        .containsExactly(
            entry("operation", "insert"), entry("success", true), entry("table", "guild_config"));
  }

  @Test
  void retriesTransientFailuresWithBackoffAndRecordsTheRetryCount() {
    GuildConfigRepository guildConfig = new GuildConfigRepository(sql);
    guildConfig.savePrefix(7, "$");
    sink.clear();
    connections.failNextOnThisThread(2);

    assertThat(guildConfig.findPrefix(7)).contains("$");

    assertThat(sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    RecordedMetric count = sink.recorded(DatabaseMetrics.OPERATION_COUNT).get(0);
    assertThat(count.attributeMap())
        .containsExactly(
            entry("operation", "query"),
            entry("success", true),
            entry("table", "guild_config"),
            entry("retry_count", 2L));
    RecordedMetric retries = sink.recorded(DatabaseMetrics.RETRIES).get(0);
    assertThat(retries.value()).isEqualTo(2.0);
    assertThat(retries.attributeMap())
        .containsExactly(entry("operation", "query"), entry("table", "guild_config"));
    assertThat(sink.recorded(DatabaseMetrics.FAILURES)).isEmpty();
  }

  @Test
  void failsAtOnceOnAPermanentError() {
    ReminderRepository reminders = new ReminderRepository(sql);
    String tooLong = "x".repeat(201);

    assertThatThrownBy(() -> reminders.insert(1, 2, 3, tooLong))
        .isInstanceOf(DatabaseException.class)
        .hasMessageContaining("insert on reminders failed after 0 retries");

    assertThat(sleeps).isEmpty();
    assertThat(sink.recorded(DatabaseMetrics.RETRIES)).isEmpty();
    RecordedMetric failure = sink.recorded(DatabaseMetrics.FAILURES).get(0);
    assertThat(failure.attributeMap())
        .containsExactly(
            entry("operation", "insert"),
            entry("success", false),
            entry("table", "reminders"),
            entry("error_type", "JdbcSQLDataException"));
  }

  @Test
  void givesUpWhenTheRetriesRunOutAndRecordsTheLastError() {
    connections.failNextOnThisThread(POLICY.maxRetries() + 1);

    assertThatThrownBy(() -> new ReminderRepository(sql).deleteDelivered())
        .isInstanceOf(DatabaseException.class)
        .hasCauseInstanceOf(SQLTransientConnectionException.class)
        .hasMessageContaining("after 3 retries");

    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
    assertThat(sink.recorded(DatabaseMetrics.FAILURES).get(0).attributeMap())
        .containsEntry("retry_count", 3L)
        .containsEntry("error_type", "SQLTransientConnectionException");
    assertThat(sink.recorded(DatabaseMetrics.RETRIES))
        .singleElement()
        .extracting(RecordedMetric::value)
        .isEqualTo(3.0);
  }

  @Test
  void countsRetriesOfAnOperationWithoutTableUnderUnknown() {
    connections.failNextOnThisThread(1);

    assertThat(new DatabaseHealth(sql).isHealthy()).isTrue();

    assertThat(sink.recorded(DatabaseMetrics.OPERATION_COUNT).get(0).attributeMap())
        .containsExactly(
            entry("operation", "query"), entry("success", true), entry("retry_count", 1L));
    assertThat(sink.recorded(DatabaseMetrics.RETRIES).get(0).attributeMap())
        .containsExactly(entry("operation", "query"), entry("table", "unknown"));
  }

  @Test
  void measuresTheWholeOperationIncludingBackoff() {
    RetryingSqlExecutor sleeping =
        new RetryingSqlExecutor(
            connections,
            new RetryPolicy(1, Duration.ofMillis(30), Duration.ofMillis(30)),
            Sleeper.THREAD_SLEEP,
            new DatabaseMetrics(sink));
    connections.failNextOnThisThread(1);

    sleeping.executeWithoutTable(Operation.QUERY, connection -> 1);

    assertThat(sink.recorded(DatabaseMetrics.OPERATION_DURATION).get(0).value())
        .isGreaterThanOrEqualTo(30.0);
  }

  @Test
  void doesNotRetryABugInTheWorkButRecordsIt() {
    assertThat(errorTypeRecordedFor(new IllegalStateException("bug")))
        .isEqualTo("IllegalStateException");
  }

  /**
   * An anonymous exception is named as a generated wrapper names it (the runtime's {@code
   * ErrorTypes}): after its named superclass, so hand-recorded and wrapper-recorded failures of
   * one kind share an {@code error_type}.
   */
  @Test
  void namesAnAnonymousFailureAfterItsSuperclassAsTheWrappersDo() {
    assertThat(errorTypeRecordedFor(new IllegalStateException("bug") {}))
        .isEqualTo("IllegalStateException");
  }

  /** Runs an update whose work throws {@code bug}, and returns the failure's recorded type. */
  private Object errorTypeRecordedFor(RuntimeException bug) {
    assertThatThrownBy(
            () ->
                sql.execute(
                    Operation.UPDATE,
                    Table.COMMAND_STATS,
                    connection -> {
                      throw bug;
                    }))
        .isSameAs(bug);
    assertThat(sink.recorded(DatabaseMetrics.FAILURES)).hasSize(1);
    return sink.recorded(DatabaseMetrics.FAILURES).get(0).attributeMap().get("error_type");
  }

  @Test
  void recordsNoRetryAfterAnInterruptedBackoff() {
    RetryingSqlExecutor interrupted =
        new RetryingSqlExecutor(
            connections,
            POLICY,
            duration -> {
              throw new InterruptedException("shutting down");
            },
            new DatabaseMetrics(sink));
    connections.failNextOnThisThread(1);

    try {
      assertThatThrownBy(() -> interrupted.executeWithoutTable(Operation.QUERY, connection -> 1))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(sink.recorded(DatabaseMetrics.RETRIES)).isEmpty();
    assertThat(sink.recorded(DatabaseMetrics.FAILURES).get(0).attributeMap())
        .doesNotContainKey("retry_count")
        .containsEntry("error_type", "SQLTransientConnectionException");
  }

  @Test
  void classifiesErrorsByTypeAndSqlState() throws SQLException {
    assertThat(TransientSqlErrors.isTransient(new SQLTransientConnectionException("reset")))
        .isTrue();
    assertThat(TransientSqlErrors.isTransient(new SQLException("deadlock", "40001"))).isTrue();
    assertThat(TransientSqlErrors.isTransient(new SQLException("link failure", "08S01"))).isTrue();
    assertThat(TransientSqlErrors.isTransient(new SQLException("duplicate key", "23505")))
        .isFalse();
    assertThat(TransientSqlErrors.isTransient(new SQLException("no state"))).isFalse();
    // A real syntax error from H2 is permanent.
    try (var connection = database.connections().open();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("SELEC 1"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(TransientSqlErrors.isTransient(e)).isFalse());
    }
  }

  @Test
  void backsOffExponentiallyUpToTheCap() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(100));

    assertThat(List.of(1, 2, 3, 4, 5, 6, 60))
        .extracting(policy::backoff)
        .containsExactly(
            Duration.ofMillis(5),
            Duration.ofMillis(10),
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Duration.ofMillis(80),
            Duration.ofMillis(100),
            Duration.ofMillis(100));
    assertThatThrownBy(() -> policy.backoff(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
