package dev.metered.example.cli;

import dev.metered.example.ExampleBot;
import dev.metered.example.Recorders;
import dev.metered.example.config.Settings;
import dev.metered.example.services.StatusBoard;
import dev.metered.example.session.ScriptedSession;
import dev.metered.example.session.SessionConfig;
import dev.metered.example.session.SessionReport;
import dev.metered.example.support.Durations;
import dev.metered.example.view.MetricsView;
import dev.metered.example.view.ProgressLine;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * The main job without a Discord token: the bot, with every service on the local stub, driven by
 * the simulated traffic for the configured duration and rate, with a progress line.
 */
final class SimulationRun {
  /** How long to wait for the startup warmup, and at the end for reminders still pending. */
  private static final Duration PENDING_TIMEOUT = Duration.ofSeconds(30);

  private static final int BAR_WIDTH = 20;

  /** Achieved at least this share of the requested rate, the simulation kept up with it. */
  private static final double KEEPS_UP = 0.95;

  private SimulationRun() {}

  /**
   * Runs the simulation until its end or the shutdown signal; the bot is shut down when this
   * returns.
   *
   * @return the session's one-line summary
   */
  static String run(
      Settings settings,
      MetricsView view,
      PrintStream out,
      ProgressLine progress,
      ShutdownSignal signal)
      throws Exception {
    SessionConfig config =
        SessionConfig.timed(
            settings.simulationSeed(),
            settings.simulationDuration(),
            settings.simulationRate(),
            PENDING_TIMEOUT);
    ScriptedSession session = new ScriptedSession(config);
    signal.onRequest(session::stop);
    out.printf(
        Locale.ROOT,
        "Metered example bot: offline simulation, %s at %s events/s, seed %d"
            + " (Ctrl-C stops early)%n",
        Durations.format(settings.simulationDuration()),
        rate(settings.simulationRate()),
        settings.simulationSeed());
    StatusBoard status = new StatusBoard();
    SessionReport report;
    long start = System.nanoTime();
    try {
      try (ExampleBot bot =
          ExampleBot.start(BotConfigs.simulation(settings), Recorders.global(), status)) {
        report =
            session.drive(
                bot,
                (soFar, total) ->
                    progress.update(line(soFar, total, start, view, status.current())));
      }
      // Shutting down records data points too (the cogs' unloads, the tasks' last runs): one more
      // line after it, so that the last progress line counts what the table's footer counts.
      progress.update(line(report, config.inputs(), start, view, status.current()));
    } finally {
      progress.finish();
    }
    return report.describe()
        + System.lineSeparator()
        + rateLine(settings.simulationRate(), report);
  }

  /**
   * Requested against achieved: the session sends one event at a time and waits for its reply, so
   * when handling is slower than the schedule, the rate falls short and the run takes longer.
   */
  static String rateLine(double requested, SessionReport report) {
    double achieved = report.achievedRate();
    String line =
        String.format(
            Locale.ROOT,
            "Rate: requested %s events/s, achieved %.1f events/s (%d events in %.1f s)",
            rate(requested),
            achieved,
            report.events(),
            report.sending().toNanos() / 1e9);
    return achieved < requested * KEEPS_UP
        ? line
            + "; the bot handles one event at a time and could not keep up: handling took longer"
            + " than the "
            + Durations.format(Duration.ofNanos((long) (1e9 / requested)))
            + " the schedule gives each event"
        : line;
  }

  private static String rate(double rate) {
    return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
  }

  private static String line(
      SessionReport soFar, int total, long start, MetricsView view, String status) {
    int filled = (int) ((long) soFar.events() * BAR_WIDTH / total);
    return String.format(
        Locale.ROOT,
        "[%s%s] %5.1f s  %d/%d events  %d ok  %d failed  %d ignored  %d data points%s",
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        (System.nanoTime() - start) / 1e9,
        soFar.events(),
        total,
        soFar.succeeded(),
        soFar.failed(),
        soFar.ignored(),
        view.dataPointCount(),
        status.isEmpty() ? "" : "  status: " + status);
  }
}
