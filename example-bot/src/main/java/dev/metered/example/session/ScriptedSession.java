package dev.metered.example.session;

import dev.metered.example.BotConfig;
import dev.metered.example.ExampleBot;
import dev.metered.example.Recorders;
import dev.metered.example.commands.Reply;
import dev.metered.example.metrics.CogMetrics;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives the bot through a scripted session that exercises every metric family: startup (cogs,
 * cache warmup), guild setup, the scripted gateway traffic with a cog reload halfway, the reminders
 * and cleanups it leaves behind, and shutdown.
 *
 * <p>Given the same seed, a session records the same data points (counts, sums of counters,
 * attribute values) on every run; only the measured durations differ.
 */
public final class ScriptedSession {
  private final SessionConfig config;

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
   * @param recorders where the database, API and cache metrics go; command, cog and task metrics
   *     go to the global sink
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
    bot.awaitReady(config.timeout());
    for (Map.Entry<Long, String> guild : SessionScript.GUILD_PREFIXES.entrySet()) {
      bot.setPrefix(guild.getKey(), guild.getValue());
    }
    List<ScriptStep> script = SessionScript.write(config.seed(), config.inputs());
    int succeeded = 0;
    int failed = 0;
    int ignored = 0;
    for (int index = 0; index < script.size(); index++) {
      if (index == script.size() / 2) {
        // An owner reloads a cog mid-session, as after deploying a fix to it.
        bot.reloadCog(CogMetrics.Cog.TLDR);
      }
      ScriptStep step = script.get(index);
      Optional<Reply> reply;
      bot.failNextDatabaseConnections(step.databaseFailures());
      try {
        reply = bot.handle(step.event());
      } finally {
        bot.clearDatabaseFailures();
      }
      if (reply.isEmpty()) {
        ignored++;
      } else if (reply.get().success()) {
        succeeded++;
      } else {
        failed++;
      }
      Thread.sleep(config.pause().toMillis());
    }
    bot.awaitIdle(config.timeout());
    return new SessionReport(script.size(), succeeded, failed, ignored, bot.failedCogs());
  }
}
