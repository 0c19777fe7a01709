package dev.metered.example.cli;

import dev.metered.example.ExampleBot;
import dev.metered.example.Recorders;
import dev.metered.example.config.Settings;
import dev.metered.example.discord.DiscordGateway;
import dev.metered.example.services.Presence;
import dev.metered.example.services.StatusBoard;
import dev.metered.example.view.MetricsView;
import dev.metered.example.view.ProgressLine;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The main job with a Discord token: the bot connected through JDA, serving its commands as prefix,
 * slash and hybrid commands until Ctrl-C, with a progress line.
 */
final class DiscordRun {
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);

  private DiscordRun() {}

  /**
   * Connects, serves until the shutdown signal, and disconnects.
   *
   * @return a one-line summary
   */
  static String run(
      Settings settings,
      String token,
      MetricsView view,
      PrintStream out,
      ProgressLine progress,
      ShutdownSignal signal)
      throws Exception {
    // Connect first: a refused token should fail before the bot opens its database.
    try (DiscordGateway gateway = DiscordGateway.connect(token)) {
      StatusBoard status = new StatusBoard();
      Presence discordPresence = gateway.presence();
      Presence presence =
          line -> {
            status.show(line);
            discordPresence.show(line);
          };
      long start = System.nanoTime();
      Supplier<String> line =
          () ->
              String.format(
                  Locale.ROOT,
                  "%6.0f s  %d events  %d data points  status: %s",
                  (System.nanoTime() - start) / 1e9,
                  gateway.eventsSeen(),
                  view.dataPointCount(),
                  status.current());
      try {
        try (ExampleBot bot =
            ExampleBot.start(BotConfigs.discord(settings, token), Recorders.global(), presence)) {
          gateway.serve(bot::handle, bot.commands());
          out.println("Metered example bot: connected to Discord; Ctrl-C stops");
          while (!signal.awaitRequested(PROGRESS_INTERVAL)) {
            progress.update(line.get());
          }
        }
        // After the shutdown's own data points, so that the last line counts what the table does.
        progress.update(line.get());
      } finally {
        progress.finish();
      }
      return gateway.eventsSeen() + " Discord events handled";
    }
  }
}
