package dev.metered.example.support;

/**
 * Turns a {@link System#nanoTime()} reading into elapsed milliseconds, the unit of every duration
 * metric in the schema.
 *
 * <p>Callers keep the start reading in a local variable: each operation times itself, so two
 * concurrent runs of the same command never share (and overwrite) a start time, which is what the
 * seed's start times keyed by command name did.
 */
public final class Elapsed {
  private static final double NANOS_PER_MILLI = 1_000_000.0;

  private Elapsed() {}

  /**
   * Milliseconds since {@code startNanos}.
   *
   * @param startNanos a value of {@link System#nanoTime()} taken when the operation started
   * @return the elapsed time in milliseconds, with sub-millisecond precision
   */
  public static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / NANOS_PER_MILLI;
  }
}
