package dev.metered.example.db;

/**
 * One row of {@code command_stats}.
 *
 * @param command the command's name
 * @param uses how often it ran
 * @param failures how often it failed
 */
public record CommandCount(String command, long uses, long failures) {}
