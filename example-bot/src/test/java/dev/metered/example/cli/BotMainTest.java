package dev.metered.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.config.Setting;
import dev.metered.example.db.Database;
import dev.metered.example.db.H2TraceFiles;
import dev.metered.runtime.MeteredRuntime;
import io.sentry.Sentry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line failures, Ctrl-C. */
class BotMainTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  @TempDir Path directory;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ShutdownSignal signal = ShutdownSignal.manual();

  @AfterEach
  void leaveTheRuntimeAsFound() {
    assertThat(MeteredRuntime.globalSink().toString()).endsWith(MeteredRuntime.defaultSink().toString());
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void aBadSettingExitsWith2AndOneLineWithoutAStackTrace() {
    int code = run(Map.of("SIMULATION_RATE", "fast"));

    assertThat(code).isEqualTo(BotMain.USAGE);
    assertThat(err())
        .isEqualTo(
            "metered-example-bot: SIMULATION_RATE='fast' (environment variable):"
                + " expected a number above 0 and at most 1000"
                + System.lineSeparator());
    assertThat(out()).isEmpty();
  }

  @Test
  void anUnknownArgumentExitsWith2() {
    int code =
        BotMain.run(
            new String[] {"--fast"}, Map.of(), directory, print(out), print(err), false, signal);

    assertThat(code).isEqualTo(BotMain.USAGE);
    assertThat(err())
        .isEqualTo(
            "metered-example-bot: unknown argument '--fast'; see --help" + System.lineSeparator());
  }

  @Test
  void helpListsEverySettingWithItsDefault() {
    int code =
        BotMain.run(
            new String[] {"--help"}, Map.of(), directory, print(out), print(err), false, signal);

    assertThat(code).isEqualTo(BotMain.OK);
    for (Setting setting : Setting.values()) {
      assertThat(out()).contains("  " + setting.name());
    }
    assertThat(out()).contains("SIMULATION_DURATION (default 30s)");
    assertThat(out()).contains("130 stopped by Ctrl-C");
  }

  @Test
  void aDatabaseThatCannotBeOpenedExitsWith1AndOneLine() {
    int code = run(Map.of("DATABASE_URL", "jdbc:nosuchdb://nowhere/bot"));

    assertThat(code).isEqualTo(BotMain.FAILED);
    assertThat(err().lines())
        .singleElement()
        .asString()
        .startsWith("metered-example-bot: SQLException: No suitable driver");
    assertThat(err()).doesNotContain("\tat ");
  }

  @Test
  void ctrlCEndsAnHourLongSimulationEarlyShutsDownAndPrintsTheTable() throws Exception {
    Map<String, String> environment = simulation("1h", "50");
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> run(environment));

    // The first progress line is printed at once: the simulation is running.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!out().contains(" events ") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(out()).contains(" events ");
    signal.request();

    assertThat(running.get(30, TimeUnit.SECONDS))
        .as("the documented exit code of Ctrl-C")
        .isEqualTo(BotMain.INTERRUPTED)
        .isEqualTo(130);
    assertThat(err()).isEmpty();
    assertThat(out())
        .contains("offline simulation, 1h at 50 events/s, seed 42")
        .contains("cogs that failed to load: wolfram: WOLFRAM_APP_ID is not set")
        .contains("Sentry: off")
        .containsPattern("Rate: requested 50 events/s, achieved [0-9.]+ events/s")
        .contains("bot.command.usage")
        .contains("  command=");
    assertThat(out().lines().filter(line -> line.endsWith("percentiles by nearest rank")))
        .hasSize(1);
  }

  /**
   * The last progress line is printed after the bot's shutdown, whose cog unloads and last task
   * runs are data points too, so it counts what the table's footer counts.
   */
  @Test
  void theLastProgressLineCountsTheDataPointsTheFooterCounts() {
    int code = run(simulation("500ms", "20"));

    assertThat(code).as(err()).isEqualTo(BotMain.OK);
    Matcher progress =
        Pattern.compile(" events .* (\\d+) data points").matcher(lastLineStartingWith("["));
    Matcher footer =
        Pattern.compile("metrics, (\\d+) data points").matcher(lastLineStartingWith("21 metrics"));
    assertThat(progress.find()).as(out()).isTrue();
    assertThat(footer.find()).as(out()).isTrue();
    assertThat(progress.group(1)).isEqualTo(footer.group(1));
  }

  /** A run on an H2 file database closes it once: no trace file holds a second close's failure. */
  @Test
  void aRunLeavesNoDatabaseAlreadyClosedInTheH2TraceFile() throws Exception {
    Map<String, String> environment = simulation("500ms", "20");
    environment.put("DATABASE_URL", "jdbc:h2:" + directory.resolve("data/metered-bot"));

    assertThat(run(environment)).as(err()).isEqualTo(BotMain.OK);
    assertThat(directory.resolve("data/metered-bot.mv.db")).exists();
    assertThat(H2TraceFiles.text(directory)).doesNotContain("Database is already closed");
  }

  @Test
  void aSettingsFileNamedExplicitlyThatIsMissingExitsWith2() {
    int code = run(Map.of("BOT_CONFIG", "missing.properties"));

    assertThat(code).isEqualTo(BotMain.USAGE);
    assertThat(err()).startsWith("metered-example-bot: BOT_CONFIG='missing.properties'");
  }

  @Test
  void theDefaultSettingsFileIsReadWhenItExistsAndSkippedWhenNot() throws Exception {
    Files.writeString(directory.resolve("metered-bot.properties"), "SIMULATION_RATE=fast\n");
    assertThat(run(Map.of())).as("read when it exists").isEqualTo(BotMain.USAGE);
    assertThat(err()).contains("(metered-bot.properties)");

    Files.delete(directory.resolve("metered-bot.properties"));
    assertThat(run(simulation("100ms", "10"))).as("skipped when it does not").isEqualTo(BotMain.OK);
  }

  private String lastLineStartingWith(String text) {
    return out().lines().filter(line -> line.startsWith(text)).reduce((a, b) -> b).orElse("");
  }

  /** A short simulation on a private in-memory database, with tasks often enough to run. */
  private static Map<String, String> simulation(String duration, String rate) {
    Map<String, String> environment = new HashMap<>();
    environment.put("SIMULATION_DURATION", duration);
    environment.put("SIMULATION_RATE", rate);
    environment.put("DATABASE_URL", Database.inMemoryUrl("cli-" + DATABASES.incrementAndGet()));
    environment.put("CLEANUP_INTERVAL", "200ms");
    environment.put("STATUS_INTERVAL", "200ms");
    return environment;
  }

  private int run(Map<String, String> environment) {
    return BotMain.run(
        new String[0], environment, directory, print(out), print(err), false, signal);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
