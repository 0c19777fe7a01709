package dev.metered.example.discord;

import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.OptionSpec;
import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the bot's own gateway events from what a JDA event carries, so that Discord traffic takes
 * the same route through the command router as the simulation's. Plain values in, records out: the
 * part of the adapter that needs no live gateway to test.
 */
public final class GatewayEvents {
  /** The guild id of direct messages, which belong to no guild: they use the default prefix. */
  public static final long NO_GUILD = 0;

  private GatewayEvents() {}

  /**
   * A message.
   *
   * @param guildId the guild, or empty for a direct message
   * @param channelId the channel
   * @param authorId the author
   * @param content the raw content
   * @return the event
   */
  public static Message message(
      Optional<Long> guildId, long channelId, long authorId, String content) {
    return new Message(guildId.orElse(NO_GUILD), channelId, authorId, content);
  }

  /**
   * A slash-command interaction. Its options become the invocation's arguments in the order the
   * command declares them, which is the order its handler reads them in; they stop at the first
   * option the user left out (only trailing options can be optional).
   *
   * @param guildId the guild, or empty for a direct message
   * @param channelId the channel
   * @param userId the user
   * @param name the command's name
   * @param spec the command's spec, when the bot knows the name
   * @param option the value the user gave an option, by the option's name; empty when not given
   * @return the event
   */
  public static SlashCommand slashCommand(
      Optional<Long> guildId,
      long channelId,
      long userId,
      String name,
      Optional<CommandSpec> spec,
      Function<String, Optional<String>> option) {
    List<String> args = new ArrayList<>();
    for (OptionSpec declared : spec.map(CommandSpec::options).orElse(List.of())) {
      Optional<String> value = option.apply(declared.name());
      if (value.isEmpty()) {
        break;
      }
      args.add(value.get());
    }
    return new SlashCommand(guildId.orElse(NO_GUILD), channelId, userId, name, args);
  }
}
