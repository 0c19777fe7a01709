package dev.metered.example.session;

import dev.metered.example.BotConfig;
import dev.metered.example.ExampleBot;
import dev.metered.example.Recorders;
import dev.metered.example.commands.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives the bot through a scripted session that exercises every metric family: startup (cogs,
 * cache warmup), guild setup, the scripted gateway traffic (an owner's cog reload among it), the
 * reminders, cleanups and status rotations it leaves behind, and shutdown.
 *
 * <p>Given the same seed, a session records the same data points (counts, sums of counters,
 * attribute values) on every run; only the measured durations differ.
 */
public final class ScriptedSession {
  private final SessionConfig config;
  private volatile boolean stopped;

  /**
   * @param config how to run
   */
  public ScriptedSession(SessionConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Starts a bot, runs the session, and shuts the bot down, so that everything the bot records, the
   * unloads at shutdown included, is recorded when this returns.
   *
   * @param botConfig how to set the bot up
   * @param recorders where the database, API and cache metrics go; command, cog and task metrics go
   *     to the global sink
   * @return what happened
   * @throws Exception when the bot cannot start or stop, or pending work does not finish in time
   */
  public SessionReport run(BotConfig botConfig, Recorders recorders) throws Exception {
    try (ExampleBot bot = ExampleBot.start(botConfig, recorders)) {
      return drive(bot);
    }
  }

  /**
   * Runs the session on a running bot.
   *
   * @param bot the bot
   * @return what happened
   * @throws Exception when the warmup or pending work does not finish in time
   */
  public SessionReport drive(ExampleBot bot) throws Exception {
    return drive(bot, SessionListener.NONE);
  }

  /**
   * Runs the session on a running bot, until its last event or {@link #stop}.
   *
   * @param bot the bot
   * @param listener hears about each event
   * @return what happened
   * @throws Exception when the warmup or pending work does not finish in time
   */
  public SessionReport drive(ExampleBot bot, SessionListener listener) throws Exception {
    bot.awaitReady(config.timeout());
    for (Map.Entry<Long, String> guild : SessionScript.GUILD_PREFIXES.entrySet()) {
      bot.setPrefix(guild.getKey(), guild.getValue());
    }
    List<ScriptStep> script = SessionScript.write(config.seed(), config.inputs());
    Tally tally = new Tally();
    long start = tally.start;
    for (int index = 0; index < script.size() && !stopped; index++) {
      ScriptStep step = script.get(index);
      bot.failNextDatabaseConnections(step.databaseFailures());
      try {
        tally.count(bot.handle(step.event()));
      } finally {
        bot.clearDatabaseFailures();
      }
      listener.progress(tally.report(bot), script.size());
      // On schedule from the start, rather than a pause after each event, so that slow commands
      // do not stretch the session beyond its duration.
      if (!sleepUntil(start + (index + 1) * config.interval().toNanos())) {
        break;
      }
    }
    tally.sendingDone();
    bot.awaitIdle(config.timeout());
    return tally.report(bot);
  }

  /** Ends the session after the event being handled, as Ctrl-C does. Pending tasks still finish. */
  public void stop() {
    stopped = true;
  }

  /** Sleeps until {@code deadline} (a {@link System#nanoTime()} value); false when interrupted. */
  private boolean sleepUntil(long deadline) {
    long remaining;
    while (!stopped && (remaining = deadline - System.nanoTime()) > 0) {
      try {
        Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !stopped;
  }

  /** Counts what the events came to. Used by the session's thread only. */
  private static final class Tally {
    private int events;
    private int succeeded;
    private int failed;
    private int ignored;
    private final long start = System.nanoTime();
    private long sendingEnd;

    void sendingDone() {
      sendingEnd = System.nanoTime();
    }

    void count(Optional<Reply> reply) {
      events++;
      if (reply.isEmpty()) {
        ignored++;
      } else if (reply.get().success()) {
        succeeded++;
      } else {
        failed++;
      }
    }

    SessionReport report(ExampleBot bot) {
      long end = sendingEnd != 0 ? sendingEnd : System.nanoTime();
      return new SessionReport(
          events, succeeded, failed, ignored, bot.failedCogs(), Duration.ofNanos(end - start));
    }
  }
}
