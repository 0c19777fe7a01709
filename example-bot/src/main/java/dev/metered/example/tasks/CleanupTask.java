package dev.metered.example.tasks;

import dev.metered.annotations.Metered;
import dev.metered.example.db.ReminderRepository;
import java.util.Objects;

/**
 * The periodic cleanup: deletes reminders that were delivered, so the table stays small. Create it
 * as its generated wrapper, {@code new CleanupTask_Metered(reminders)}, which records each run.
 */
public class CleanupTask implements TaskBody {
  private final ReminderRepository reminders;

  /**
   * @param reminders the reminders table
   */
  public CleanupTask(ReminderRepository reminders) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
  }

  /**
   * Deletes the delivered reminders.
   *
   * @throws dev.metered.example.db.DatabaseException when the database failed
   */
  @Override
  @Metered(family = "task", attributes = {"task=cleanup", "task_type=periodic"})
  public void run() {
    reminders.deleteDelivered();
  }
}
