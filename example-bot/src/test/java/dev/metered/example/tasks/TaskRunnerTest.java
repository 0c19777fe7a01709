package dev.metered.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.example.metrics.TaskMetrics;
import dev.metered.example.metrics.TaskMetrics.Task;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final RecordingSink sink = new RecordingSink();
  private final TaskRunner runner = TaskRunner.create(2, new TaskMetrics(sink));

  @AfterEach
  void close() {
    runner.close();
  }

  @Test
  void recordsEachRunWithItsTaskTypeAndOutcome() throws Exception {
    runner.runInBackground(Task.CACHE_WARMUP, () -> {}).get(5, TimeUnit.SECONDS);
    runner
        .scheduleOnce(
            Task.REMINDER_DISPATCH,
            Duration.ofMillis(20),
            () -> {
              throw new IllegalStateException("channel gone");
            })
        .get(5, TimeUnit.SECONDS);

    assertThat(sink.recorded(TaskMetrics.EXECUTIONS))
        .extracting(RecordedMetric::attributeMap)
        .containsExactly(
            Map.of("task", "cache_warmup", "task_type", "background", "success", true),
            Map.of(
                "task", "reminder_dispatch",
                "task_type", "scheduled",
                "success", false,
                "error_type", "IllegalStateException"));
    assertThat(sink.recorded(TaskMetrics.FAILURES)).hasSize(1);
  }

  @Test
  void timesEachRun() throws Exception {
    runner.runInBackground(Task.CLEANUP, () -> Thread.sleep(40)).get(5, TimeUnit.SECONDS);

    assertThat(sink.recorded(TaskMetrics.EXECUTION_TIME).get(0).value())
        .isGreaterThanOrEqualTo(40.0);
  }

  @Test
  void keepsAPeriodicTaskRunningAfterAFailedRunAndStopsAtItsLimit() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CompletableFuture<Void> done =
        runner.schedulePeriodic(
            Task.CLEANUP,
            Duration.ofMillis(5),
            4,
            () -> {
              if (runs.incrementAndGet() == 2) {
                throw new java.sql.SQLException("locked");
              }
            });

    runner.awaitIdle(TIMEOUT);

    assertThat(done).isDone();
    assertThat(runs).hasValue(4);
    assertThat(sink.recorded(TaskMetrics.EXECUTIONS))
        .hasSize(4)
        .allSatisfy(run -> assertThat(run.attributeMap()).containsEntry("task_type", "periodic"));
    assertThat(sink.recorded(TaskMetrics.FAILURES))
        .singleElement()
        .satisfies(
            run -> assertThat(run.attributeMap()).containsEntry("error_type", "SQLException"));
  }

  @Test
  void awaitsWorkStartedWhileWaiting() throws Exception {
    AtomicInteger followUps = new AtomicInteger();
    runner.runInBackground(
        Task.REMINDER_DISPATCH,
        () ->
            runner.scheduleOnce(
                Task.REMINDER_DISPATCH, Duration.ofMillis(50), followUps::incrementAndGet));

    runner.awaitIdle(TIMEOUT);

    assertThat(followUps).hasValue(1);
    assertThat(sink.recorded(TaskMetrics.EXECUTIONS)).hasSize(2);
  }

  @Test
  void failsAWaitThatTimesOut() {
    CountDownLatch release = new CountDownLatch(1);
    runner.runInBackground(Task.CLEANUP, release::await);
    try {
      assertThatThrownBy(() -> runner.awaitIdle(Duration.ofMillis(50)))
          .isInstanceOf(TimeoutException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void stopsAnUnlimitedPeriodicTaskOnClose() throws Exception {
    CountDownLatch ranTwice = new CountDownLatch(2);
    CompletableFuture<Void> done =
        runner.schedulePeriodic(Task.CLEANUP, Duration.ofMillis(5), 0, ranTwice::countDown);
    assertThat(ranTwice.await(5, TimeUnit.SECONDS)).isTrue();

    runner.close();

    assertThat(done).isDone();
    int recorded = sink.recorded(TaskMetrics.EXECUTIONS).size();
    Thread.sleep(30);
    assertThat(sink.recorded(TaskMetrics.EXECUTIONS)).hasSize(recorded);
  }
}
