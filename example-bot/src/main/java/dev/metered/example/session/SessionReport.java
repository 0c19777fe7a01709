package dev.metered.example.session;

import dev.metered.example.metrics.CogMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a scripted session did, as the user saw it.
 *
 * @param events gateway events sent
 * @param succeeded commands that replied successfully
 * @param failed commands that replied with an error
 * @param ignored events that invoked no command
 * @param failedCogs cogs that failed to load at startup, each with why
 * @param sending how long sending the events took, from the first to the end of the last one's
 *     slot in the schedule; longer than planned when handling events cannot keep up with the rate
 */
public record SessionReport(
    int events,
    int succeeded,
    int failed,
    int ignored,
    Map<CogMetrics.Cog, String> failedCogs,
    Duration sending) {

  /**
   * The rate the events were really sent at.
   *
   * @return events per second; 0 before any time has passed
   */
  public double achievedRate() {
    long nanos = sending.toNanos();
    return nanos <= 0 ? 0 : events * 1e9 / nanos;
  }

  /**
   * One line for the console.
   *
   * @return the summary
   */
  public String describe() {
    String cogs =
        failedCogs.isEmpty()
            ? "all cogs loaded"
            : failedCogs.entrySet().stream()
                .map(failure -> failure.getKey().wireValue() + ": " + failure.getValue())
                .collect(Collectors.joining("; ", "cogs that failed to load: ", ""));
    return plural(events, "gateway event")
        + ": "
        + plural(succeeded, "command")
        + " succeeded, "
        + failed
        + " failed, "
        + plural(ignored, "event")
        + " invoked no command; "
        + cogs;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
