package dev.metered.example.discord;

import dev.metered.example.commands.Reply;
import dev.metered.example.gateway.GatewayEvent;
import java.util.Optional;

/**
 * What Discord's events are handed to: the bot's {@code handle}, which the simulation drives too.
 */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles one event.
   *
   * @param event a message or a slash-command interaction
   * @return the reply, or empty when the event invoked no command
   */
  Optional<Reply> handle(GatewayEvent event);
}
