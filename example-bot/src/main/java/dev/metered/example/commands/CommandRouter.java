package dev.metered.example.commands;

import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.example.services.PrefixResolver;
import dev.metered.example.support.Elapsed;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns gateway input into command invocations: strips the guild's prefix from messages, finds the
 * command, checks it may be invoked this way, and hands it to the {@link CommandDispatcher}.
 *
 * <p>A name no command has ({@code !levels}) gets no reply, as discord.py ignores {@code
 * CommandNotFound}, but is recorded as a failed command under {@code command=other}, the schema's
 * fallback, with {@code error_type=CommandNotFound}: what users expect the bot to do shows in
 * Sentry, and their typos share one series instead of making the attribute unbounded. Other input
 * that invokes no command (a chat message, a command offered another way or by no loaded cog) is
 * ignored without a metric.
 */
public final class CommandRouter {
  /** The error type of a name no command has: discord.py's exception for it. */
  static final String COMMAND_NOT_FOUND = "CommandNotFound";

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
    long start = System.nanoTime();
    String prefix = prefixes.prefixFor(message.guildId());
    if (!message.content().startsWith(prefix)) {
      return Optional.empty();
    }
    String[] words = message.content().substring(prefix.length()).trim().split("\\s+");
    if (words[0].isEmpty()) {
      return Optional.empty();
    }
    List<String> args = Arrays.asList(words).subList(1, words.length);
    return find(words[0], CommandType.PREFIX, start)
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
    return find(interaction.name(), CommandType.SLASH, System.nanoTime())
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

  private Optional<RegisteredCommand> find(String name, CommandType type, long start) {
    Command command = Command.fromWireValue(name.toLowerCase(Locale.ROOT));
    if (command == Command.OTHER) {
      // Like the wrappers of the command handlers, to the global sink.
      CommandMetrics.global()
          .event(command, type, false, Elapsed.millisSince(start))
          .errorType(COMMAND_NOT_FOUND)
          .record();
      return Optional.empty();
    }
    return registry.find(command);
  }
}
