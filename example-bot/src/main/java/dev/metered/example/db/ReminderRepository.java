package dev.metered.example.db;

import dev.metered.example.metrics.DatabaseMetrics.Operation;
import dev.metered.example.metrics.DatabaseMetrics.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;

/** The {@code reminders} table: created by the remind command, delivered by a scheduled task. */
public final class ReminderRepository {
  private final RetryingSqlExecutor sql;

  /**
   * @param sql runs and meters every statement
   */
  public ReminderRepository(RetryingSqlExecutor sql) {
    this.sql = Objects.requireNonNull(sql, "sql");
  }

  /**
   * Stores a new reminder.
   *
   * @param userId who asked
   * @param channelId where to deliver it
   * @param dueAtMillis when, in epoch milliseconds
   * @param message what to say; the column holds 200 characters, and the database, not this method,
   *     refuses longer text
   * @return the new reminder's id
   */
  public long insert(long userId, long channelId, long dueAtMillis, String message) {
    return sql.execute(
        Operation.INSERT,
        Table.REMINDERS,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "INSERT INTO reminders (user_id, channel_id, due_at_millis, message)"
                      + " VALUES (?, ?, ?, ?)",
                  Statement.RETURN_GENERATED_KEYS)) {
            statement.setLong(1, userId);
            statement.setLong(2, channelId);
            statement.setLong(3, dueAtMillis);
            statement.setString(4, message);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
              if (!keys.next()) {
                throw new SQLException("no id generated for the new reminder");
              }
              return keys.getLong(1);
            }
          }
        });
  }

  /**
   * One reminder.
   *
   * @param id its id
   * @return the reminder, or empty when it no longer exists
   */
  public Optional<Reminder> find(long id) {
    return sql.execute(
        Operation.QUERY,
        Table.REMINDERS,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT id, user_id, channel_id, due_at_millis, message, delivered"
                      + " FROM reminders WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
              if (!rows.next()) {
                return Optional.<Reminder>empty();
              }
              return Optional.of(
                  new Reminder(
                      rows.getLong(1),
                      rows.getLong(2),
                      rows.getLong(3),
                      rows.getLong(4),
                      rows.getString(5),
                      rows.getBoolean(6)));
            }
          }
        });
  }

  /**
   * Marks a reminder delivered; the cleanup task deletes it later.
   *
   * @param id its id
   */
  public void markDelivered(long id) {
    sql.execute(
        Operation.UPDATE,
        Table.REMINDERS,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("UPDATE reminders SET delivered = TRUE WHERE id = ?")) {
            statement.setLong(1, id);
            return statement.executeUpdate();
          }
        });
  }

  /**
   * Deletes every delivered reminder.
   *
   * @return how many were deleted
   */
  public int deleteDelivered() {
    return sql.execute(
        Operation.DELETE,
        Table.REMINDERS,
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("DELETE FROM reminders WHERE delivered = TRUE")) {
            return statement.executeUpdate();
          }
        });
  }
}
