package dev.metered.example.db;

import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.DatabaseMetrics.Operation;
import dev.metered.example.metrics.DatabaseMetrics.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lifetime usage counts per command in {@code command_stats}, which the stats command shows.
 *
 * <p>This is the bot's own feature, not a metric: Sentry keeps metrics for a retention period,
 * while these counts live as long as the bot's database.
 */
public final class CommandStatsRepository {
  private final RetryingSqlExecutor sql;

  /**
   * @param sql runs and meters every statement
   */
  public CommandStatsRepository(RetryingSqlExecutor sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * Counts one invocation.
   *
   * @param command the command
   * @param success whether it succeeded
   */
  public void increment(Command command, boolean success) {
    sql.execute(
        Operation.UPDATE,
        Table.COMMAND_STATS,
        connection -> {
          // One statement, so that the row is created or counted atomically.
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "MERGE INTO command_stats t USING (VALUES (CAST(? AS VARCHAR(32)),"
                      + " CAST(? AS BIGINT))) s(command, failed) ON t.command = s.command"
                      + " WHEN MATCHED THEN UPDATE SET uses = t.uses + 1,"
                      + " failures = t.failures + s.failed"
                      + " WHEN NOT MATCHED THEN INSERT (command, uses, failures)"
                      + " VALUES (s.command, 1, s.failed)")) {
            statement.setString(1, command.wireValue());
            statement.setLong(2, success ? 0 : 1);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * How many commands ran, over all commands.
   *
   * @return the sum of all usage counts
   */
  public long totalUses() {
    return sql.execute(
        Operation.QUERY,
        Table.COMMAND_STATS,
        connection -> {
          try (PreparedStatement statement =
                  connection.prepareStatement("SELECT COALESCE(SUM(uses), 0) FROM command_stats");
              ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0L;
          }
        });
  }

  /**
   * The most used commands.
   *
   * @param limit how many at most
   * @return the commands by uses, most used first, ties by name
   */
  public List<CommandCount> top(int limit) {
    return sql.execute(
        Operation.QUERY,
        Table.COMMAND_STATS,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT command, uses, failures FROM command_stats"
                      + " ORDER BY uses DESC, command LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
              List<CommandCount> counts = new ArrayList<>();
              while (rows.next()) {
                counts.add(new CommandCount(rows.getString(1), rows.getLong(2), rows.getLong(3)));
              }
              return counts;
            }
          }
        });
  }
}
