package dev.metered.runtime;

import dev.metered.runtime.internal.RecordingFailures;
import io.sentry.IScopes;
import io.sentry.Integration;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.io.Closeable;

/**
 * Ties a {@link DeliverySink} to the life of the Sentry SDK, so that aggregates are sent before
 * Sentry stops taking data, and are not handed to a client that is going away.
 *
 * <p>{@code Sentry.close()} swaps the current scopes for no-ops first and then closes the
 * integrations, before the client. So the sink registers an integration whose
 * {@code close()} flushes the aggregates through scopes captured while Sentry was open. Sentry's
 * own JVM shutdown hook only flushes the SDK and closes nothing; the sink's own hook therefore
 * still reaches an open client at JVM shutdown.
 *
 * <p>A second {@code Sentry.init} closes the integrations of the instance it replaces while that
 * instance is still the current one, and then closes its client for a restart, flushing with a
 * timeout of 0 ms and shutting its transport down: what was handed to it then would be lost
 * (SDK 8.62.0 and 8.63.0, {@code Sentry.init}, {@code Scopes.close(true)}, {@code SentryClient.close(true)}).
 * So when the integration is closed while Sentry is still enabled, the sink keeps its
 * aggregates, and sends them through the next instance once it is current.
 */
final class SentryLifecycle {
  private final DeliverySink sink;
  // All guarded by this.
  private SentryOptions attachedTo;
  // The options of the instance a Sentry.init is replacing, until the new one is current.
  private SentryOptions replaced;
  private volatile SentrySink boundSink;

  SentryLifecycle(DeliverySink sink) {
    this.sink = sink;
  }

  /** Registers with the Sentry instance now current, once per {@code Sentry.init}. */
  synchronized void attach() {
    if (!Sentry.isEnabled()) {
      return;
    }
    IScopes scopes = Sentry.forkedScopes("metered");
    SentryOptions options = scopes.getOptions();
    if (options == attachedTo || options == replaced) {
      return;
    }
    SentrySink bound = SentrySink.boundTo(scopes);
    options.addIntegration(new FlushBeforeClose(bound));
    attachedTo = options;
    replaced = null;
    boundSink = bound;
  }

  /**
   * Where aggregates go: the scopes of the Sentry instance attached to, which stay open until
   * its client closes, or {@code fallback} before attaching; {@code null} while a
   * {@code Sentry.init} replaces the instance, when they wait for the new one.
   */
  MetricSink aggregateTarget(MetricSink fallback) {
    SentrySink bound = boundSink;
    if (bound != null) {
      return bound;
    }
    synchronized (this) {
      if (replaced == null) {
        return fallback;
      }
    }
    try {
      attach();
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      // The SDK failed us: keep the aggregates, as while the restart is under way.
      RecordingFailures.report("DeliverySink", failure);
      return null;
    }
    return boundSink;
  }

  /** Leaves the instance of {@code bound} as it is replaced; false if it was left already. */
  private synchronized boolean leave(SentrySink bound) {
    if (bound != boundSink) {
      return false;
    }
    replaced = attachedTo;
    attachedTo = null;
    boundSink = null;
    return true;
  }

  private final class FlushBeforeClose implements Integration, Closeable {
    private final SentrySink bound;

    FlushBeforeClose(SentrySink bound) {
      this.bound = bound;
    }

    @Override
    public void register(IScopes scopes, SentryOptions options) {
      // Added after Sentry.init, so never registered; only closed.
    }

    @Override
    public void close() {
      if (bound != boundSink) {
        return; // an instance the sink has left already
      }
      if (Sentry.isEnabled()) {
        // Sentry.close() would have made the current scopes no-ops by now: this is a new
        // Sentry.init closing the instance it replaces.
        if (leave(bound)) {
          sink.sentryRestarting();
        }
      } else {
        sink.sentryClosing(bound);
      }
    }

    @Override
    public String toString() {
      return "Metered: flush aggregates before Sentry closes";
    }
  }
}
