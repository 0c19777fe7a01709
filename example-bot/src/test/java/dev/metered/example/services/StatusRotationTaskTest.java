package dev.metered.example.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.db.TestDatabase;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.TaskMetrics;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRotationTaskTest {

  @Test
  void eachRunShowsTheNextStatusAndIsRecordedAsAPeriodicTask() throws Exception {
    RecordingSink sink = new RecordingSink();
    MeteredRuntime.setGlobalSink(sink);
    try (TestDatabase database = TestDatabase.open(new RecordingSink())) {
      CommandStatsRepository stats = new CommandStatsRepository(database.sql());
      stats.increment(Command.PING, true);
      stats.increment(Command.TLDR, false);
      Instant start = Instant.parse("2025-01-01T00:00:00Z");
      List<String> shown = new ArrayList<>();
      StatusRotationTask task =
          new StatusRotationTask_Metered(
              shown::add,
              stats,
              Clock.fixed(start.plus(Duration.ofSeconds(90)), ZoneOffset.UTC),
              start);

      for (int run = 0; run < 4; run++) {
        task.run();
      }

      assertThat(shown)
          .containsExactly("/tldr <command>", "2 commands served", "up 90 s", "/tldr <command>");
      assertThat(sink.recorded(TaskMetrics.EXECUTIONS))
          .hasSize(4)
          .allSatisfy(
              run ->
                  assertThat(run.attributeMap())
                      .containsEntry("task", "status_rotation")
                      .containsEntry("task_type", "periodic")
                      .containsEntry("success", true));
    } finally {
      MeteredRuntime.resetGlobalSink();
    }
  }
}
