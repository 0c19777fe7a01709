package dev.metered.example.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the runner runs task bodies. It records nothing itself (the bot's task bodies are wrapped
 * {@code @Metered} handlers, see {@link MeteredTasksTest}), so plain bodies do here.
 */
class TaskRunnerTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final TaskRunner runner = TaskRunner.create(2);

  @AfterEach
  void close() {
    runner.close();
  }

  @Test
  void runsOnceNowOrLaterAndSwallowsAFailedRun() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    runner.runInBackground(runs::incrementAndGet).get(5, TimeUnit.SECONDS);
    CompletableFuture<Void> failed =
        runner.scheduleOnce(
            Duration.ofMillis(20),
            () -> {
              runs.incrementAndGet();
              throw new IllegalStateException("channel gone");
            });

    failed.get(5, TimeUnit.SECONDS);

    assertThat(failed).isCompletedWithValue(null);
    assertThat(runs).hasValue(2);
  }

  @Test
  void keepsAPeriodicTaskRunningAfterAFailedRunAndStopsAtItsLimit() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CompletableFuture<Void> done =
        runner.schedulePeriodic(
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
    Thread.sleep(30);
    assertThat(runs).hasValue(4);
  }

  @Test
  void awaitsWorkStartedWhileWaiting() throws Exception {
    AtomicInteger followUps = new AtomicInteger();
    runner.runInBackground(
        () -> runner.scheduleOnce(Duration.ofMillis(50), followUps::incrementAndGet));

    runner.awaitIdle(TIMEOUT);

    assertThat(followUps).hasValue(1);
  }

  @Test
  void failsAWaitThatTimesOut() {
    CountDownLatch release = new CountDownLatch(1);
    runner.runInBackground(release::await);
    try {
      assertThatThrownBy(() -> runner.awaitIdle(Duration.ofMillis(50)))
          .isInstanceOf(TimeoutException.class);
    } finally {
      release.countDown();
    }
  }

  @Test
  void stopsAnUnlimitedPeriodicTaskOnClose() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch ranTwice = new CountDownLatch(2);
    CompletableFuture<Void> done =
        runner.schedulePeriodic(
            Duration.ofMillis(5),
            0,
            () -> {
              runs.incrementAndGet();
              ranTwice.countDown();
            });
    assertThat(ranTwice.await(5, TimeUnit.SECONDS)).isTrue();

    runner.close();

    assertThat(done).isDone();
    int ran = runs.get();
    Thread.sleep(30);
    assertThat(runs).hasValue(ran);
  }
}
