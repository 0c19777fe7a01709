package dev.metered.example.commands;

import dev.metered.example.metrics.CommandMetrics.CommandType;

/**
 * How a command is offered to users, as in discord.py: typed with a prefix, as a slash command, or
 * both (a hybrid command).
 */
public enum Registration {
  /** Only as a prefixed message, for example {@code !remind 10m stretch}. */
  PREFIX,
  /** Only as a slash command. */
  SLASH,
  /** Both ways, one implementation. */
  HYBRID;

  /**
   * Whether the command can be invoked by a message.
   *
   * @return {@code true} for prefix and hybrid commands
   */
  public boolean acceptsMessages() {
    return this != SLASH;
  }

  /**
   * Whether the command can be invoked as a slash command.
   *
   * @return {@code true} for slash and hybrid commands
   */
  public boolean acceptsSlash() {
    return this != PREFIX;
  }

  /**
   * The {@code command_type} of an invocation: how the command is offered. An invocation itself
   * always arrives either as a message or as an interaction, so {@code hybrid}, one of the schema's
   * values, can only mean a hybrid command, whichever way it came in; discord.py's context reports
   * it the same way. The seed could not see this and always sent {@code unknown}.
   *
   * @return the command type
   */
  public CommandType commandType() {
    return switch (this) {
      case PREFIX -> CommandType.PREFIX;
      case SLASH -> CommandType.SLASH;
      case HYBRID -> CommandType.HYBRID;
    };
  }
}
