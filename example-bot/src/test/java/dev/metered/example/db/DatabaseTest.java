package dev.metered.example.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.runtime.testing.RecordingSink;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database as the bot opens it by default: an H2 file, migrated at start, kept on close. */
class DatabaseTest {

  /**
   * Also: closing shuts H2 down once, so no pooled connection is handed back to a database already
   * shut down, which H2 would log to its trace file as "Database is already closed".
   */
  @Test
  void aFileDatabaseIsCreatedMigratedAndKeepsItsDataAcrossRestartsClosedOnce(
      @TempDir Path directory) throws Exception {
    String url = "jdbc:h2:" + directory.resolve("data/metered-bot").toAbsolutePath();

    try (Database database = Database.open(url, "bot", "")) {
      new GuildConfigRepository(executor(database)).savePrefix(7, "?");
    }
    assertThat(directory.resolve("data/metered-bot.mv.db")).exists();
    assertThat(H2TraceFiles.text(directory)).doesNotContain("Database is already closed");

    try (Database reopened = Database.open(url, "bot", "")) {
      GuildConfigRepository guilds = new GuildConfigRepository(executor(reopened));
      assertThat(guilds.findPrefix(7)).contains("?");
      // The standard MERGE replaces the row rather than adding one.
      guilds.savePrefix(7, "$");
      assertThat(guilds.findPrefix(7)).contains("$");
    }
  }

  @Test
  void anUnreachableDatabaseFailsToOpenWithTheDriversMessage() {
    assertThatThrownBy(() -> Database.open("jdbc:nosuchdb://nowhere/bot", "bot", ""))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("No suitable driver");
  }

  @Test
  void thePostgreSqlDriverIsOnTheClassPath() throws Exception {
    // Runtime scope: the bot never names it; JDBC's service loader finds it for a postgresql URL.
    assertThat(
            java.sql.DriverManager.getDriver("jdbc:postgresql://localhost/bot")
                .getClass()
                .getName())
        .isEqualTo("org.postgresql.Driver");
  }

  private static RetryingSqlExecutor executor(Database database) {
    return new RetryingSqlExecutor(
        database.connections(),
        new RetryPolicy(0, Duration.ZERO, Duration.ZERO),
        Sleeper.THREAD_SLEEP,
        new DatabaseMetrics(new RecordingSink()));
  }
}
