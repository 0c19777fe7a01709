package dev.metered.example.discord;

import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.Reply;
import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * The thin adapter from JDA's events to the bot: it turns each into the bot's own {@link Message}
 * or {@link SlashCommand} (with {@link GatewayEvents}), hands it to the {@link EventHandler} on a
 * worker thread, and sends the reply back through JDA. Everything else, prefix handling included,
 * happens in the same command router the simulation drives.
 *
 * <p>Work leaves JDA's event thread at once: a command may wait on an HTTP API for seconds, and JDA
 * delivers events one after another on that thread.
 */
final class JdaListener extends ListenerAdapter {
  private final ExecutorService workers;
  private final LongAdder events = new LongAdder();
  private volatile EventHandler handler;
  private volatile Map<String, CommandSpec> specs = Map.of();

  JdaListener(ExecutorService workers) {
    this.workers = workers;
  }

  /**
   * Starts handing events to {@code handler}. Until then, messages are ignored and slash commands
   * answered with a note: JDA is connected before the bot has started.
   */
  void routeTo(EventHandler handler, List<CommandSpec> commands) {
    this.specs =
        commands.stream()
            .collect(
                Collectors.toUnmodifiableMap(spec -> spec.command().wireValue(), spec -> spec));
    this.handler = handler;
  }

  long eventsSeen() {
    return events.sum();
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    EventHandler target = handler;
    // Never answer bots, this one included: two bots could otherwise answer each other forever.
    if (target == null || event.getAuthor().isBot() || event.isWebhookMessage()) {
      return;
    }
    events.increment();
    Message message =
        GatewayEvents.message(
            event.isFromGuild() ? Optional.of(event.getGuild().getIdLong()) : Optional.empty(),
            event.getChannel().getIdLong(),
            event.getAuthor().getIdLong(),
            event.getMessage().getContentRaw());
    net.dv8tion.jda.api.entities.Message original = event.getMessage();
    submit(
        () ->
            target
                .handle(message)
                .ifPresent(
                    reply ->
                        original
                            .reply(DiscordText.fit(reply.text()))
                            .setAllowedMentions(List.of())
                            .mentionRepliedUser(false)
                            .queue()));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    EventHandler target = handler;
    if (target == null) {
      event.reply("Starting up; try again in a moment.").setEphemeral(true).queue();
      return;
    }
    events.increment();
    SlashCommand command =
        GatewayEvents.slashCommand(
            event.getGuild() != null ? Optional.of(event.getGuild().getIdLong()) : Optional.empty(),
            event.getChannelIdLong(),
            event.getUser().getIdLong(),
            event.getName(),
            Optional.ofNullable(specs.get(event.getName())),
            name -> Optional.ofNullable(event.getOption(name)).map(OptionMapping::getAsString));
    // Discord wants an answer within three seconds; a command that calls an API may take longer,
    // so acknowledge now and send the reply when it is ready.
    event.deferReply().queue();
    submit(
        () -> {
          String text =
              target
                  .handle(command)
                  .map(Reply::text)
                  .orElse("That command is not available right now.");
          event.getHook().sendMessage(DiscordText.fit(text)).setAllowedMentions(List.of()).queue();
        });
  }

  private void submit(Runnable work) {
    try {
      workers.execute(work);
    } catch (RejectedExecutionException shuttingDown) {
      // The bot is stopping: the event arrived after the last one it will answer.
    }
  }
}
