package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;

/**
 * Small utility commands: {@code ping}.
 *
 * <p>Handlers are public, non-final instance methods of a non-final class: the shape Metered needs
 * to wrap {@code @Metered} handlers in a generated subclass, {@code UtilityCog_Metered}, which is
 * what the bot creates.
 */
public class UtilityCog implements Cog {

  @Override
  public void load(CommandRegistrar registrar) {
    registrar.register(
        CommandSpec.of(Command.PING, Registration.HYBRID, "Checks that the bot answers."),
        this::ping);
  }

  /**
   * Answers, to show the bot is alive.
   *
   * @param context the invocation
   * @param type how it was invoked, recorded as its {@code command_type}
   * @return {@code Pong!}
   */
  @Metered(family = "command", attributes = "command=ping")
  public String ping(CommandContext context, @Attr("command_type") CommandType type) {
    return "Pong!";
  }
}
