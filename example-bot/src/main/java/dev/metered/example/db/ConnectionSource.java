package dev.metered.example.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Hands out JDBC connections; the caller closes each one (returning it to a pool). */
@FunctionalInterface
public interface ConnectionSource {

  /**
   * Opens (or borrows) a connection.
   *
   * @return a connection the caller must close
   * @throws SQLException if no connection can be had
   */
  Connection open() throws SQLException;
}
