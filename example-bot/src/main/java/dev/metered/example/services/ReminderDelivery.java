package dev.metered.example.services;

import dev.metered.example.api.DiscordClient;
import dev.metered.example.db.Reminder;
import dev.metered.example.db.ReminderRepository;
import java.util.Objects;
import java.util.Optional;

/** Delivers one due reminder: reads it, messages the user, marks it delivered. */
public final class ReminderDelivery {
  private final ReminderRepository reminders;
  private final DiscordClient discord;

  /**
   * @param reminders the reminders table
   * @param discord where the message goes
   */
  public ReminderDelivery(ReminderRepository reminders, DiscordClient discord) {
    this.reminders = Objects.requireNonNull(reminders, "reminders");
    this.discord = Objects.requireNonNull(discord, "discord");
  }

  /**
   * Delivers reminder {@code id}, unless it is gone or was delivered already.
   *
   * @param id the reminder's id
   * @throws dev.metered.example.api.ApiException when Discord refused the message; the reminder
   *     stays undelivered
   */
  public void deliver(long id) {
    Optional<Reminder> found = reminders.find(id);
    if (found.isEmpty() || found.get().delivered()) {
      return;
    }
    Reminder reminder = found.get();
    discord.sendMessage(
        reminder.channelId(), "<@" + reminder.userId() + "> reminder: " + reminder.message());
    reminders.markDelivered(id);
  }
}
