package dev.metered.example.cli;

import de.thetaphi.forbiddenapis.SuppressForbidden;
import dev.metered.example.config.InvalidSettingException;
import dev.metered.example.config.Settings;
import dev.metered.example.config.SettingsLoader;
import dev.metered.runtime.ErrorTypes;
import dev.metered.example.view.MetricSummary;
import dev.metered.example.view.MetricsTable;
import dev.metered.example.view.MetricsView;
import dev.metered.example.view.ProgressLine;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.DeliveryStats;
import dev.metered.runtime.MeteredRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts the example bot.
 *
 * <pre>
 * java -jar example-bot/target/metered-example-bot.jar [--help]
 * </pre>
 *
 * <p>With {@code DISCORD_TOKEN} set it connects to Discord; without, it runs the offline
 * simulation. Either way a {@link MetricsView} installed as the global sink keeps every data point
 * the generated recorders produce and hands each to the sink installed before it (Sentry's, which
 * sends only while {@code SENTRY_DSN} has initialised the SDK); the table at the end is computed
 * from those data points. Ctrl-C shuts the bot down in order, flushes Sentry and prints the table.
 *
 * <p>Exit codes: 0 done, 1 the bot failed to start or run, 2 a bad setting or argument, 130 stopped
 * by Ctrl-C (the JVM's code for SIGINT, 128 + 2; SIGTERM gives 143) after an orderly shutdown.
 * Failures are one line on standard error, never a stack trace.
 */
public final class BotMain {
  /** The bot ran and shut down. */
  public static final int OK = 0;

  /** The bot could not start, or failed while running. */
  static final int FAILED = 1;

  /** A setting or argument is bad. */
  static final int USAGE = 2;

  /**
   * Stopped by Ctrl-C, after an orderly shutdown: what the JVM exits with on SIGINT (128 + 2),
   * which {@link #main} leaves to the JVM, as it is shutting down already.
   */
  static final int INTERRUPTED = 130;

  private static final String NAME = "metered-example-bot";

  /** Long enough for the bot to shut down and Sentry to flush after Ctrl-C. */
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);

  /** Without a terminal, a progress line every so often rather than a line rewritten in place. */
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

  private BotMain() {}

  /**
   * Runs the bot and exits with its exit code.
   *
   * @param args {@code --help}, or nothing
   */
  // A command-line program: the console is its user interface, and only main reaches it.
  @SuppressForbidden
  public static void main(String[] args) {
    ShutdownSignal signal = ShutdownSignal.onJvmShutdown(SHUTDOWN_GRACE);
    int code =
        run(
            args,
            System.getenv(),
            Path.of("").toAbsolutePath(),
            System.out,
            System.err,
            System.console() != null,
            signal);
    // After Ctrl-C the JVM is shutting down already, and exit would block until it has.
    if (!signal.isRequested()) {
      // Exit explicitly: JDA's threads would otherwise keep the JVM alive.
      System.exit(code);
    }
  }

  /**
   * Runs the bot.
   *
   * @param args the command line
   * @param environment the environment variables
   * @param workingDirectory where a relative settings file is found
   * @param out where the progress line, the summary and the table go
   * @param err where failures go
   * @param terminal whether {@code out} is a terminal
   * @param signal raised to stop the bot early
   * @return the exit code
   */
  public static int run(
      String[] args,
      Map<String, String> environment,
      Path workingDirectory,
      PrintStream out,
      PrintStream err,
      boolean terminal,
      ShutdownSignal signal) {
    try {
      if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
        out.print(HelpText.render());
        return OK;
      }
      if (args.length > 0) {
        err.println(NAME + ": unknown argument '" + args[0] + "'; see --help");
        return USAGE;
      }
      Settings settings;
      try {
        settings = SettingsLoader.load(environment, workingDirectory);
      } catch (InvalidSettingException invalid) {
        err.println(NAME + ": " + invalid.getMessage());
        return USAGE;
      }
      return runBot(settings, out, err, terminal, signal);
    } finally {
      signal.finished();
    }
  }

  private static int runBot(
      Settings settings,
      PrintStream out,
      PrintStream err,
      boolean terminal,
      ShutdownSignal signal) {
    settings.sentryDsn().ifPresent(dsn -> SentryConnection.open(settings, dsn));
    // A fresh delivery sink per run, configured by the settings: its statistics are this run's.
    DeliverySink delivery = MeteredRuntime.configure(settings.meteredOptions());
    MetricsView view = new MetricsView(delivery);
    MeteredRuntime.setGlobalSink(view);
    ProgressLine progress = new ProgressLine(out, terminal, LOG_INTERVAL, System::nanoTime);
    long start = System.nanoTime();
    int code = OK;
    String summary = null;
    try {
      summary =
          settings.discordToken().isPresent()
              ? DiscordRun.run(settings, settings.discordToken().get(), view, out, progress, signal)
              : SimulationRun.run(settings, view, out, progress, signal);
      if (signal.isRequested()) {
        code = INTERRUPTED;
      }
    } catch (Exception | LinkageError failure) {
      err.println(NAME + ": " + describe(failure));
      code = FAILED;
    } finally {
      MeteredRuntime.resetGlobalSink();
      // Sends the last aggregates, flushes the SDK and logs anything sampled away or dropped.
      delivery.close();
      if (settings.sentryDsn().isPresent()) {
        // After the bot's shutdown, so that its last data points (cog unloads) are sent too.
        SentryConnection.flushAndClose();
      }
    }
    Duration run = Duration.ofNanos(System.nanoTime() - start);
    printReport(settings, view, delivery.stats(), summary, run, out);
    return code;
  }

  private static void printReport(
      Settings settings,
      MetricsView view,
      DeliveryStats delivery,
      String summary,
      Duration run,
      PrintStream out) {
    if (summary != null) {
      out.println(summary);
    }
    out.println(
        settings.sentryDsn().isPresent()
            ? "Sentry: " + delivery.sentPoints() + " data points handed to the Sentry SDK ("
                + delivery.eventPoints() + " one per call, " + delivery.aggregatedPoints()
                + " from aggregates; " + delivery.sampledAway() + " sampled away, "
                + delivery.dropped() + " dropped)"
            : "Sentry: off (set SENTRY_DSN to send these data points to Sentry as well)");
    List<MetricSummary> summaries = view.summaries();
    if (summaries.isEmpty()) {
      return;
    }
    out.println();
    out.print(MetricsTable.render(summaries, run));
    long metrics = summaries.stream().filter(MetricSummary::isWhole).count();
    out.printf(
        Locale.ROOT,
        "%d metrics, %d data points; rate per second over the %.1f s run; durations in"
            + " milliseconds; percentiles by nearest rank%n",
        metrics,
        view.dataPointCount(),
        run.toNanos() / 1e9);
  }

  /** One line: the failure's own message, and its causes' where they add something. */
  private static String describe(Throwable failure) {
    StringBuilder line = new StringBuilder(ErrorTypes.of(failure));
    if (failure.getMessage() != null) {
      line.append(": ").append(failure.getMessage());
    }
    Throwable cause = failure.getCause();
    if (cause != null
        && cause.getMessage() != null
        && (failure.getMessage() == null || !failure.getMessage().contains(cause.getMessage()))) {
      line.append(" (").append(cause.getMessage()).append(')');
    }
    return line.toString().replace('\n', ' ');
  }
}
