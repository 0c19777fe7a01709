package dev.metered.example.commands;

/** Runs one command invocation. Throwing fails the invocation; the dispatcher records why. */
@FunctionalInterface
public interface CommandHandler {

  /**
   * Handles the invocation.
   *
   * @param context the invocation
   * @return the reply's text
   * @throws Exception when the command failed
   */
  String handle(CommandContext context) throws Exception;
}
