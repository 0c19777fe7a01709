package dev.metered.example.db;

import java.time.Duration;

/** Waits between retries. An interface so that tests can record the backoff instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /** The real one: {@link Thread#sleep(long)}. */
  Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
