package dev.metered.example.config;

import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.MeteredOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bot's settings, parsed and checked: what {@link SettingsLoader} makes of the environment and
 * the properties file. See {@link Setting} for each one's meaning and default.
 *
 * @param discordToken the bot token; present means the bot connects to Discord
 * @param ownerIds users allowed to run owner commands
 * @param sentryDsn the Sentry DSN; present means data points also go to Sentry
 * @param sentryEnvironment Sentry's environment
 * @param sentryRelease Sentry's release
 * @param simulationDuration how long the simulation sends traffic
 * @param simulationRate gateway events per second in the simulation
 * @param simulationSeed the seed of the simulated traffic and faults
 * @param databaseUrl the JDBC URL
 * @param databaseUser the database user
 * @param databasePassword the database password
 * @param databaseMaxRetries retries after a transient database error
 * @param tldrBaseUrl where tldr pages come from; empty for the mode's default
 * @param apiTimeout how long one HTTP request may take
 * @param cleanupInterval the pause between cleanup runs
 * @param statusInterval the pause between status changes
 * @param wolframAppId the Wolfram|Alpha app id
 * @param delivery the delivery mode of every metric, or empty for the schema's
 * @param flushInterval how often aggregates are sent
 * @param eventsPerSecond the budget of data points a second sent one per call in auto mode
 */
public record Settings(
    Optional<String> discordToken,
    Set<Long> ownerIds,
    Optional<String> sentryDsn,
    String sentryEnvironment,
    String sentryRelease,
    Duration simulationDuration,
    double simulationRate,
    long simulationSeed,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    int databaseMaxRetries,
    Optional<URI> tldrBaseUrl,
    Duration apiTimeout,
    Duration cleanupInterval,
    Duration statusInterval,
    Optional<String> wolframAppId,
    Optional<DeliveryMode> delivery,
    Duration flushInterval,
    int eventsPerSecond) {

  /** Copies the owner ids. */
  public Settings {
    ownerIds = Set.copyOf(ownerIds);
  }

  /**
   * Parses every setting.
   *
   * @param values one value per setting, defaults included
   * @return the settings
   * @throws InvalidSettingException at the first value that cannot be used
   */
  static Settings parse(Map<Setting, SettingValue> values) throws InvalidSettingException {
    return new Settings(
        Values.optionalText(values.get(Setting.DISCORD_TOKEN)),
        Values.ids(values.get(Setting.BOT_OWNER_IDS)),
        Values.optionalDsn(values.get(Setting.SENTRY_DSN)),
        Values.text(values.get(Setting.SENTRY_ENVIRONMENT)),
        Values.text(values.get(Setting.SENTRY_RELEASE)),
        Values.duration(
            values.get(Setting.SIMULATION_DURATION), Duration.ofMillis(100), Duration.ofHours(24)),
        Values.positiveNumber(values.get(Setting.SIMULATION_RATE), 1000),
        Values.anyLong(values.get(Setting.SIMULATION_SEED)),
        Values.jdbcUrl(values.get(Setting.DATABASE_URL)),
        values.get(Setting.DATABASE_USER).text(),
        values.get(Setting.DATABASE_PASSWORD).text(),
        Values.integer(values.get(Setting.DATABASE_MAX_RETRIES), 0, 10),
        Values.optionalHttpUrl(values.get(Setting.TLDR_BASE_URL)),
        Values.duration(
            values.get(Setting.API_TIMEOUT), Duration.ofMillis(10), Duration.ofSeconds(60)),
        Values.duration(
            values.get(Setting.CLEANUP_INTERVAL), Duration.ofMillis(100), Duration.ofDays(1)),
        Values.duration(
            values.get(Setting.STATUS_INTERVAL), Duration.ofMillis(100), Duration.ofDays(1)),
        Values.optionalText(values.get(Setting.WOLFRAM_APP_ID)),
        Values.optionalDeliveryMode(values.get(Setting.METERED_DELIVERY)),
        Values.duration(
            values.get(Setting.METERED_FLUSH_INTERVAL), Duration.ofMillis(100), Duration.ofHours(1)),
        Values.integer(values.get(Setting.METERED_EVENTS_PER_SECOND), 1, 100_000));
  }

  /**
   * The runtime's options these settings ask for: Sentry as the exporter, with the delivery
   * overrides, flush interval and budget above.
   *
   * @return the options for {@code MeteredRuntime.configure}
   */
  public MeteredOptions meteredOptions() {
    MeteredOptions.Builder options = MeteredOptions.builder()
        .flushInterval(flushInterval)
        .eventsPerSecond(eventsPerSecond);
    delivery.ifPresent(options::deliveryForAll);
    return options.build();
  }

  /**
   * Whether the bot connects to Discord rather than running the simulation.
   *
   * @return {@code true} when a token is set
   */
  public boolean connectsToDiscord() {
    return discordToken.isPresent();
  }

  /** Leaves the secrets out, so that logging the settings never leaks one. */
  @Override
  public String toString() {
    return "Settings[discord="
        + (connectsToDiscord() ? "on" : "off")
        + ", sentry="
        + (sentryDsn.isPresent() ? "on" : "off")
        + ", simulation="
        + simulationDuration
        + " at "
        + simulationRate
        + "/s seed "
        + simulationSeed
        + ", database="
        + databaseUrl
        + "]";
  }
}
