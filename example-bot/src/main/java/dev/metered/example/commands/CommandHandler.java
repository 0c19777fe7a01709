package dev.metered.example.commands;

import dev.metered.example.metrics.CommandMetrics.CommandType;

/**
 * Runs one command invocation. Throwing fails the invocation.
 *
 * <p>Cogs register their {@code @Metered} handler methods as command handlers ({@code this::ping}
 * in a cog created as its generated {@code _Metered} wrapper), so each invocation is timed and
 * recorded by the wrapper: success, or failure with the exception's type, which the wrapper
 * rethrows unchanged for the {@link CommandDispatcher} to turn into a reply.
 */
@FunctionalInterface
public interface CommandHandler {

  /**
   * Handles the invocation.
   *
   * @param context the invocation
   * @param type the invocation's command type, {@code context.type()}: passed on its own so that a
   *     handler method takes it as its {@code @Attr("command_type")} parameter, and the wrapper
   *     records it
   * @return the reply's text
   * @throws Exception when the command failed
   */
  String handle(CommandContext context, CommandType type) throws Exception;
}
