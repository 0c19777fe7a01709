package dev.metered.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The data points per second that {@link DeliveryMode#AUTO} sends one per call. A scheduler
 * thread starts a new window every second ({@link #roll()}), so recording never reads a clock.
 *
 * <p>Once a window's permits are spent, {@link #tryAcquire()} answers from a volatile flag
 * without touching the shared counter: under overload, callers do not contend on it.
 */
final class EventBudget {
  private final long permitsPerWindow;
  private final AtomicLong used = new AtomicLong();
  private volatile boolean spent;

  EventBudget(long permitsPerWindow) {
    this.permitsPerWindow = permitsPerWindow;
  }

  /** Takes a permit if the window has one left. */
  boolean tryAcquire() {
    if (spent) {
      return false;
    }
    if (used.incrementAndGet() <= permitsPerWindow) {
      return true;
    }
    spent = true;
    return false;
  }

  /**
   * Counts a data point sent regardless of the budget ({@link DeliveryMode#EVENT}), so that
   * {@link DeliveryMode#AUTO} metrics leave room for it.
   */
  void consume() {
    if (!spent && used.incrementAndGet() > permitsPerWindow) {
      spent = true;
    }
  }

  /** Starts a new window with all its permits. */
  void roll() {
    used.set(0);
    spent = false;
  }
}
