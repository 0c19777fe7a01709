package dev.metered.example;

import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.db.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot is set up.
 *
 * @param tldrFaults which requests the stub tldr service fails, and how
 * @param stubStall how long a stalled stub answer takes; longer than {@code apiTimeout}
 * @param apiTimeout how long one HTTP request may take
 * @param databaseRetry how database operations are retried
 * @param cleanupPeriod the pause between two cleanup runs
 * @param cleanupRuns how many cleanup runs at most; {@code 0} runs it until shutdown, a fixed
 *     number lets a scripted session record the same runs every time
 * @param warmupPages the tldr pages fetched into the cache at startup
 * @param wolframAppId the Wolfram|Alpha app id; without one the wolfram cog does not load
 */
public record BotConfig(
    FaultPlan tldrFaults,
    Duration stubStall,
    Duration apiTimeout,
    RetryPolicy databaseRetry,
    Duration cleanupPeriod,
    int cleanupRuns,
    List<String> warmupPages,
    Optional<String> wolframAppId) {

  /** Checks the values and copies the list. */
  public BotConfig {
    Objects.requireNonNull(tldrFaults, "tldrFaults");
    Objects.requireNonNull(stubStall, "stubStall");
    Objects.requireNonNull(apiTimeout, "apiTimeout");
    Objects.requireNonNull(databaseRetry, "databaseRetry");
    Objects.requireNonNull(cleanupPeriod, "cleanupPeriod");
    warmupPages = List.copyOf(warmupPages);
    Objects.requireNonNull(wolframAppId, "wolframAppId");
    if (cleanupRuns < 0) {
      throw new IllegalArgumentException("cleanupRuns must be >= 0: " + cleanupRuns);
    }
  }

  /**
   * The demo's setup: seeded tldr faults, a 250 ms API timeout, cleanup every 250 ms for ten runs,
   * three pages warmed up, no Wolfram app id.
   *
   * @param seed the seed of the tldr faults
   * @return the configuration
   */
  public static BotConfig demo(long seed) {
    return new BotConfig(
        FaultPlan.seeded(seed),
        Duration.ofMillis(800),
        Duration.ofMillis(500),
        RetryPolicy.defaults(),
        Duration.ofMillis(250),
        10,
        List.of("tar", "git", "ls"),
        Optional.empty());
  }

  /**
   * This configuration with another cleanup schedule.
   *
   * @param period the pause between runs
   * @param runs how many runs, {@code 0} for no limit
   * @return the new configuration
   */
  public BotConfig withCleanup(Duration period, int runs) {
    return new BotConfig(
        tldrFaults, stubStall, apiTimeout, databaseRetry, period, runs, warmupPages, wolframAppId);
  }

  /**
   * This configuration with other API timings.
   *
   * @param timeout the client's timeout
   * @param stall how long a stalled stub answer takes
   * @return the new configuration
   */
  public BotConfig withApiTimings(Duration timeout, Duration stall) {
    return new BotConfig(
        tldrFaults,
        stall,
        timeout,
        databaseRetry,
        cleanupPeriod,
        cleanupRuns,
        warmupPages,
        wolframAppId);
  }
}
