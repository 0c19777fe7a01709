package dev.metered.example.session;

import dev.metered.example.gateway.GatewayEvent;
import java.util.Objects;

/**
 * One step of a scripted session.
 *
 * @param event what the gateway delivers
 * @param databaseFailures how many of the database connections this event opens fail first, as
 *     dropped connections do; {@code 0} for none
 */
public record ScriptStep(GatewayEvent event, int databaseFailures) {

  /** Checks the values. */
  public ScriptStep {
    Objects.requireNonNull(event, "event");
    if (databaseFailures < 0) {
      throw new IllegalArgumentException("databaseFailures must be >= 0: " + databaseFailures);
    }
  }
}
