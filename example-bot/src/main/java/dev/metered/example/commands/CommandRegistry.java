package dev.metered.example.commands;

import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands loaded cogs offer. Thread-safe: cogs are (re)loaded while commands run.
 *
 * <p>Keyed by the generated {@link Command} enum, so the set of command names is closed at compile
 * time: an unknown name typed by a user never reaches a metric attribute.
 */
public final class CommandRegistry {
  private final Map<Command, RegisteredCommand> commands = new ConcurrentHashMap<>();

  /**
   * A registrar that registers commands on behalf of {@code cog}.
   *
   * @param cog the cog that is loading
   * @return the registrar
   */
  public CommandRegistrar registrarFor(CogMetrics.Cog cog) {
    Objects.requireNonNull(cog, "cog");
    return (spec, handler) -> {
      Command command = spec.command();
      RegisteredCommand earlier =
          commands.putIfAbsent(command, new RegisteredCommand(spec, handler, cog));
      if (earlier != null) {
        throw new IllegalStateException(
            "command "
                + command.wireValue()
                + " is registered already by cog "
                + earlier.cog().wireValue());
      }
    };
  }

  /**
   * Removes every command {@code cog} registered.
   *
   * @param cog the cog being unloaded
   */
  public void unregisterAll(CogMetrics.Cog cog) {
    commands.values().removeIf(registered -> registered.cog() == cog);
  }

  /**
   * The command, if a loaded cog offers it.
   *
   * @param command the command
   * @return its registration
   */
  public Optional<RegisteredCommand> find(Command command) {
    return Optional.ofNullable(commands.get(command));
  }

  /**
   * Every command loaded cogs offer now, by name: for example to register them with Discord.
   *
   * @return a snapshot
   */
  public List<RegisteredCommand> all() {
    return commands.values().stream()
        .sorted(Comparator.comparing(registered -> registered.command().wireValue()))
        .toList();
  }
}
