package dev.metered.runtime;

/**
 * A JVM shutdown hook that closes a {@link DeliverySink}, so that what it aggregated is sent
 * when the program ends without closing it.
 */
final class ShutdownHook {
  static final String THREAD_NAME = "metered-shutdown";

  private final Thread thread;

  private ShutdownHook(Thread thread) {
    this.thread = thread;
  }

  /**
   * Registers a hook that runs {@code close}; {@code null} when the JVM is already shutting down
   * or hooks are not allowed: then whoever closes Sentry or the sink sends the rest.
   */
  static ShutdownHook register(Runnable close) {
    Thread thread = new Thread(close, THREAD_NAME);
    try {
      Runtime.getRuntime().addShutdownHook(thread);
      return new ShutdownHook(thread);
    } catch (IllegalStateException | SecurityException noHook) {
      return null;
    }
  }

  /** Removes the hook, unless it is the one running: the sink closed by other means. */
  void remove() {
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(thread);
    } catch (IllegalStateException shutdownInProgress) {
      // The JVM is already running its hooks; ours will find the sink closed.
    }
  }
}
