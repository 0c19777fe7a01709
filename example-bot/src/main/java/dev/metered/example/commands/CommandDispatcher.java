package dev.metered.example.commands;

import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.db.DatabaseException;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.runtime.ErrorTypes;
import java.util.Objects;

/**
 * Invokes a command's handler, turns its outcome into a reply, and counts the invocation in {@code
 * command_stats}.
 *
 * <p>The {@code command} event (duration, command, command type, success, error type) is not
 * recorded here: handlers are {@code @Metered} methods of cogs created as their generated wrappers,
 * and the wrapper around each call times that call alone (its start reading is a local of the
 * call), records it and rethrows what the handler threw, unchanged. The dispatcher passes the
 * invocation's command type to the handler, which is how the real one reaches the data point.
 *
 * <p>Thread-safe.
 */
public final class CommandDispatcher {
  private static final System.Logger LOG = System.getLogger(CommandDispatcher.class.getName());

  private final CommandStatsRepository stats;

  /**
   * @param stats the bot's own usage counts
   */
  public CommandDispatcher(CommandStatsRepository stats) {
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /**
   * Runs one invocation.
   *
   * @param command the command to run
   * @param context the invocation
   * @return the reply: the handler's text, or an error message when it threw
   * @throws Error when the handler threw one (its wrapper recorded the failure)
   */
  public Reply dispatch(RegisteredCommand command, CommandContext context) {
    Reply reply;
    try {
      reply = Reply.ok(command.handler().handle(context, context.type()));
    } catch (Exception failure) {
      if (failure instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      reply = Reply.failed(userMessage(failure));
    }
    count(command.command(), reply.success());
    return reply;
  }

  /** Usage counts are a convenience: failing to store one must not fail the command. */
  private void count(Command command, boolean success) {
    try {
      stats.increment(command, success);
    } catch (DatabaseException notCounted) {
      // Already recorded as a failed database operation by the executor.
      LOG.log(System.Logger.Level.DEBUG, "usage of {0} not counted", command.wireValue());
    }
  }

  private static String userMessage(Exception failure) {
    // Argument errors are the user's to fix and refusals are meant for them, so they see the
    // message; anything else is ours, and the user sees only its kind.
    return failure instanceof IllegalArgumentException || failure instanceof CommandFailedException
        ? failure.getMessage()
        : "Something went wrong (" + ErrorTypes.of(failure) + ").";
  }
}
