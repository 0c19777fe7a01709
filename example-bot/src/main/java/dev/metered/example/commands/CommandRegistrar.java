package dev.metered.example.commands;

import dev.metered.example.metrics.CommandMetrics.Command;

/** What a cog registers its commands with while it loads. */
@FunctionalInterface
public interface CommandRegistrar {

  /**
   * Registers a command.
   *
   * @param command the command; its constant exists because a {@code @Metered} handler declares it
   * @param registration how users can invoke it
   * @param handler what runs it
   * @throws IllegalStateException when another cog registered the command already
   */
  void register(Command command, Registration registration, CommandHandler handler);
}
