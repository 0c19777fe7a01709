package dev.metered.example.db;

import dev.metered.example.metrics.DatabaseMetrics.Operation;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Objects;

/**
 * Checks that the database answers. It touches no table, so its operation is recorded without one
 * (and any retry of it under {@code table=unknown}).
 */
public final class DatabaseHealth {
  private final RetryingSqlExecutor sql;

  /**
   * @param sql runs and meters the check
   */
  public DatabaseHealth(RetryingSqlExecutor sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * Runs {@code SELECT 1}.
   *
   * @return {@code true} when the database answered, {@code false} when it failed for good
   */
  public boolean isHealthy() {
    try {
      return sql.executeWithoutTable(
          Operation.QUERY,
          connection -> {
            try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
              return rows.next() && rows.getInt(1) == 1;
            }
          });
    } catch (DatabaseException unhealthy) {
      return false;
    }
  }
}
