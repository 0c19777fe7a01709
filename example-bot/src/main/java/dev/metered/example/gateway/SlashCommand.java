package dev.metered.example.gateway;

import java.util.List;
import java.util.Objects;

/**
 * A slash-command interaction, as the Discord gateway would deliver it, for example {@code /tldr
 * page:tar}.
 *
 * @param guildId the guild
 * @param channelId the channel
 * @param userId the user who invoked it
 * @param name the command's name
 * @param options the option values, in declaration order
 */
public record SlashCommand(
    long guildId, long channelId, long userId, String name, List<String> options)
    implements GatewayEvent {

  /** Copies the options. */
  public SlashCommand {
    Objects.requireNonNull(name, "name");
    options = List.copyOf(options);
  }
}
