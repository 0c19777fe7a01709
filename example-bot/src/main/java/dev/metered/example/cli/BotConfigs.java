package dev.metered.example.cli;

import dev.metered.example.BotConfig;
import dev.metered.example.api.ServiceEndpoints;
import dev.metered.example.api.TldrClient;
import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.api.stub.Latency;
import dev.metered.example.config.Settings;
import dev.metered.example.db.DatabaseConfig;
import dev.metered.example.db.RetryPolicy;
import dev.metered.example.session.SessionScript;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Turns the user's settings into the bot's setup, for each of the two ways to run. */
final class BotConfigs {
  /** The stub's median answer time: about what a CDN answers in from nearby. */
  static final Duration STUB_MEDIAN_LATENCY = Duration.ofMillis(40);

  private static final Duration RETRY_BASE_DELAY = Duration.ofMillis(5);
  private static final Duration RETRY_MAX_DELAY = Duration.ofMillis(100);

  private BotConfigs() {}

  /**
   * The simulation's setup: the services on the stub (tldr unless {@code TLDR_BASE_URL} names
   * another), with seeded faults and latency; tasks run until shutdown; the session's owner may
   * reload cogs.
   */
  static BotConfig simulation(Settings settings) {
    Set<Long> owners = new HashSet<>(settings.ownerIds());
    owners.add(SessionScript.OWNER_ID);
    ServiceEndpoints endpoints = ServiceEndpoints.stub();
    if (settings.tldrBaseUrl().isPresent()) {
      endpoints = endpoints.withTldr(settings.tldrBaseUrl().get());
    }
    return common(settings)
        .tldrFaults(FaultPlan.seeded(settings.simulationSeed()))
        .stubLatency(Latency.seeded(settings.simulationSeed(), STUB_MEDIAN_LATENCY))
        // A stall outlasts the client's timeout, so it ends as a timeout, as a hung server would.
        .stubStall(settings.apiTimeout().plusMillis(500))
        .endpoints(endpoints)
        .ownerIds(owners)
        .build();
  }

  /** The setup of a bot connected to Discord: the real services, tasks until shutdown. */
  static BotConfig discord(Settings settings, String token) {
    URI tldr = settings.tldrBaseUrl().orElse(URI.create(TldrClient.PUBLIC_BASE_URL));
    return common(settings)
        .endpoints(ServiceEndpoints.live(tldr, token))
        .ownerIds(settings.ownerIds())
        .build();
  }

  private static BotConfig.Builder common(Settings settings) {
    return BotConfig.builder()
        .apiTimeout(settings.apiTimeout())
        .databaseRetry(
            new RetryPolicy(settings.databaseMaxRetries(), RETRY_BASE_DELAY, RETRY_MAX_DELAY))
        .database(
            new DatabaseConfig(
                settings.databaseUrl(), settings.databaseUser(), settings.databasePassword()))
        .cleanup(settings.cleanupInterval(), 0)
        .statusRotation(settings.statusInterval(), 0)
        .wolframAppId(settings.wolframAppId());
  }
}
