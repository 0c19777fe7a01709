package dev.metered.example;

import dev.metered.example.api.ServiceEndpoints;
import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.api.stub.Latency;
import dev.metered.example.db.DatabaseConfig;
import dev.metered.example.db.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the bot is set up. Build one with {@link #builder()}, or start from {@link #demo}.
 *
 * @param tldrFaults which requests the stub tldr service fails, and how
 * @param stubStall how long a stalled stub answer takes; longer than {@code apiTimeout}
 * @param stubLatency how long the stub takes to answer
 * @param apiTimeout how long one HTTP request may take
 * @param databaseRetry how database operations are retried
 * @param database which database to open
 * @param endpoints where the services are; empty ones are served by the stub
 * @param cleanupPeriod the pause between two cleanup runs
 * @param cleanupRuns how many cleanup runs at most; {@code 0} runs it until shutdown, a fixed
 *     number lets a scripted session record the same runs every time
 * @param statusPeriod the pause between two status rotations
 * @param statusRuns how many status rotations at most; {@code 0} until shutdown
 * @param warmupPages the tldr pages fetched into the cache at startup
 * @param wolframAppId the Wolfram|Alpha app id; without one the wolfram cog does not load
 * @param ownerIds the users who may run owner commands
 */
public record BotConfig(
    FaultPlan tldrFaults,
    Duration stubStall,
    Latency stubLatency,
    Duration apiTimeout,
    RetryPolicy databaseRetry,
    DatabaseConfig database,
    ServiceEndpoints endpoints,
    Duration cleanupPeriod,
    int cleanupRuns,
    Duration statusPeriod,
    int statusRuns,
    List<String> warmupPages,
    Optional<String> wolframAppId,
    Set<Long> ownerIds) {

  /** Checks the values and copies the collections. */
  public BotConfig {
    Objects.requireNonNull(tldrFaults, "tldrFaults");
    Objects.requireNonNull(stubStall, "stubStall");
    Objects.requireNonNull(stubLatency, "stubLatency");
    Objects.requireNonNull(apiTimeout, "apiTimeout");
    Objects.requireNonNull(databaseRetry, "databaseRetry");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(endpoints, "endpoints");
    Objects.requireNonNull(cleanupPeriod, "cleanupPeriod");
    Objects.requireNonNull(statusPeriod, "statusPeriod");
    warmupPages = List.copyOf(warmupPages);
    Objects.requireNonNull(wolframAppId, "wolframAppId");
    ownerIds = Set.copyOf(ownerIds);
    if (cleanupRuns < 0 || statusRuns < 0) {
      throw new IllegalArgumentException(
          "run limits must be >= 0: " + cleanupRuns + ", " + statusRuns);
    }
  }

  /**
   * The demo's setup: a private in-memory database, every service on the stub with seeded faults
   * and no latency, a 500 ms API timeout, cleanup every 250 ms for ten runs, status rotation every
   * 100 ms for five, three pages warmed up, no Wolfram app id, user 1 the owner.
   *
   * @param seed the seed of the tldr faults
   * @return the configuration
   */
  public static BotConfig demo(long seed) {
    return builder().tldrFaults(FaultPlan.seeded(seed)).build();
  }

  /**
   * A builder with the {@linkplain #demo demo}'s values, less the faults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this configuration's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.tldrFaults = tldrFaults;
    builder.stubStall = stubStall;
    builder.stubLatency = stubLatency;
    builder.apiTimeout = apiTimeout;
    builder.databaseRetry = databaseRetry;
    builder.database = database;
    builder.endpoints = endpoints;
    builder.cleanupPeriod = cleanupPeriod;
    builder.cleanupRuns = cleanupRuns;
    builder.statusPeriod = statusPeriod;
    builder.statusRuns = statusRuns;
    builder.warmupPages = warmupPages;
    builder.wolframAppId = wolframAppId;
    builder.ownerIds = ownerIds;
    return builder;
  }

  /**
   * This configuration with another cleanup schedule.
   *
   * @param period the pause between runs
   * @param runs how many runs, {@code 0} for no limit
   * @return the new configuration
   */
  public BotConfig withCleanup(Duration period, int runs) {
    return toBuilder().cleanup(period, runs).build();
  }

  /**
   * This configuration with other API timings.
   *
   * @param timeout the client's timeout
   * @param stall how long a stalled stub answer takes
   * @return the new configuration
   */
  public BotConfig withApiTimings(Duration timeout, Duration stall) {
    return toBuilder().apiTimeout(timeout).stubStall(stall).build();
  }

  /** Builds a {@link BotConfig}; each setter returns the builder. */
  public static final class Builder {
    private FaultPlan tldrFaults = FaultPlan.none();
    private Duration stubStall = Duration.ofMillis(800);
    private Latency stubLatency = Latency.none();
    private Duration apiTimeout = Duration.ofMillis(500);
    private RetryPolicy databaseRetry = RetryPolicy.defaults();
    private DatabaseConfig database;
    private ServiceEndpoints endpoints = ServiceEndpoints.stub();
    private Duration cleanupPeriod = Duration.ofMillis(250);
    private int cleanupRuns = 10;
    private Duration statusPeriod = Duration.ofMillis(100);
    private int statusRuns = 5;
    private List<String> warmupPages = List.of("tar", "git", "ls");
    private Optional<String> wolframAppId = Optional.empty();
    private Set<Long> ownerIds = Set.of(1L);

    private Builder() {}

    /**
     * @param faults which stub tldr requests fail
     * @return this builder
     */
    public Builder tldrFaults(FaultPlan faults) {
      this.tldrFaults = faults;
      return this;
    }

    /**
     * @param stall how long a stalled stub answer takes
     * @return this builder
     */
    public Builder stubStall(Duration stall) {
      this.stubStall = stall;
      return this;
    }

    /**
     * @param latency how long the stub takes to answer
     * @return this builder
     */
    public Builder stubLatency(Latency latency) {
      this.stubLatency = latency;
      return this;
    }

    /**
     * @param timeout how long one HTTP request may take
     * @return this builder
     */
    public Builder apiTimeout(Duration timeout) {
      this.apiTimeout = timeout;
      return this;
    }

    /**
     * @param retry how database operations are retried
     * @return this builder
     */
    public Builder databaseRetry(RetryPolicy retry) {
      this.databaseRetry = retry;
      return this;
    }

    /**
     * @param database which database to open; by default a private in-memory one
     * @return this builder
     */
    public Builder database(DatabaseConfig database) {
      this.database = database;
      return this;
    }

    /**
     * @param endpoints where the services are
     * @return this builder
     */
    public Builder endpoints(ServiceEndpoints endpoints) {
      this.endpoints = endpoints;
      return this;
    }

    /**
     * @param period the pause between cleanup runs
     * @param runs how many runs, {@code 0} for no limit
     * @return this builder
     */
    public Builder cleanup(Duration period, int runs) {
      this.cleanupPeriod = period;
      this.cleanupRuns = runs;
      return this;
    }

    /**
     * @param period the pause between status rotations
     * @param runs how many runs, {@code 0} for no limit
     * @return this builder
     */
    public Builder statusRotation(Duration period, int runs) {
      this.statusPeriod = period;
      this.statusRuns = runs;
      return this;
    }

    /**
     * @param pages the tldr pages fetched into the cache at startup
     * @return this builder
     */
    public Builder warmupPages(List<String> pages) {
      this.warmupPages = pages;
      return this;
    }

    /**
     * @param appId the Wolfram|Alpha app id, empty to leave the wolfram cog unloaded
     * @return this builder
     */
    public Builder wolframAppId(Optional<String> appId) {
      this.wolframAppId = appId;
      return this;
    }

    /**
     * @param owners the users who may run owner commands
     * @return this builder
     */
    public Builder ownerIds(Set<Long> owners) {
      this.ownerIds = owners;
      return this;
    }

    /**
     * The configuration.
     *
     * @return the configuration; a private in-memory database unless one was set
     */
    public BotConfig build() {
      return new BotConfig(
          tldrFaults,
          stubStall,
          stubLatency,
          apiTimeout,
          databaseRetry,
          database != null ? database : DatabaseConfig.privateInMemory(),
          endpoints,
          cleanupPeriod,
          cleanupRuns,
          statusPeriod,
          statusRuns,
          warmupPages,
          wolframAppId,
          ownerIds);
    }
  }
}
