package dev.metered.example.commands;

import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import java.util.Objects;

/**
 * A command as the registry knows it.
 *
 * @param spec what it is to users
 * @param handler what runs it
 * @param cog the cog that registered it
 */
public record RegisteredCommand(CommandSpec spec, CommandHandler handler, CogMetrics.Cog cog) {

  /** Checks the fields. */
  public RegisteredCommand {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(cog, "cog");
  }

  /**
   * The command.
   *
   * @return the command
   */
  public Command command() {
    return spec.command();
  }

  /**
   * How users can invoke it.
   *
   * @return the registration
   */
  public Registration registration() {
    return spec.registration();
  }
}
