package dev.metered.example.commands;

import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import java.util.Objects;

/**
 * A command as the registry knows it.
 *
 * @param command the command
 * @param registration how users can invoke it
 * @param handler what runs it
 * @param cog the cog that registered it
 */
public record RegisteredCommand(
    Command command, Registration registration, CommandHandler handler, CogMetrics.Cog cog) {

  /** Checks the fields. */
  public RegisteredCommand {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(registration, "registration");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(cog, "cog");
  }
}
