package dev.metered.example.services;

import dev.metered.annotations.Metered;
import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.tasks.TaskBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The periodic status rotation, as Tux's activity handler: each run shows the next of a few
 * statuses, one of them read from the database. Create it as its generated wrapper, {@code new
 * StatusRotationTask_Metered(...)}, which records each run.
 */
public class StatusRotationTask implements TaskBody {
  private static final int STATUSES = 3;

  private final Presence presence;
  private final CommandStatsRepository stats;
  private final Clock clock;
  private final Instant startedAt;
  private int next; // runs of one periodic task never overlap

  /**
   * @param presence where the status goes
   * @param stats the usage counts, for the "commands served" status
   * @param clock the wall clock
   * @param startedAt when the bot started, for the uptime status
   */
  public StatusRotationTask(
      Presence presence, CommandStatsRepository stats, Clock clock, Instant startedAt) {
    this.presence = Objects.requireNonNull(presence, "presence");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
  }

  /**
   * Shows the next status.
   *
   * @throws dev.metered.example.db.DatabaseException when the usage count cannot be read
   */
  @Override
  @Metered(
      family = "task",
      attributes = {"task=status_rotation", "task_type=periodic"})
  public void run() {
    int index = next;
    next = (next + 1) % STATUSES;
    presence.show(
        switch (index) {
          case 0 -> "/tldr <command>";
          case 1 -> stats.totalUses() + " commands served";
          default -> "up " + Duration.between(startedAt, clock.instant()).toSeconds() + " s";
        });
  }
}
