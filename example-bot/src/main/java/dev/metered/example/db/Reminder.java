package dev.metered.example.db;

/**
 * One row of {@code reminders}.
 *
 * @param id the reminder's id
 * @param userId who asked to be reminded
 * @param channelId where to deliver the reminder (the user's DM channel)
 * @param dueAtMillis when, in epoch milliseconds
 * @param message what to say
 * @param delivered whether it was delivered already
 */
public record Reminder(
    long id, long userId, long channelId, long dueAtMillis, String message, boolean delivered) {}
