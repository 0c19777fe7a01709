package dev.metered.example.view;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A status line that keeps changing while the bot runs.
 *
 * <p>On a terminal it is one line, rewritten in place ({@code \r}) at most ten times a second. Sent
 * to a file or a pipe, where {@code \r} would pile up into one huge line, it prints a new line at
 * most once per {@code logInterval}. Thread-safe.
 */
public final class ProgressLine {
  private static final long TERMINAL_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

  private final PrintStream out;
  private final boolean terminal;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long lastPrinted;
  private boolean printedOnce;
  private int lastLength;
  private String pending;

  /**
   * @param out where to print
   * @param terminal whether {@code out} is a terminal ({@code System.console() != null})
   * @param logInterval the least time between two lines when it is not a terminal
   * @param nanoTime the clock, {@code System::nanoTime}
   */
  public ProgressLine(
      PrintStream out, boolean terminal, Duration logInterval, LongSupplier nanoTime) {
    this.out = Objects.requireNonNull(out, "out");
    this.terminal = terminal;
    this.intervalNanos = terminal ? TERMINAL_INTERVAL_NANOS : logInterval.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Shows {@code text} now, or later if the last update was too recent; a later update or {@link
   * #finish} replaces it.
   *
   * @param text one line, without line breaks
   */
  public synchronized void update(String text) {
    long now = nanoTime.getAsLong();
    if (printedOnce && now - lastPrinted < intervalNanos) {
      pending = text;
      return;
    }
    print(text);
    lastPrinted = now;
    printedOnce = true;
  }

  /**
   * Shows the last update if it was held back, and ends the line, so that what is printed next
   * starts on a line of its own.
   */
  public synchronized void finish() {
    if (pending != null) {
      print(pending);
    }
    if (terminal && printedOnce) {
      out.println();
    }
    out.flush();
  }

  private void print(String text) {
    pending = null;
    if (terminal) {
      // Spaces over whatever the longer line before left on screen.
      out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
      lastLength = text.length();
      out.flush();
    } else {
      out.println(text);
    }
    printedOnce = true;
  }
}
