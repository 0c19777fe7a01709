package dev.metered.example.services;

import dev.metered.annotations.Metered;
import dev.metered.example.tasks.TaskBody;
import java.util.Objects;

/**
 * Delivers one reminder when it is due, scheduled once by the reminder service. Create it as its
 * generated wrapper, {@code new ReminderDispatchTask_Metered(delivery, id)}, which records the run.
 */
public class ReminderDispatchTask implements TaskBody {
  private final ReminderDelivery delivery;
  private final long reminderId;

  /**
   * @param delivery delivers a due reminder
   * @param reminderId the reminder to deliver
   */
  public ReminderDispatchTask(ReminderDelivery delivery, long reminderId) {
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.reminderId = reminderId;
  }

  /**
   * Delivers the reminder, unless it is gone or was delivered already.
   *
   * @throws dev.metered.example.api.ApiException when Discord refused the message
   */
  @Override
  @Metered(family = "task", attributes = {"task=reminder_dispatch", "task_type=scheduled"})
  public void run() {
    delivery.deliver(reminderId);
  }
}
