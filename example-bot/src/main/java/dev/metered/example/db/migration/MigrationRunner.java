package dev.metered.example.db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brings a database's schema up to date: applies, in order, every migration newer than the version
 * the database records in {@code schema_version}, each in its own transaction together with the row
 * that records it.
 *
 * <p>So a fresh database gets the whole schema, a database from an earlier release gets only what
 * changed since, and one that is up to date is left alone. A migration that fails is rolled back
 * where the database can roll back DDL (PostgreSQL can; H2 commits DDL at once) and stops the run:
 * the bot must not start on a schema it does not know. A database newer than this bot is refused
 * for the same reason.
 *
 * <p>Not for several bots starting at once on one database: this example runs one instance.
 */
public final class MigrationRunner {
  private static final String CREATE_VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS schema_version ("
          + "version INT PRIMARY KEY, "
          + "description VARCHAR(200) NOT NULL, "
          + "applied_at TIMESTAMP NOT NULL)";

  private final List<Migration> migrations;

  /**
   * @param migrations the schema's history, versions 1, 2, 3, ... in order
   * @throws IllegalArgumentException when a version is missing, repeated or out of order
   */
  public MigrationRunner(List<Migration> migrations) {
    this.migrations = List.copyOf(migrations);
    for (int i = 0; i < this.migrations.size(); i++) {
      int version = this.migrations.get(i).version();
      if (version != i + 1) {
        throw new IllegalArgumentException(
            "migration number " + (i + 1) + " has version " + version + "; versions go 1, 2, 3");
      }
    }
  }

  /**
   * Applies what is missing.
   *
   * @param connection a connection the runner may switch to manual commits for a while
   * @return the migrations applied now, in order; empty when the schema was up to date
   * @throws SQLException when a migration fails, or the database is newer than the migrations
   */
  public List<Migration> migrate(Connection connection) throws SQLException {
    Objects.requireNonNull(connection, "connection");
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE_VERSION_TABLE);
    }
    int current = currentVersion(connection);
    if (current > migrations.size()) {
      throw new SQLException(
          "the database schema is at version "
              + current
              + ", newer than this bot's latest, "
              + migrations.size()
              + "; run a newer bot or another database");
    }
    List<Migration> applied = new ArrayList<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (Migration migration : migrations.subList(current, migrations.size())) {
        apply(connection, migration);
        applied.add(migration);
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return applied;
  }

  /**
   * The version the database records.
   *
   * @param connection a connection
   * @return the highest applied version, {@code 0} when none
   * @throws SQLException when {@code schema_version} cannot be read
   */
  public static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void apply(Connection connection, Migration migration) throws SQLException {
    try (Statement statement = connection.createStatement();
        PreparedStatement record =
            connection.prepareStatement(
                "INSERT INTO schema_version (version, description, applied_at)"
                    + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
      for (String sql : migration.statements()) {
        statement.execute(sql);
      }
      record.setInt(1, migration.version());
      record.setString(2, migration.description());
      record.executeUpdate();
      connection.commit();
    } catch (SQLException failure) {
      rollBack(connection, failure);
      throw new SQLException(
          "migration "
              + migration.version()
              + " ("
              + migration.description()
              + ") failed: "
              + failure.getMessage(),
          failure.getSQLState(),
          failure);
    }
  }

  private static void rollBack(Connection connection, SQLException failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailed) {
      failure.addSuppressed(rollbackFailed);
    }
  }
}
