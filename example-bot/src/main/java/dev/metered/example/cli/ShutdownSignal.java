package dev.metered.example.cli;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C, as the running bot sees it: a JVM shutdown hook that asks the bot to stop, then holds the
 * JVM open until the bot has shut down in order and flushed its metrics, or a grace period ends.
 *
 * <p>Without the wait the JVM would halt as soon as the hook returns, in the middle of closing the
 * database and before Sentry had sent what it still batches.
 */
public final class ShutdownSignal {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Runnable onRequest = () -> {};

  /**
   * A signal that only {@link #request} raises: for tests, which must not add JVM hooks.
   *
   * @return the signal
   */
  public static ShutdownSignal manual() {
    return new ShutdownSignal();
  }

  /**
   * A signal raised by the JVM's shutdown (Ctrl-C, SIGTERM).
   *
   * @param grace how long the hook waits for {@link #finished} before the JVM halts anyway
   * @return the signal
   */
  public static ShutdownSignal onJvmShutdown(Duration grace) {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  signal.request();
                  signal.awaitFinished(grace);
                },
                "metered-bot-shutdown"));
    return signal;
  }

  /**
   * What to do when the signal is raised, for example stop the simulation. Runs at once when it was
   * raised already.
   *
   * @param action the action; replaces an earlier one
   */
  public void onRequest(Runnable action) {
    this.onRequest = Objects.requireNonNull(action, "action");
    if (isRequested()) {
      action.run();
    }
  }

  /** Raises the signal: asks the bot to stop. */
  public void request() {
    requested.countDown();
    onRequest.run();
  }

  /**
   * Whether the signal was raised.
   *
   * @return {@code true} after {@link #request}
   */
  public boolean isRequested() {
    return requested.getCount() == 0;
  }

  /**
   * Waits for the signal.
   *
   * @param timeout how long at most
   * @return whether it was raised
   * @throws InterruptedException when interrupted while waiting
   */
  public boolean awaitRequested(Duration timeout) throws InterruptedException {
    return requested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Says the bot has shut down and flushed: the JVM may halt. */
  public void finished() {
    finished.countDown();
  }

  private void awaitFinished(Duration grace) {
    try {
      finished.await(grace.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
