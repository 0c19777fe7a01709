package dev.metered.example.gateway;

import java.util.Objects;

/**
 * A message posted in a guild channel, as the Discord gateway would deliver it. Commands arrive
 * this way when typed with the guild's prefix, for example {@code !tldr tar}.
 *
 * @param guildId the guild
 * @param channelId the channel
 * @param userId the author
 * @param content the text
 */
public record Message(long guildId, long channelId, long userId, String content)
    implements GatewayEvent {

  /** Checks the content. */
  public Message {
    Objects.requireNonNull(content, "content");
  }
}
