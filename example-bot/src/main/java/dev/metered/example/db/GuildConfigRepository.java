package dev.metered.example.db;

import dev.metered.example.metrics.DatabaseMetrics.Operation;
import dev.metered.example.metrics.DatabaseMetrics.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;

/** Per-guild settings in {@code guild_config}: for now, the command prefix. */
public final class GuildConfigRepository {
  private final RetryingSqlExecutor sql;

  /**
   * @param sql runs and meters every statement
   */
  public GuildConfigRepository(RetryingSqlExecutor sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * Stores a guild's prefix, replacing any earlier one.
   *
   * @param guildId the guild
   * @param prefix its command prefix, at most 5 characters
   */
  public void savePrefix(long guildId, String prefix) {
    sql.execute(
        Operation.INSERT,
        Table.GUILD_CONFIG,
        connection -> {
          // Standard MERGE rather than H2's MERGE ... KEY, so that PostgreSQL (15+) runs it too.
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "MERGE INTO guild_config t USING (VALUES (CAST(? AS BIGINT),"
                      + " CAST(? AS VARCHAR(5)))) s(guild_id, prefix) ON t.guild_id = s.guild_id"
                      + " WHEN MATCHED THEN UPDATE SET prefix = s.prefix"
                      + " WHEN NOT MATCHED THEN INSERT (guild_id, prefix)"
                      + " VALUES (s.guild_id, s.prefix)")) {
            statement.setLong(1, guildId);
            statement.setString(2, prefix);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * The guild's prefix, if it set one.
   *
   * @param guildId the guild
   * @return its prefix, or empty when the guild uses the default
   */
  public Optional<String> findPrefix(long guildId) {
    return sql.execute(
        Operation.QUERY,
        Table.GUILD_CONFIG,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT prefix FROM guild_config WHERE guild_id = ?")) {
            statement.setLong(1, guildId);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(rows.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }
}
