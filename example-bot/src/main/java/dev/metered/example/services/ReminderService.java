package dev.metered.example.services;

import dev.metered.example.db.ReminderRepository;
import dev.metered.example.tasks.TaskRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Creates reminders: stores each one, then schedules its delivery as a {@code reminder_dispatch}
 * task, a {@code ReminderDispatchTask} created as its generated wrapper, which records the run.
 * Storing first means a reminder is never scheduled that the database did not accept.
 */
public final class ReminderService {
  private final ReminderRepository reminders;
  private final ReminderDelivery delivery;
  private final TaskRunner tasks;
  private final Clock clock;

  /**
   * @param reminders the reminders table
   * @param delivery delivers a due reminder
   * @param tasks runs the delivery when it is due
   * @param clock the wall clock, for the due time stored with the reminder
   */
  public ReminderService(
      ReminderRepository reminders, ReminderDelivery delivery, TaskRunner tasks, Clock clock) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Stores a reminder and schedules its delivery.
   *
   * @param userId who to remind
   * @param channelId where (the user's DM channel)
   * @param delay in how long
   * @param message what to say
   * @return the reminder's id
   * @throws dev.metered.example.db.DatabaseException when it could not be stored
   */
  public long remind(long userId, long channelId, Duration delay, String message) {
    long id = reminders.insert(userId, channelId, clock.millis() + delay.toMillis(), message);
    tasks.scheduleOnce(delay, new ReminderDispatchTask_Metered(delivery, id));
    return id;
  }
}
