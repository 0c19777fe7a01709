package dev.metered.example.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of database work, run on a connection the {@link RetryingSqlExecutor} provides. It may
 * run more than once (once per attempt), so it must not keep state between runs.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {

  /**
   * Does the work.
   *
   * @param connection a connection, open for this attempt only
   * @return the result
   * @throws SQLException when the database refuses
   */
  T run(Connection connection) throws SQLException;
}
