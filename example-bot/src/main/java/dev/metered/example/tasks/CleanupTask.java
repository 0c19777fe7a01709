package dev.metered.example.tasks;

import dev.metered.example.db.ReminderRepository;
import java.util.Objects;

/** The periodic cleanup: deletes reminders that were delivered, so the table stays small. */
public final class CleanupTask implements TaskBody {
  private final ReminderRepository reminders;

  /**
   * @param reminders the reminders table
   */
  public CleanupTask(ReminderRepository reminders) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
  }

  @Override
  public void run() {
    reminders.deleteDelivered();
  }
}
