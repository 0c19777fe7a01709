package dev.metered.example.cogs;

import dev.metered.example.commands.CommandFailedException;

/** Someone who is not one of the bot's owners ran an owner command. */
public final class NotOwnerException extends CommandFailedException {
  private static final long serialVersionUID = 1L;

  /**
   * @param action what only owners may do, for example {@code reload cogs}
   */
  public NotOwnerException(String action) {
    super("Only the bot's owners may " + action + ".");
  }
}
