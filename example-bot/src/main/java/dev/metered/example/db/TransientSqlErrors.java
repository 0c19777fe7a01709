package dev.metered.example.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Decides whether a database error may go away when the operation is simply tried again.
 *
 * <p>Transient: the JDBC driver says so ({@link SQLTransientException}, which covers H2's lock and
 * statement timeouts, or {@link SQLRecoverableException}), or the SQLSTATE class says the
 * connection broke ({@code 08}) or the transaction was rolled back, for example as a deadlock
 * victim ({@code 40}). Everything else (syntax, constraint violations, data too long) fails the
 * same way every time, and retrying it would only add latency.
 */
public final class TransientSqlErrors {
  private TransientSqlErrors() {}

  /**
   * Whether {@code error} is worth a retry.
   *
   * @param error what the driver threw
   * @return {@code true} for transient errors
   */
  public static boolean isTransient(SQLException error) {
    if (error instanceof SQLTransientException || error instanceof SQLRecoverableException) {
      return true;
    }
    String state = error.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("40"));
  }
}
