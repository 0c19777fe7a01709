package dev.metered.example.commands;

import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.services.PrefixResolver;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns gateway input into command invocations: strips the guild's prefix from messages, finds the
 * command, checks it may be invoked this way, and hands it to the {@link CommandDispatcher}.
 *
 * <p>Input that is no command (a chat message, an unknown name, a slash invocation of a prefix-only
 * command) is ignored without a metric, as discord.py ignores {@code CommandNotFound}: its names
 * come from users and would make an unbounded attribute.
 */
public final class CommandRouter {
  private final CommandRegistry registry;
  private final PrefixResolver prefixes;
  private final CommandDispatcher dispatcher;

  /**
   * @param registry the loaded commands
   * @param prefixes finds each guild's prefix
   * @param dispatcher runs and records invocations
   */
  public CommandRouter(
      CommandRegistry registry, PrefixResolver prefixes, CommandDispatcher dispatcher) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.prefixes = Objects.requireNonNull(prefixes, "prefixes");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  /**
   * Handles a message.
   *
   * @param message the message
   * @return the reply, or empty when the message invoked no command
   */
  public Optional<Reply> onMessage(Message message) {
    String prefix = prefixes.prefixFor(message.guildId());
    if (!message.content().startsWith(prefix)) {
      return Optional.empty();
    }
    String[] words = message.content().substring(prefix.length()).trim().split("\\s+");
    if (words[0].isEmpty()) {
      return Optional.empty();
    }
    List<String> args = Arrays.asList(words).subList(1, words.length);
    return find(words[0])
        .filter(command -> command.registration().acceptsMessages())
        .map(
            command ->
                dispatcher.dispatch(
                    command,
                    new CommandContext(
                        message.guildId(),
                        message.channelId(),
                        message.userId(),
                        args,
                        command.registration().commandType())));
  }

  /**
   * Handles a slash-command interaction.
   *
   * @param interaction the interaction
   * @return the reply, or empty when no loaded cog offers the command as a slash command
   */
  public Optional<Reply> onSlashCommand(SlashCommand interaction) {
    return find(interaction.name())
        .filter(command -> command.registration().acceptsSlash())
        .map(
            command ->
                dispatcher.dispatch(
                    command,
                    new CommandContext(
                        interaction.guildId(),
                        interaction.channelId(),
                        interaction.userId(),
                        interaction.options(),
                        command.registration().commandType())));
  }

  private Optional<RegisteredCommand> find(String name) {
    return Command.fromWireValue(name.toLowerCase(Locale.ROOT)).flatMap(registry::find);
  }
}
