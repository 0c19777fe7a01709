package dev.metered.example.discord;

import dev.metered.example.commands.CommandSpec;
import dev.metered.example.services.Presence;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The bot's connection to Discord through JDA: messages and slash commands in, replies and presence
 * out.
 *
 * <p>Use: {@link #connect}, start the bot with {@link #presence()}, then {@link #serve} it. JDA is
 * connected first so that a bad token fails before the bot opens its database.
 *
 * <p>Message content is a privileged intent: enable "Message Content Intent" for the application in
 * Discord's developer portal, or prefix commands never see their text.
 */
public final class DiscordGateway implements AutoCloseable {
  private static final int WORKERS = 4;
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

  private final JDA jda;
  private final JdaListener listener;
  private final ExecutorService workers;

  private DiscordGateway(JDA jda, JdaListener listener, ExecutorService workers) {
    this.jda = jda;
    this.listener = listener;
    this.workers = workers;
  }

  /**
   * Logs in and waits until JDA is ready.
   *
   * @param token the bot token
   * @return the connection; events are ignored until {@link #serve}
   * @throws InterruptedException when interrupted while waiting
   * @throws RuntimeException JDA's, when the token is refused or Discord cannot be reached
   */
  public static DiscordGateway connect(String token) throws InterruptedException {
    Objects.requireNonNull(token, "token");
    AtomicInteger number = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            WORKERS,
            runnable -> {
              Thread thread = new Thread(runnable, "discord-command-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    JdaListener listener = new JdaListener(workers);
    try {
      // Light: no member or presence caches; the bot needs none, and they cost memory per guild.
      JDA jda =
          JDABuilder.createLight(
                  token,
                  GatewayIntent.GUILD_MESSAGES,
                  GatewayIntent.DIRECT_MESSAGES,
                  GatewayIntent.MESSAGE_CONTENT)
              .addEventListeners(listener)
              .build();
      jda.awaitReady();
      return new DiscordGateway(jda, listener, workers);
    } catch (InterruptedException | RuntimeException failure) {
      workers.shutdownNow();
      throw failure;
    }
  }

  /**
   * Where the bot's status goes: the "Playing ..." line under its name.
   *
   * @return the presence
   */
  public Presence presence() {
    return new JdaPresence(jda);
  }

  /**
   * Starts handing events to {@code handler}, and tells Discord about the slash commands. Global
   * commands can take a while to appear in Discord's client after the first registration.
   *
   * @param handler the bot's event handling
   * @param commands the commands the bot offers
   */
  public void serve(EventHandler handler, List<CommandSpec> commands) {
    listener.routeTo(handler, commands);
    jda.updateCommands().addCommands(SlashCommands.of(commands)).queue();
  }

  /**
   * How many messages and interactions the bot has been handed so far.
   *
   * @return the count
   */
  public long eventsSeen() {
    return listener.eventsSeen();
  }

  /**
   * Disconnects: stops taking events, lets the commands in progress send their replies, then closes
   * the connection. Interrupted while waiting, it closes the connection at once and sets the
   * thread's interrupt flag again rather than throwing: an {@link InterruptedException} thrown by
   * a close that try-with-resources suppresses would lose the interrupt.
   */
  @Override
  public void close() {
    try {
      workers.shutdown();
      workers.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      jda.shutdown();
      if (!jda.awaitShutdown(SHUTDOWN_TIMEOUT)) {
        jda.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
      jda.shutdownNow();
    }
  }
}
