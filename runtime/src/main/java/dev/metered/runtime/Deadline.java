package dev.metered.runtime;

import java.time.Duration;

/**
 * A point in {@link System#nanoTime()} time by which something must be over, or none: the
 * bound that {@link MeteredOptions#closeTimeout()} puts on closing, however many series there
 * are to send.
 */
final class Deadline {
  /** No deadline: waits keep their own timeouts. */
  static final Deadline NONE = new Deadline(0L, false);

  private final long at;
  private final boolean bounded;

  private Deadline(long at, boolean bounded) {
    this.at = at;
    this.bounded = bounded;
  }

  /** The deadline {@code timeout} from now. */
  static Deadline after(Duration timeout) {
    return new Deadline(System.nanoTime() + timeout.toNanos(), true);
  }

  /** Whether the deadline has passed. */
  boolean passed() {
    return bounded && at - System.nanoTime() <= 0;
  }

  /** {@code timeout}, cut to what is left before the deadline ({@link Duration#ZERO} once past). */
  Duration cap(Duration timeout) {
    if (!bounded) {
      return timeout;
    }
    long left = at - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(left, timeout.toNanos()));
  }

  /** The sooner of the two. */
  Deadline soonerOf(Deadline other) {
    if (!bounded) {
      return other;
    }
    return !other.bounded || at - other.at <= 0 ? this : other;
  }
}
