package dev.metered.example.commands;

import dev.metered.example.metrics.CommandMetrics.Command;
import java.util.List;
import java.util.Objects;

/**
 * What a command is to its users: its name, how it may be invoked, a description and its options.
 * The prefix parser ignores the options (it splits words); Discord needs them to offer the command
 * as a slash command.
 *
 * @param command the command; its name is the generated enum's wire value
 * @param registration prefix, slash or hybrid
 * @param description one line for Discord's command picker, at most 100 characters
 * @param options the slash command's options, in the order the handler reads its arguments
 */
public record CommandSpec(
    Command command, Registration registration, String description, List<OptionSpec> options) {

  /** The longest description Discord takes. */
  public static final int MAX_DESCRIPTION = 100;

  /** Checks the fields and copies the options. */
  public CommandSpec {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(registration, "registration");
    if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "a description needs 1 to " + MAX_DESCRIPTION + " characters: " + command.wireValue());
    }
    options = List.copyOf(options);
    boolean optionalSeen = false;
    for (OptionSpec option : options) {
      if (option.required() && optionalSeen) {
        // Arguments are positional: a required one after an optional one could not be told apart.
        throw new IllegalArgumentException(
            "required option " + option.name() + " after an optional one: " + command.wireValue());
      }
      optionalSeen |= !option.required();
    }
  }

  /**
   * A spec without options.
   *
   * @param command the command
   * @param registration how it may be invoked
   * @param description one line
   * @param options its options, in order
   * @return the spec
   */
  public static CommandSpec of(
      Command command, Registration registration, String description, OptionSpec... options) {
    return new CommandSpec(command, registration, description, List.of(options));
  }
}
