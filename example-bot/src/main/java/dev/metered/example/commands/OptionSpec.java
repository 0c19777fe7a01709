package dev.metered.example.commands;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option of a slash command: a text value the user fills in, maybe from a list of choices.
 *
 * @param name the option's name, lower case, as Discord requires
 * @param description one line, at most 100 characters
 * @param required whether the user must fill it in
 * @param choices the values offered, or empty for free text
 */
public record OptionSpec(String name, String description, boolean required, List<String> choices) {
  /** Discord's rule for option names (lower-case letters, digits, dashes and underscores). */
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

  /** Checks the fields and copies the choices. */
  public OptionSpec {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a Discord option name: " + name);
    }
    if (description.isBlank() || description.length() > CommandSpec.MAX_DESCRIPTION) {
      throw new IllegalArgumentException("an option description needs 1 to 100 characters");
    }
    choices = List.copyOf(Objects.requireNonNull(choices, "choices"));
  }

  /**
   * A required free-text option.
   *
   * @param name the name
   * @param description one line
   * @return the option
   */
  public static OptionSpec required(String name, String description) {
    return new OptionSpec(name, description, true, List.of());
  }

  /**
   * An optional option with fixed choices.
   *
   * @param name the name
   * @param description one line
   * @param choices the values offered
   * @return the option
   */
  public static OptionSpec optional(String name, String description, List<String> choices) {
    return new OptionSpec(name, description, false, choices);
  }
}
