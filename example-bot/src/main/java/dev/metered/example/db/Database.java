package dev.metered.example.db;

import dev.metered.example.db.migration.MigrationRunner;
import dev.metered.example.db.migration.Migrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The bot's database, reached through any JDBC URL, with its schema brought up to date when it
 * opens.
 *
 * <p>H2 URLs (the default is a file under the working directory, {@code
 * jdbc:h2:./data/metered-bot}) get H2's own connection pool. Other URLs, such as PostgreSQL's, open
 * a connection per operation through {@link DriverManager}: a production bot would put a pool such
 * as HikariCP here, but the example keeps to one dependency per concern.
 */
public final class Database implements AutoCloseable {
  private static final int MAX_H2_CONNECTIONS = 8;
  private static final String H2_PREFIX = "jdbc:h2:";

  private final ConnectionSource connections;
  private final Runnable release;

  /** A connection outside the pool, to shut H2 down on; {@code null} for other databases. */
  private final ConnectionSource shutdownConnection;

  private Database(
      ConnectionSource connections, Runnable release, ConnectionSource shutdownConnection) {
    this.connections = connections;
    this.release = release;
    this.shutdownConnection = shutdownConnection;
  }

  /**
   * Opens a database and applies the migrations it lacks.
   *
   * @param url the JDBC URL
   * @param user the user
   * @param password the password
   * @return the open database
   * @throws SQLException if it cannot be reached or a migration fails
   */
  public static Database open(String url, String user, String password) throws SQLException {
    Objects.requireNonNull(url, "url");
    Database database;
    if (url.startsWith(H2_PREFIX)) {
      String h2Url = keepOpenOnExit(url);
      JdbcConnectionPool pool = JdbcConnectionPool.create(h2Url, user, password);
      pool.setMaxConnections(MAX_H2_CONNECTIONS);
      database =
          new Database(
              pool::getConnection,
              pool::dispose,
              () -> DriverManager.getConnection(h2Url, user, password));
    } else {
      database =
          new Database(() -> DriverManager.getConnection(url, user, password), () -> {}, null);
    }
    try (Connection connection = database.connections.open()) {
      // Schema setup is not an operation of the running bot, so it is not metered.
      new MigrationRunner(Migrations.bot()).migrate(connection);
    } catch (SQLException | RuntimeException failure) {
      database.release.run();
      throw failure;
    }
    return database;
  }

  /**
   * H2 closes its databases from a JVM shutdown hook of its own, which can run before the bot's
   * (Ctrl-C runs all hooks at once): the bot's last operations would then fail on a closed
   * database. The bot closes the database itself, last, so H2's hook is switched off unless the URL
   * says otherwise.
   */
  private static String keepOpenOnExit(String url) {
    return url.toUpperCase(Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")
        ? url
        : url + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  /**
   * Opens a private in-memory H2 database, for tests: each name is its own database, and closing it
   * drops the data.
   *
   * @param name the database's name, unique within the process
   * @return the open database
   * @throws SQLException if the schema cannot be created
   */
  public static Database openInMemory(String name) throws SQLException {
    // DB_CLOSE_DELAY=-1: keep the data while the pool has no open connection; close() drops it.
    return open(inMemoryUrl(name), "bot", "");
  }

  /**
   * The URL of a private in-memory H2 database.
   *
   * @param name the database's name, unique within the process
   * @return the URL
   */
  public static String inMemoryUrl(String name) {
    return H2_PREFIX + "mem:" + Objects.requireNonNull(name, "name") + ";DB_CLOSE_DELAY=-1";
  }

  /**
   * Where connections come from; each must be closed, which returns it to the pool.
   *
   * @return the connection source
   */
  public ConnectionSource connections() {
    return connections;
  }

  /**
   * Closes the database. For H2 it shuts the database down, which writes a file database out
   * completely and drops an in-memory one.
   *
   * <p>{@code SHUTDOWN} runs on a connection of its own, after the pool has closed its connections:
   * a pooled connection rolls back when it is handed back, and after {@code SHUTDOWN} that rollback
   * would meet a closed database, which H2 writes to its trace file as "Database is already
   * closed". This connection holds the database open until {@code SHUTDOWN} closes it once.
   */
  @Override
  public void close() throws SQLException {
    if (shutdownConnection == null) {
      return;
    }
    Connection connection;
    try {
      connection = shutdownConnection.open();
    } finally {
      release.run();
    }
    try (connection;
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }
}
