package dev.metered.example.config;

/**
 * Every setting of the bot: its name, its default and what it does. The same name works as an
 * environment variable and as a key in the properties file; example-bot/README.md documents each
 * one, and a test keeps the two in step.
 */
public enum Setting {
  /** The properties file. Read from the environment only: it names the file. */
  BOT_CONFIG(
      "metered-bot.properties",
      "Properties file with any of these settings; read when it exists. Set explicitly to a file "
          + "that does not exist: an error (exit code 2).",
      false),
  /** The Discord bot token; its presence chooses the mode. */
  DISCORD_TOKEN(
      "", "Discord bot token. Set: connect to Discord. Unset: run the offline simulation.", true),
  /** Discord user ids that may run owner commands. */
  BOT_OWNER_IDS("", "Comma-separated Discord user ids allowed to run `reload <cog>`.", false),
  /** Where metrics go besides the local view. */
  SENTRY_DSN("", "Sentry DSN. Set: every data point also goes to Sentry.", true),
  /** Sentry's environment tag. */
  SENTRY_ENVIRONMENT("example", "Sentry environment of the data points.", false),
  /** Sentry's release tag. */
  SENTRY_RELEASE("metered-example-bot@dev", "Sentry release of the data points.", false),
  /** How long the simulation runs. */
  SIMULATION_DURATION(
      "30s",
      "How long the simulation sends traffic, 100ms to 1d: `500ms`, `30s`, `5m`, `1h`.",
      false),
  /** How fast the simulation sends events. */
  SIMULATION_RATE(
      "10", "Gateway events per second in the simulation, above 0 and at most 1000.", false),
  /** What the simulation's traffic and faults are drawn from. */
  SIMULATION_SEED(
      "42",
      "Seed of the simulated traffic and faults; the same seed sends the same events.",
      false),
  /** The database. */
  DATABASE_URL(
      "jdbc:h2:./data/metered-bot",
      "JDBC URL; the default is an H2 file under the working directory. PostgreSQL: "
          + "`jdbc:postgresql://host/db`.",
      false),
  /** The database user. */
  DATABASE_USER("bot", "Database user.", false),
  /** The database password. */
  DATABASE_PASSWORD("", "Database password.", true),
  /** How often a transient database error is retried. */
  DATABASE_MAX_RETRIES(
      "3",
      "Retries of a database operation after a transient error, 0 to 10; backoff 5 ms, "
          + "doubling.",
      false),
  /** Where tldr pages come from. */
  TLDR_BASE_URL(
      "",
      "Base URL of tldr-pages. Unset: the local stub in the simulation, "
          + "`https://raw.githubusercontent.com/tldr-pages/tldr/main` with Discord.",
      false),
  /** How long one HTTP request may take. */
  API_TIMEOUT("2s", "Timeout of one HTTP request to an API, 10ms to 1m.", false),
  /** The pause between cleanup runs. */
  CLEANUP_INTERVAL("10s", "Pause between two runs of the cleanup task, 100ms to 1d.", false),
  /** The pause between status changes. */
  STATUS_INTERVAL(
      "10s", "Pause between two runs of the status rotation task, 100ms to 1d.", false),
  /** The delivery mode of every metric, overriding the schema's. */
  METERED_DELIVERY(
      "",
      "Delivery mode of every metric: `event`, `aggregate` or `auto`. Unset: each metric's mode "
          + "from the schema (`auto` unless it says otherwise).",
      false),
  /** How often aggregates are sent. */
  METERED_FLUSH_INTERVAL(
      "10s", "How often aggregated counters and gauges are sent, 100ms to 1h.", false),
  /** The budget of data points a second sent one per call. */
  METERED_EVENTS_PER_SECOND(
      "1000",
      "Data points a second sent one per call in `auto` mode before counters are aggregated "
          + "and distributions sampled, 1 to 100000.",
      false),
  /** Wolfram|Alpha's app id. */
  WOLFRAM_APP_ID(
      "",
      "Wolfram|Alpha app id. Unset: the wolfram cog fails to load, which is recorded, "
          + "and the bot runs on.",
      true);

  private final String defaultValue;
  private final String description;
  private final boolean secret;

  Setting(String defaultValue, String description, boolean secret) {
    this.defaultValue = defaultValue;
    this.description = description;
    this.secret = secret;
  }

  /**
   * The value used when neither the environment nor the file sets one.
   *
   * @return the default; empty for settings that are off unless set
   */
  public String defaultValue() {
    return defaultValue;
  }

  /**
   * What the setting does, one sentence or two, in Markdown.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * Whether the value is a credential, which messages never repeat.
   *
   * @return {@code true} for tokens, passwords, DSNs and keys
   */
  public boolean isSecret() {
    return secret;
  }
}
