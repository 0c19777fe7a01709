package dev.metered.runtime.internal;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what recorders caught instead of throwing into their callers (a failing sink, a
 * {@code null} passed where a value was needed, a {@link LinkageError} or {@link AssertionError}
 * from a sink), and logs the first such failure.
 *
 * <p>Recorders and {@link dev.metered.runtime.DeliverySink} catch every {@link Throwable} but a
 * {@link VirtualMachineError} ({@link OutOfMemoryError}, {@link StackOverflowError}): those are
 * the JVM's own failures, not the recording's, and are never hidden.
 *
 * <p>Logging only the first keeps a broken sink from flooding the log at the rate of recording;
 * the count says how many followed it. For generated code and the runtime only (see the
 * package's documentation): users read
 * {@link dev.metered.runtime.MeteredRuntime#recordingFailures()}.
 */
public final class RecordingFailures {
  private static final System.Logger LOGGER = System.getLogger("dev.metered.runtime");
  private static final AtomicLong COUNT = new AtomicLong();
  private static final AtomicBoolean LOGGED = new AtomicBoolean();

  private RecordingFailures() {}

  /**
   * Called by generated recorders when recording failed; throws nothing but a
   * {@link VirtualMachineError} that logging raised.
   *
   * @param recorder the recorder's name, for example {@code CommandMetrics}
   * @param failure what was thrown
   */
  public static void report(String recorder, Throwable failure) {
    COUNT.incrementAndGet();
    if (LOGGED.compareAndSet(false, true)) {
      try {
        LOGGER.log(
            Level.WARNING,
            "Metered: " + recorder + " could not record a metric; it was dropped and the caller"
                + " was not disturbed. Later failures are only counted"
                + " (MeteredRuntime.recordingFailures()).",
            failure);
      } catch (Throwable loggingFailed) {
        // A broken logger must not reach the caller either.
        rethrowIfFatal(loggingFailed);
      }
    }
  }

  /**
   * Rethrows {@code failure} when it is a {@link VirtualMachineError}, the one kind of
   * {@link Throwable} recording lets pass; returns otherwise. The runtime's sinks call it first in
   * each of their catch blocks.
   */
  public static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError fatal) {
      throw fatal;
    }
  }

  /**
   * How many recordings failed in this process so far; users read it as
   * {@link dev.metered.runtime.MeteredRuntime#recordingFailures()}.
   */
  public static long count() {
    return COUNT.get();
  }
}
