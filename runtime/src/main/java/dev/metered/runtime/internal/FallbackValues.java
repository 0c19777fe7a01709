package dev.metered.runtime.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the wire values that generated enums did not know and mapped to their schema's
 * {@code fallback} (for example a command name outside the enum recorded as {@code other}), so
 * that a closed set missing a value shows in {@link dev.metered.runtime.DeliveryStats#fallbacks()}
 * rather than only as a growing {@code other} series in Sentry.
 *
 * <p>An enum's {@code fromWireValue} runs before any sink is involved, so the count is the
 * process's: each {@link dev.metered.runtime.DeliverySink} reports the uses since it was created.
 * Counting is one {@link LongAdder} increment: thread-safe, allocation-free, and it never throws.
 * For generated code and the runtime only (see the package's documentation): users read
 * {@code DeliveryStats.fallbacks()}.
 */
public final class FallbackValues {
  private static final LongAdder USES = new LongAdder();

  private FallbackValues() {}

  /** Called by a generated {@code fromWireValue} each time it returns the fallback for an unknown value. */
  public static void countUse() {
    USES.increment();
  }

  /**
   * How many times generated enums returned their fallback for an unknown value in this process so
   * far; {@link dev.metered.runtime.DeliverySink} reports the difference since it was made.
   */
  public static long count() {
    return USES.sum();
  }
}
