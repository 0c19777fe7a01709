package dev.metered.example.db;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which database to open, and as whom.
 *
 * @param url the JDBC URL
 * @param user the user
 * @param password the password
 */
public record DatabaseConfig(String url, String user, String password) {
  private static final AtomicInteger PRIVATE_DATABASES = new AtomicInteger();

  /** Checks the fields. */
  public DatabaseConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * A new, private in-memory H2 database: for tests and scripted sessions, which must not share
   * data with one another or with an earlier run.
   *
   * @return the configuration; each call names another database
   */
  public static DatabaseConfig privateInMemory() {
    return new DatabaseConfig(
        Database.inMemoryUrl("bot-" + PRIVATE_DATABASES.incrementAndGet()), "bot", "");
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "DatabaseConfig[" + url + " as " + user + "]";
  }
}
