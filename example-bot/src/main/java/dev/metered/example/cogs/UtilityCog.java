package dev.metered.example.cogs;

import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CommandMetrics.Command;

/**
 * Small utility commands: {@code ping}.
 *
 * <p>Handlers are public, non-final instance methods of a non-final class: the shape a later
 * Metered version needs to wrap {@code @Metered} handlers in a generated subclass.
 */
public class UtilityCog implements Cog {

  @Override
  public void load(CommandRegistrar registrar) {
    registrar.register(Command.PING, Registration.HYBRID, this::ping);
  }

  /**
   * Answers, to show the bot is alive.
   *
   * @param context the invocation
   * @return {@code Pong!}
   */
  @Metered(family = "command", attributes = "command=ping")
  public String ping(CommandContext context) {
    return "Pong!";
  }
}
