package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.db.CommandCount;
import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The {@code stats} command: the most used commands, from {@code command_stats}. */
public class StatsCog implements Cog {
  private static final int TOP = 3;

  private final CommandStatsRepository stats;

  /**
   * @param stats the usage counts
   */
  public StatsCog(CommandStatsRepository stats) {
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  @Override
  public void load(CommandRegistrar registrar) {
    registrar.register(
        CommandSpec.of(Command.STATS, Registration.PREFIX, "The most used commands."), this::stats);
  }

  /**
   * Lists the most used commands.
   *
   * @param context the invocation
   * @param type how it was invoked, recorded as its {@code command_type}
   * @return for example {@code ping 12 (0 failed), tldr 9 (2 failed)}
   */
  @Metered(family = "command", attributes = "command=stats")
  public String stats(CommandContext context, @Attr("command_type") CommandType type) {
    List<CommandCount> top = stats.top(TOP);
    if (top.isEmpty()) {
      return "No commands used yet.";
    }
    return top.stream()
        .map(count -> count.command() + " " + count.uses() + " (" + count.failures() + " failed)")
        .collect(Collectors.joining(", ", "Most used: ", ""));
  }
}
