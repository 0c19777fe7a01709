package dev.metered.example.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migration runner against a real (in-memory) H2 database. */
class MigrationRunnerTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static final Migration CREATE_NOTES =
      new Migration(
          1, "notes", List.of("CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR(20))"));
  private static final Migration ADD_AUTHOR =
      new Migration(2, "note authors", List.of("ALTER TABLE notes ADD COLUMN author VARCHAR(20)"));

  private Connection connection;

  @BeforeEach
  void openDatabase() throws SQLException {
    connection =
        DriverManager.getConnection(
            "jdbc:h2:mem:migrations-" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
    connection.close();
  }

  @Test
  void aFreshDatabaseGetsEveryMigrationInOrderAndRecordsThem() throws SQLException {
    List<Migration> applied =
        new MigrationRunner(List.of(CREATE_NOTES, ADD_AUTHOR)).migrate(connection);

    assertThat(applied).containsExactly(CREATE_NOTES, ADD_AUTHOR);
    assertThat(MigrationRunner.currentVersion(connection)).isEqualTo(2);
    assertThat(rows("SELECT version, description FROM schema_version ORDER BY version"))
        .containsExactly("1 notes", "2 note authors");
    execute("INSERT INTO notes (id, text, author) VALUES (1, 'hello', 'ada')");
    assertThat(connection.getAutoCommit()).as("auto-commit restored").isTrue();
  }

  @Test
  void anUpToDateDatabaseIsLeftAlone() throws SQLException {
    new MigrationRunner(List.of(CREATE_NOTES, ADD_AUTHOR)).migrate(connection);
    execute("INSERT INTO notes (id, text, author) VALUES (1, 'kept', 'ada')");

    assertThat(new MigrationRunner(List.of(CREATE_NOTES, ADD_AUTHOR)).migrate(connection))
        .isEmpty();
    assertThat(rows("SELECT text FROM notes")).containsExactly("kept");
  }

  @Test
  void aDatabaseFromAnEarlierReleaseGetsOnlyTheNewMigrations() throws SQLException {
    new MigrationRunner(List.of(CREATE_NOTES)).migrate(connection);
    execute("INSERT INTO notes (id, text) VALUES (1, 'old row')");

    List<Migration> applied =
        new MigrationRunner(List.of(CREATE_NOTES, ADD_AUTHOR)).migrate(connection);

    assertThat(applied).containsExactly(ADD_AUTHOR);
    assertThat(rows("SELECT text || '/' || COALESCE(author, '-') FROM notes"))
        .containsExactly("old row/-");
  }

  @Test
  void aFailingMigrationStopsTheRunNamesItselfAndIsNotRecorded() throws SQLException {
    Migration broken = new Migration(2, "broken", List.of("ALTER TABLE no_such_table ADD x INT"));
    Migration never = new Migration(3, "never reached", List.of("CREATE TABLE later (id INT)"));

    assertThatThrownBy(
            () -> new MigrationRunner(List.of(CREATE_NOTES, broken, never)).migrate(connection))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("migration 2 (broken) failed: ");

    assertThat(MigrationRunner.currentVersion(connection)).isEqualTo(1);
    assertThat(rows("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'LATER'"))
        .containsExactly("0");
  }

  @Test
  void refusesADatabaseNewerThanItsMigrations() throws SQLException {
    new MigrationRunner(List.of(CREATE_NOTES, ADD_AUTHOR)).migrate(connection);

    assertThatThrownBy(() -> new MigrationRunner(List.of(CREATE_NOTES)).migrate(connection))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("at version 2, newer than this bot's latest, 1");
  }

  @Test
  void refusesAHistoryWithAGapOrOutOfOrder() {
    assertThatThrownBy(() -> new MigrationRunner(List.of(ADD_AUTHOR)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("versions go 1, 2, 3");
    assertThatThrownBy(() -> new MigrationRunner(List.of(CREATE_NOTES, CREATE_NOTES)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theBotsOwnMigrationsCreateItsTables() throws SQLException {
    new MigrationRunner(Migrations.bot()).migrate(connection);

    assertThat(
            rows(
                "SELECT LOWER(table_name) FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' ORDER BY 1"))
        .containsExactly("command_stats", "guild_config", "reminders", "schema_version");
    assertThat(MigrationRunner.currentVersion(connection)).isEqualTo(Migrations.bot().size());
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          values.add(result.getString(column));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
