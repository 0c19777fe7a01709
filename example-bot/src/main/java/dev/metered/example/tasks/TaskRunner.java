package dev.metered.example.tasks;

import dev.metered.runtime.ErrorTypes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the bot's tasks on a {@link ScheduledExecutorService}: {@link #runInBackground} (once, now),
 * {@link #scheduleOnce} (once, later) and {@link #schedulePeriodic} (again and again).
 *
 * <p>The runner records nothing itself: the bot's task bodies are {@code @Metered} handlers of the
 * {@code task} family, created as their generated wrappers, and the wrapper around each run records
 * one {@code task} event (duration, task, task type, success, and the error type when it failed)
 * before it rethrows the failure. A failed run is swallowed here; a periodic task keeps running,
 * where a bare {@code scheduleAtFixedRate} would silently stop at its first exception.
 *
 * <p>Work that is meant to end (one-off runs, periodic tasks with a run limit) is tracked, so that
 * {@link #awaitIdle} can wait for it; closing stops everything.
 */
public final class TaskRunner implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(TaskRunner.class.getName());
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

  private final ScheduledExecutorService scheduler;
  private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
  private final Set<PeriodicRun> periodic = ConcurrentHashMap.newKeySet();

  /**
   * @param scheduler where the tasks run; closing this runner shuts it down
   */
  public TaskRunner(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /**
   * A runner on a new pool of {@code threads} daemon threads.
   *
   * @param threads how many tasks may run at once
   * @return the runner
   */
  public static TaskRunner create(int threads) {
    AtomicInteger number = new AtomicInteger();
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "bot-task-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // A cancelled periodic task must not linger in the queue until its next due time.
    scheduler.setRemoveOnCancelPolicy(true);
    // On close, runs that are not due yet (reminders far in the future) are dropped, not awaited.
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    return new TaskRunner(scheduler);
  }

  /**
   * Runs {@code body} once, as soon as a thread is free.
   *
   * @param body the work, for example a {@code CacheWarmupTask_Metered}
   * @return completes when the run has ended, whether it succeeded or not
   */
  public CompletableFuture<Void> runInBackground(TaskBody body) {
    return scheduleOnce(Duration.ZERO, body);
  }

  /**
   * Runs {@code body} once, after {@code delay}.
   *
   * @param delay how long to wait first
   * @param body the work, for example a {@code ReminderDispatchTask_Metered}
   * @return completes when the run has ended, whether it succeeded or not
   */
  public CompletableFuture<Void> scheduleOnce(Duration delay, TaskBody body) {
    Objects.requireNonNull(body, "body");
    CompletableFuture<Void> done = track(new CompletableFuture<>());
    try {
      scheduler.schedule(
          () -> {
            try {
              runOnce(body);
            } finally {
              done.complete(null);
            }
          },
          delay.toNanos(),
          TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      // Scheduled while the bot shuts down: nothing will run, so nothing is pending.
      done.complete(null);
      throw closed;
    }
    return done;
  }

  /**
   * Runs {@code body} every {@code period}, the first time after one period; each run starts a
   * period after the previous one ended, so runs never overlap.
   *
   * @param period the pause between runs
   * @param maxRuns how many runs at most, {@code 0} for no limit (until close)
   * @param body the work, for example a {@code CleanupTask_Metered}
   * @return completes after the last run when there is a limit; never completes without one
   */
  public CompletableFuture<Void> schedulePeriodic(Duration period, int maxRuns, TaskBody body) {
    if (maxRuns < 0) {
      throw new IllegalArgumentException("maxRuns must be >= 0: " + maxRuns);
    }
    PeriodicRun run = new PeriodicRun(period, maxRuns, body);
    periodic.add(run);
    if (maxRuns > 0) {
      track(run.done);
    }
    run.scheduleNext();
    return run.done;
  }

  /**
   * Waits until every one-off run and every periodic task with a run limit has ended, including
   * those they started in the meantime (a command that schedules a reminder while we wait).
   *
   * @param timeout how long to wait at most
   * @throws TimeoutException if work is still pending after {@code timeout}
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void awaitIdle(Duration timeout) throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty()) {
      List<CompletableFuture<Void>> snapshot = List.copyOf(pending);
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new TimeoutException(pending.size() + " task run(s) still pending after " + timeout);
      }
      try {
        CompletableFuture.allOf(snapshot.toArray(CompletableFuture[]::new))
            .get(remaining, TimeUnit.NANOSECONDS);
      } catch (ExecutionException cannotHappen) {
        // The tracked futures only ever complete normally; failures are recorded, not thrown.
        throw new IllegalStateException(cannotHappen);
      }
    }
  }

  /**
   * Stops periodic tasks, lets running ones finish (within 5 s) and drops those not started. A
   * runner built on a scheduler of the caller's should use one that drops delayed tasks on
   * shutdown, as {@link #create} does.
   */
  @Override
  public void close() {
    periodic.forEach(PeriodicRun::cancel);
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private CompletableFuture<Void> track(CompletableFuture<Void> done) {
    pending.add(done);
    done.whenComplete((ignored, failure) -> pending.remove(done));
    return done;
  }

  /**
   * One run, whose failure never escapes: the body's wrapper has timed and recorded it already
   * (each run times itself, so overlapping runs of one task never share a start time).
   */
  private static void runOnce(TaskBody body) {
    try {
      body.run();
    } catch (Exception failure) {
      if (failure instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.log(System.Logger.Level.DEBUG, "task run failed: {0}", ErrorTypes.of(failure));
    }
  }

  /** A periodic task that schedules its next run when a run ends, until its limit or close. */
  private final class PeriodicRun {
    private final Duration period;
    private final int maxRuns;
    private final TaskBody body;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int runs; // touched by one run at a time: runs never overlap
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> next;

    PeriodicRun(Duration period, int maxRuns, TaskBody body) {
      this.period = Objects.requireNonNull(period, "period");
      this.maxRuns = maxRuns;
      this.body = Objects.requireNonNull(body, "body");
    }

    void scheduleNext() {
      if (cancelled) {
        done.complete(null);
        return;
      }
      try {
        next = scheduler.schedule(this::runAndReschedule, period.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closed) {
        done.complete(null);
      }
    }

    private void runAndReschedule() {
      if (cancelled) {
        done.complete(null);
        return;
      }
      runOnce(body);
      runs++;
      if (maxRuns > 0 && runs >= maxRuns) {
        periodic.remove(this);
        done.complete(null);
      } else {
        scheduleNext();
      }
    }

    void cancel() {
      cancelled = true;
      ScheduledFuture<?> scheduled = next;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      done.complete(null);
    }
  }
}
