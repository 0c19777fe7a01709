package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.db.DatabaseHealth;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.example.services.PrefixResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/** The {@code info} command: uptime, the guild's prefix, database health, loaded cogs. */
public class InfoCog implements Cog {
  private final PrefixResolver prefixes;
  private final DatabaseHealth database;
  private final Supplier<Set<CogMetrics.Cog>> loadedCogs;
  private final Clock clock;
  private final Instant startedAt;

  /**
   * @param prefixes finds the guild's prefix
   * @param database checks the database answers
   * @param loadedCogs the cogs loaded now
   * @param clock the wall clock
   * @param startedAt when the bot started
   */
  public InfoCog(
      PrefixResolver prefixes,
      DatabaseHealth database,
      Supplier<Set<CogMetrics.Cog>> loadedCogs,
      Clock clock,
      Instant startedAt) {
    this.prefixes = Objects.requireNonNull(prefixes, "prefixes");
    this.database = Objects.requireNonNull(database, "database");
    this.loadedCogs = Objects.requireNonNull(loadedCogs, "loadedCogs");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
  }

  @Override
  public void load(CommandRegistrar registrar) {
    registrar.register(
        CommandSpec.of(
            Command.INFO,
            Registration.SLASH,
            "Uptime, this server's prefix, database health and loaded cogs."),
        this::info);
  }

  /**
   * Describes the bot.
   *
   * @param context the invocation
   * @param type how it was invoked, recorded as its {@code command_type}
   * @return one line about the bot
   */
  @Metered(family = "command", attributes = "command=info")
  public String info(CommandContext context, @Attr("command_type") CommandType type) {
    Duration uptime = Duration.between(startedAt, clock.instant());
    return String.format(
        Locale.ROOT,
        "Metered example bot: up %d.%03d s, prefix '%s', database %s, %d cogs loaded",
        uptime.toSeconds(),
        uptime.toMillisPart(),
        prefixes.prefixFor(context.guildId()),
        database.isHealthy() ? "ok" : "unavailable",
        loadedCogs.get().size());
  }
}
