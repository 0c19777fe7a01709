package dev.metered.example;

import dev.metered.example.session.ScriptedSession;
import dev.metered.example.session.SessionConfig;
import dev.metered.example.session.SessionReport;
import dev.metered.example.view.MetricsTable;
import dev.metered.example.view.MetricsView;
import dev.metered.runtime.MeteredRuntime;
import io.sentry.Sentry;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Runs the example bot through a scripted session and prints what it recorded.
 *
 * <pre>
 * java -jar example-bot/target/metered-example-bot.jar [seed]
 * </pre>
 *
 * <p>No Sentry account is needed: a {@link MetricsView} installed as the global sink keeps every
 * data point the generated recorders produce, and the table at the end is computed from those. With
 * the environment variable {@code SENTRY_DSN} set, the SDK is initialised and the view forwards
 * every data point to Sentry as well; the SDK is closed (and so flushed) before exit.
 */
public final class BotMain {
  /** The seed when none is given, so that the printed counts are the same on every run. */
  static final long DEFAULT_SEED = 42;

  private BotMain() {}

  /**
   * Runs the session.
   *
   * @param args optionally, the session's seed
   * @throws Exception when the bot fails to start or to finish its session
   */
  public static void main(String[] args) throws Exception {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_SEED;
    run(seed, System.getenv("SENTRY_DSN"), System.out);
  }

  /**
   * Runs the demo session and prints its report and table.
   *
   * @param seed the session's seed
   * @param dsn the Sentry DSN, or {@code null} or blank to keep metrics local
   * @param out where to print
   * @throws Exception when the bot fails to start or to finish its session
   */
  static void run(long seed, String dsn, PrintStream out) throws Exception {
    boolean toSentry = dsn != null && !dsn.isBlank();
    if (toSentry) {
      initSentry(dsn.trim());
    }
    // The view sees every call; the default sink then delivers it to Sentry (one point per call
    // within its budget, summed or sampled beyond it).
    MetricsView view = new MetricsView(MeteredRuntime.defaultSink());
    MeteredRuntime.setGlobalSink(view);
    SessionReport report;
    long start = System.nanoTime();
    try {
      report =
          new ScriptedSession(SessionConfig.demo(seed))
              .run(BotConfig.demo(seed), Recorders.global());
    } finally {
      MeteredRuntime.resetGlobalSink();
      if (toSentry) {
        // Sends the last aggregates (the default sink hooks into Sentry's close) and what is still
        // batched, within the SDK's flush timeout.
        Sentry.close();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    out.printf(
        Locale.ROOT, "Metered example bot: scripted session, seed %d, %.1f s%n", seed, seconds);
    out.println(report.describe());
    out.println(
        toSentry
            ? "Sentry: on; every data point below was also handed to the Sentry SDK"
            : "Sentry: off (set SENTRY_DSN to send these data points to Sentry as well)");
    out.println();
    out.print(MetricsTable.render(view.summaries()));
    out.printf(
        Locale.ROOT,
        "%d metrics, %d data points; durations in milliseconds%n",
        view.summaries().size(),
        view.dataPointCount());
  }

  private static void initSentry(String dsn) {
    Sentry.init(
        options -> {
          options.setDsn(dsn);
          options.setEnvironment(envOr("SENTRY_ENVIRONMENT", "example"));
          options.setRelease("metered-example-bot@" + envOr("SENTRY_RELEASE", "dev"));
        });
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
