package dev.metered.example.commands;

import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.db.DatabaseException;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.support.Elapsed;
import dev.metered.example.support.ErrorTypes;
import java.util.Objects;

/**
 * Invokes a command's handler and accounts for the invocation: one {@code command} event (duration,
 * command, command type, success, error type), and one count in {@code command_stats}.
 *
 * <p>Each invocation is timed from a start reading held in a local variable, so concurrent
 * invocations of the same command are timed independently; the seed kept start times in a map keyed
 * by command name, where a second invocation overwrote the first one's start.
 *
 * <p>Until Metered wraps {@code @Metered} handlers itself, this is where their metrics come from.
 * Thread-safe.
 */
public final class CommandDispatcher {
  private static final System.Logger LOG = System.getLogger(CommandDispatcher.class.getName());

  private final CommandMetrics metrics;
  private final CommandStatsRepository stats;

  /**
   * @param metrics the recorder of {@code command} events
   * @param stats the bot's own usage counts
   */
  public CommandDispatcher(CommandMetrics metrics, CommandStatsRepository stats) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /**
   * Runs one invocation.
   *
   * @param command the command to run
   * @param context the invocation
   * @return the reply: the handler's text, or an error message when it threw
   * @throws Error when the handler threw one (after recording the failure)
   */
  public Reply dispatch(RegisteredCommand command, CommandContext context) {
    long start = System.nanoTime();
    Reply reply;
    try {
      String text = command.handler().handle(context);
      metrics.record(command.command(), context.type(), true, Elapsed.millisSince(start));
      reply = Reply.ok(text);
    } catch (Exception failure) {
      double millis = Elapsed.millisSince(start);
      if (failure instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String errorType = ErrorTypes.of(failure);
      metrics.event(command.command(), context.type(), false, millis).errorType(errorType).record();
      reply = Reply.failed(userMessage(failure, errorType));
    } catch (Error fatal) {
      metrics
          .event(command.command(), context.type(), false, Elapsed.millisSince(start))
          .errorType(ErrorTypes.of(fatal))
          .record();
      throw fatal;
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

  private static String userMessage(Exception failure, String errorType) {
    // Argument errors are the user's to fix, so they see the message; anything else is ours, and
    // the user sees only its kind.
    return failure instanceof IllegalArgumentException
        ? failure.getMessage()
        : "Something went wrong (" + errorType + ").";
  }
}
