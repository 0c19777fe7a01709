package dev.metered.example.db;

import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.example.metrics.DatabaseMetrics.Operation;
import dev.metered.example.metrics.DatabaseMetrics.Table;
import dev.metered.example.support.Elapsed;
import dev.metered.runtime.ErrorTypes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Runs database work with retries and records one {@code database} event per operation: the
 * counterpart of Tux's {@code _execute_with_retry}.
 *
 * <p>Each attempt borrows a fresh connection, so a retry after a dropped connection does not reuse
 * the broken one. Transient errors (see {@link TransientSqlErrors}) are retried with the {@link
 * RetryPolicy}'s backoff; permanent ones fail at once.
 *
 * <p>What is recorded, once, after the last attempt: the operation, the table when there is one,
 * {@code retry_count} (left out when zero), success, the error type of the last failure, and the
 * duration of the whole operation, backoff included, because that is what the caller waited. An
 * operation without a table (a health check) is recorded without one, and its retries are counted
 * under {@code table=unknown} by the generated recorder.
 *
 * <p>Thread-safe; it keeps no state between operations.
 */
public final class RetryingSqlExecutor {
  private final ConnectionSource connections;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DatabaseMetrics metrics;

  /**
   * @param connections where each attempt gets its connection
   * @param policy how often and how long to retry
   * @param sleeper how to wait between attempts
   * @param metrics the recorder of {@code database} events
   */
  public RetryingSqlExecutor(
      ConnectionSource connections, RetryPolicy policy, Sleeper sleeper, DatabaseMetrics metrics) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Runs {@code work} on {@code table}.
   *
   * @param operation the kind of operation, for the metrics
   * @param table the table operated on
   * @param work the work; may run once per attempt
   * @param <T> the result type
   * @return what the work returned on its successful attempt
   * @throws DatabaseException when the error is permanent or the retries ran out
   */
  public <T> T execute(Operation operation, Table table, SqlWork<T> work) {
    return run(operation, Objects.requireNonNull(table, "table"), work);
  }

  /**
   * Runs {@code work} that operates on no particular table, such as a health check.
   *
   * @param operation the kind of operation, for the metrics
   * @param work the work; may run once per attempt
   * @param <T> the result type
   * @return what the work returned on its successful attempt
   * @throws DatabaseException when the error is permanent or the retries ran out
   */
  public <T> T executeWithoutTable(Operation operation, SqlWork<T> work) {
    return run(operation, null, work);
  }

  private <T> T run(Operation operation, Table table, SqlWork<T> work) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(work, "work");
    long start = System.nanoTime();
    int retries = 0;
    while (true) {
      try (Connection connection = connections.open()) {
        T result = work.run(connection);
        record(operation, table, retries, null, start);
        return result;
      } catch (SQLException error) {
        if (!TransientSqlErrors.isTransient(error) || retries >= policy.maxRetries()) {
          record(operation, table, retries, error, start);
          throw new DatabaseException(describe(operation, table, retries), error);
        }
        retries++;
        backOff(operation, table, retries, error, start);
      } catch (RuntimeException error) {
        // A bug in the work itself: not retried, but still an operation that failed.
        record(operation, table, retries, error, start);
        throw error;
      }
    }
  }

  private void backOff(
      Operation operation, Table table, int retry, SQLException cause, long start) {
    try {
      sleeper.sleep(policy.backoff(retry));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      // The retry about to happen did not; count only the ones that did.
      record(operation, table, retry - 1, cause, start);
      interrupted.addSuppressed(cause);
      throw new DatabaseException(
          describe(operation, table, retry - 1) + ": interrupted while backing off", interrupted);
    }
  }

  private void record(
      Operation operation, Table table, int retries, Exception failure, long start) {
    DatabaseMetrics.Event event =
        metrics.event(operation, failure == null, Elapsed.millisSince(start)).retryCount(retries);
    if (table != null) {
      event.table(table);
    }
    if (failure != null) {
      event.errorType(ErrorTypes.of(failure));
    }
    event.record();
  }

  private static String describe(Operation operation, Table table, int retries) {
    return operation.wireValue()
        + (table == null ? "" : " on " + table.wireValue())
        + " failed after "
        + retries
        + (retries == 1 ? " retry" : " retries");
  }
}
