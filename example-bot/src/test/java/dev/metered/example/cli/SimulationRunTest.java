package dev.metered.example.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.session.SessionReport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the simulation says about the rate it reached. */
class SimulationRunTest {

  @Test
  void aRateThatWasReachedIsReportedAsSuch() {
    SessionReport onSchedule = report(300, Duration.ofSeconds(30));

    assertThat(SimulationRun.rateLine(10, onSchedule))
        .isEqualTo("Rate: requested 10 events/s, achieved 10.0 events/s (300 events in 30.0 s)");
  }

  /** At 1,000 events a second for 5 s the bot once took 36 s and said nothing. */
  @Test
  void aRateThatCouldNotBeReachedSaysSoWithRequestedAndAchieved() {
    SessionReport tooSlow = report(5000, Duration.ofSeconds(36));

    assertThat(SimulationRun.rateLine(1000, tooSlow))
        .isEqualTo(
            "Rate: requested 1000 events/s, achieved 138.9 events/s (5000 events in 36.0 s);"
                + " the bot handles one event at a time and could not keep up: handling took"
                + " longer than the 1ms the schedule gives each event");
  }

  private static SessionReport report(int events, Duration sending) {
    return new SessionReport(events, events, 0, 0, Map.of(), sending);
  }
}
