package dev.metered.example.db;

import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.runtime.MetricSink;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh in-memory database with a retrying executor, for tests of the parts that use one. */
public final class TestDatabase implements AutoCloseable {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private final Database database;
  private final RetryingSqlExecutor sql;

  private TestDatabase(Database database, RetryingSqlExecutor sql) {
    this.database = database;
    this.sql = sql;
  }

  /**
   * Opens one.
   *
   * @param sink where the executor's {@code database} events go
   * @return the database
   * @throws SQLException if it cannot be created
   */
  public static TestDatabase open(MetricSink sink) throws SQLException {
    Database database = Database.openInMemory("test-" + NAMES.incrementAndGet());
    RetryingSqlExecutor sql =
        new RetryingSqlExecutor(
            database.connections(),
            new RetryPolicy(0, Duration.ZERO, Duration.ZERO),
            Sleeper.THREAD_SLEEP,
            new DatabaseMetrics(sink));
    return new TestDatabase(database, sql);
  }

  /**
   * The executor.
   *
   * @return the executor, without retries
   */
  public RetryingSqlExecutor sql() {
    return sql;
  }

  @Override
  public void close() throws SQLException {
    database.close();
  }
}
