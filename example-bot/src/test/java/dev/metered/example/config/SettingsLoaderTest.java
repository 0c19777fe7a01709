package dev.metered.example.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.example.support.Durations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsLoaderTest {
  @TempDir Path directory;

  @Test
  void withNothingSetEverySettingHasItsDefault() throws Exception {
    Settings settings = SettingsLoader.load(Map.of(), directory);

    assertThat(settings.connectsToDiscord()).isFalse();
    assertThat(settings.sentryDsn()).isEmpty();
    assertThat(settings.simulationDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.simulationRate()).isEqualTo(10.0);
    assertThat(settings.simulationSeed()).isEqualTo(42);
    assertThat(settings.databaseUrl()).isEqualTo("jdbc:h2:./data/metered-bot");
    assertThat(settings.databaseMaxRetries()).isEqualTo(3);
    assertThat(settings.tldrBaseUrl()).isEmpty();
    assertThat(settings.apiTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.cleanupInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.ownerIds()).isEmpty();
    assertThat(settings.sentryEnvironment()).isEqualTo("example");
  }

  @Test
  void readsTheEnvironment() throws Exception {
    Settings settings =
        SettingsLoader.load(
            Map.of(
                "DISCORD_TOKEN", "token",
                "BOT_OWNER_IDS", "123, 456",
                "SENTRY_DSN", "https://key@o1.ingest.sentry.io/42",
                "SIMULATION_DURATION", "2m",
                "SIMULATION_RATE", "2.5",
                "TLDR_BASE_URL", "http://127.0.0.1:8080/tldr/",
                "WOLFRAM_APP_ID", "app"),
            directory);

    assertThat(settings.discordToken()).contains("token");
    assertThat(settings.ownerIds()).isEqualTo(Set.of(123L, 456L));
    assertThat(settings.sentryDsn()).contains("https://key@o1.ingest.sentry.io/42");
    assertThat(settings.simulationDuration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.simulationRate()).isEqualTo(2.5);
    // The trailing slash goes, so that paths can be appended.
    assertThat(settings.tldrBaseUrl()).contains(URI.create("http://127.0.0.1:8080/tldr"));
    assertThat(settings.wolframAppId()).contains("app");
  }

  @Test
  void readsTheDefaultFileAndTheEnvironmentWins() throws Exception {
    Files.writeString(
        directory.resolve("metered-bot.properties"),
        "# shared settings\nSIMULATION_RATE = 50\nSIMULATION_SEED=7\n");

    Settings settings = SettingsLoader.load(Map.of("SIMULATION_SEED", "9"), directory);

    assertThat(settings.simulationRate()).isEqualTo(50.0);
    assertThat(settings.simulationSeed()).isEqualTo(9);
  }

  @Test
  void readsTheFileBotConfigNames() throws Exception {
    Files.writeString(directory.resolve("bot.properties"), "DATABASE_URL=jdbc:h2:mem:x\n");

    Settings settings = SettingsLoader.load(Map.of("BOT_CONFIG", "bot.properties"), directory);

    assertThat(settings.databaseUrl()).isEqualTo("jdbc:h2:mem:x");
  }

  @Test
  void anEmptyOptionalSettingIsOff() throws Exception {
    Settings settings =
        SettingsLoader.load(Map.of("DISCORD_TOKEN", " ", "SENTRY_DSN", ""), directory);

    assertThat(settings.discordToken()).isEqualTo(Optional.empty());
    assertThat(settings.sentryDsn()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "SIMULATION_RATE|fast|SIMULATION_RATE='fast' (environment variable): expected a number"
            + " above 0 and at most 1000",
        "SIMULATION_RATE|0|SIMULATION_RATE='0' (environment variable): expected a number above 0"
            + " and at most 1000",
        "SIMULATION_RATE|NaN|SIMULATION_RATE='NaN' (environment variable): expected a number above"
            + " 0 and at most 1000",
        "SIMULATION_DURATION|30|SIMULATION_DURATION='30' (environment variable): expected a"
            + " duration from 100ms to 1d, written like 250ms, 10s, 5m, 2h or 1d",
        "SIMULATION_DURATION|2d|SIMULATION_DURATION='2d' (environment variable): expected a"
            + " duration from 100ms to 1d, written like 250ms, 10s, 5m, 2h or 1d",
        "SIMULATION_SEED|x|SIMULATION_SEED='x' (environment variable): expected a whole number",
        "DATABASE_URL|postgres://db|DATABASE_URL='postgres://db' (environment variable): expected a"
            + " JDBC URL, for example jdbc:h2:./data/metered-bot",
        "DATABASE_MAX_RETRIES|11|DATABASE_MAX_RETRIES='11' (environment variable): expected a whole"
            + " number from 0 to 10",
        "TLDR_BASE_URL|ftp://x|TLDR_BASE_URL='ftp://x' (environment variable): expected an http or"
            + " https URL, for example https://example.org/path",
        "API_TIMEOUT|5ms|API_TIMEOUT='5ms' (environment variable): expected a duration from 10ms to"
            + " 1m, written like 250ms, 10s, 5m, 2h or 1d",
        "BOT_OWNER_IDS|12,abc|BOT_OWNER_IDS='12,abc' (environment variable): expected Discord user"
            + " ids separated by commas, for example 1234,5678",
        "SENTRY_DSN|not a dsn|SENTRY_DSN (environment variable): expected a Sentry DSN like"
            + " https://PUBLIC_KEY@HOST/PROJECT_ID",
        "SENTRY_ENVIRONMENT|' '|SENTRY_ENVIRONMENT='' (environment variable): must not be empty",
      })
  void aBadValueIsOneLineNamingTheSettingItsSourceAndWhatIsExpected(
      String name, String value, String message) {
    assertThatThrownBy(() -> SettingsLoader.load(Map.of(name, value), directory))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(message)
        .hasNoCause();
  }

  /**
   * The range a setting's description (the README's and --help's) states is the range its error
   * message states, which is what the parser accepts.
   */
  @ParameterizedTest
  @CsvSource({
    "SIMULATION_DURATION",
    "API_TIMEOUT",
    "CLEANUP_INTERVAL",
    "STATUS_INTERVAL",
    "METERED_FLUSH_INTERVAL",
    "DATABASE_MAX_RETRIES",
    "METERED_EVENTS_PER_SECOND"
  })
  void theDocumentedRangeIsTheRangeTheErrorStates(String name) {
    String message =
        assertThatThrownBy(() -> SettingsLoader.load(Map.of(name, "x"), directory))
            .isInstanceOf(InvalidSettingException.class)
            .actual()
            .getMessage();
    Matcher range =
        Pattern.compile("from (\\S+) to ([^,]+)").matcher(message);
    assertThat(range.find()).as(message).isTrue();

    assertThat(Setting.valueOf(name).description())
        .contains(range.group(1) + " to " + range.group(2));
  }

  @ParameterizedTest
  @CsvSource({"100ms, true", "99ms, false", "1d, true", "24h, true", "86400001ms, false"})
  void theSimulationRunsFrom100msToOneDay(String duration, boolean accepted) {
    Map<String, String> environment = Map.of("SIMULATION_DURATION", duration);
    if (accepted) {
      assertThat(loadQuietly(environment).simulationDuration()).isEqualTo(Durations.parse(duration));
    } else {
      assertThatThrownBy(() -> SettingsLoader.load(environment, directory))
          .hasMessageContaining("expected a duration from 100ms to 1d");
    }
  }

  private Settings loadQuietly(Map<String, String> environment) {
    try {
      return SettingsLoader.load(environment, directory);
    } catch (InvalidSettingException invalid) {
      throw new AssertionError(invalid.getMessage(), invalid);
    }
  }

  @Test
  void aSecretIsNeverRepeatedInAMessage() {
    assertThatThrownBy(
            () -> SettingsLoader.load(Map.of("SENTRY_DSN", "https://s3cr3t@host"), directory))
        .isInstanceOf(InvalidSettingException.class)
        .message()
        .doesNotContain("s3cr3t");
  }

  @Test
  void aBadValueInTheFileNamesTheFile() throws Exception {
    Files.writeString(directory.resolve("metered-bot.properties"), "API_TIMEOUT=soon\n");

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), directory))
        .hasMessageStartingWith("API_TIMEOUT='soon' (metered-bot.properties): expected a duration");
  }

  @Test
  void anUnknownKeyInTheFileIsAnErrorNotIgnored() throws Exception {
    Files.writeString(directory.resolve("metered-bot.properties"), "SIMULATION_RAT=5\n");

    assertThatThrownBy(() -> SettingsLoader.load(Map.of(), directory))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith("metered-bot.properties: unknown setting 'SIMULATION_RAT'; known");
  }

  @Test
  void aNamedFileThatIsMissingIsAnError() {
    assertThatThrownBy(
            () -> SettingsLoader.load(Map.of("BOT_CONFIG", "nope.properties"), directory))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageStartingWith(
            "BOT_CONFIG='nope.properties' (environment variable): no such file");
  }

  @Test
  void theSettingsNeverPrintTheirSecrets() throws Exception {
    Settings settings =
        SettingsLoader.load(
            Map.of(
                "DISCORD_TOKEN", "t0ken", "DATABASE_PASSWORD", "pa55", "WOLFRAM_APP_ID", "app1d"),
            directory);

    assertThat(settings.toString()).doesNotContain("t0ken", "pa55", "app1d");
  }
}
