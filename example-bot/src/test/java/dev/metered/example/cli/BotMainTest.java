package dev.metered.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.config.Setting;
import dev.metered.example.db.Database;
import dev.metered.runtime.MeteredRuntime;
import io.sentry.Sentry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(BotMain.OK);
    assertThat(err()).isEmpty();
    assertThat(out())
        .contains("offline simulation, 1h at 50 events/s, seed 42")
        .contains("cogs that failed to load: wolfram: WOLFRAM_APP_ID is not set")
        .contains("Sentry: off")
        .contains("bot.command.usage")
        .contains("  command=");
    assertThat(out().lines().filter(line -> line.endsWith("percentiles by nearest rank")))
        .hasSize(1);
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
