package dev.metered.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The {@link DeliverySink}'s own daemon thread: it starts a new budget window every second and
 * flushes the aggregates every flush interval. The tasks are the sink's; this class only runs
 * them, and stops, within a deadline, when the sink closes.
 */
final class FlushScheduler {
  /** The name of the thread; a close that runs on it does not wait for itself. */
  static final String THREAD_NAME = "metered-delivery";
  private static final Duration WINDOW = Duration.ofSeconds(1);

  private final ScheduledExecutorService executor;

  private FlushScheduler(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /**
   * Starts a daemon thread made by {@code threadFactory} that runs {@code windowRoll} every
   * second and {@code flush} every {@code flushInterval}. If scheduling throws, the thread is
   * stopped before the failure leaves.
   */
  static FlushScheduler start(ThreadFactory threadFactory, Duration flushInterval,
      Runnable windowRoll, Runnable flush) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = threadFactory.newThread(task);
      thread.setDaemon(true);
      return thread;
    });
    boolean scheduled = false;
    try {
      long window = WINDOW.toNanos();
      executor.scheduleAtFixedRate(windowRoll, window, window, TimeUnit.NANOSECONDS);
      long interval = flushInterval.toNanos();
      executor.scheduleAtFixedRate(flush, interval, interval, TimeUnit.NANOSECONDS);
      scheduled = true;
    } finally {
      if (!scheduled) {
        executor.shutdownNow();
      }
    }
    return new FlushScheduler(executor);
  }

  /** Stops at once: for a start that failed partway. */
  void stopNow() {
    executor.shutdownNow();
  }

  /** Runs no task from now on; one in progress is let finish. */
  void stop() {
    executor.shutdown();
  }

  /**
   * Waits, until {@code deadline}, for a task in progress to end; at once when called from the
   * scheduler's own thread, which would otherwise wait for itself.
   */
  void awaitStopped(Deadline deadline) {
    if (Thread.currentThread().getName().equals(THREAD_NAME)) {
      return;
    }
    try {
      executor.awaitTermination(deadline.cap(Duration.ofDays(1)).toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
