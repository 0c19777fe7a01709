package dev.metered.runtime;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The distinct values one attribute of one metric took in the current flush interval, up to its
 * {@link MaxValues#max()}: the first {@code max} are admitted, any further one is not, until
 * {@link #startInterval()}. Holds at most {@code max} values; lock-free.
 */
final class DistinctValues {
  private final int max;
  private volatile Interval interval = new Interval();

  DistinctValues(int max) {
    this.max = max;
  }

  /** Whether {@code value} is one of the first {@code max} distinct values of this interval. */
  boolean admit(Object value) {
    Interval current = interval;
    if (current.values.containsKey(value)) {
      return true;
    }
    if (current.admitted.get() >= max) {
      return false;
    }
    // The counter, not the map's size, decides, so that racing threads admit exactly max values.
    return current.values.computeIfAbsent(value,
        absent -> current.admitted.getAndIncrement() < max ? Boolean.TRUE : null) != null;
  }

  /** Forgets this interval's values: the next {@code max} distinct values are admitted afresh. */
  void startInterval() {
    interval = new Interval();
  }

  private static final class Interval {
    final ConcurrentHashMap<Object, Boolean> values = new ConcurrentHashMap<>();
    final AtomicInteger admitted = new AtomicInteger();
  }
}
