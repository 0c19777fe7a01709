package dev.metered.example.db;

import java.sql.SQLException;

/**
 * A database operation failed for good: the error was permanent, or retries ran out. Unchecked, so
 * that command handlers need not declare it; the cause is the last {@link SQLException}.
 */
public final class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what was attempted
   * @param cause the last error the database reported
   */
  public DatabaseException(String message, SQLException cause) {
    super(message + ": " + cause.getMessage(), cause);
  }

  /**
   * @param message what was attempted
   * @param cause why it stopped, for example an interrupt during a backoff
   */
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
