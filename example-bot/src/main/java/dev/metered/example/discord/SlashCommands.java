package dev.metered.example.discord;

import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.OptionSpec;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Turns the bot's command specs into the slash commands Discord is told about: one for each slash
 * or hybrid command, none for prefix-only ones. JDA checks names, lengths and counts as the data is
 * built, so a spec Discord would refuse fails here, in a test, rather than at registration.
 */
public final class SlashCommands {
  private SlashCommands() {}

  /**
   * The slash commands for {@code specs}.
   *
   * @param specs the commands the loaded cogs offer
   * @return the data to register, in the order of {@code specs}
   */
  public static List<SlashCommandData> of(List<CommandSpec> specs) {
    return specs.stream()
        .filter(spec -> spec.registration().acceptsSlash())
        .map(SlashCommands::command)
        .toList();
  }

  private static SlashCommandData command(CommandSpec spec) {
    SlashCommandData command = Commands.slash(spec.command().wireValue(), spec.description());
    for (OptionSpec option : spec.options()) {
      command.addOptions(option(option));
    }
    return command;
  }

  private static OptionData option(OptionSpec spec) {
    OptionData option =
        new OptionData(OptionType.STRING, spec.name(), spec.description(), spec.required());
    for (String choice : spec.choices()) {
      option.addChoice(choice, choice);
    }
    return option;
  }
}
