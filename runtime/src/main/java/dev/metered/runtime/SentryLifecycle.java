package dev.metered.runtime;

import io.sentry.IScopes;
import io.sentry.Integration;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.io.Closeable;

/**
 * Ties a {@link DeliverySink} to the life of the Sentry SDK, so that aggregates are sent before
 * Sentry stops taking data.
 *
 * <p>{@code Sentry.close()} swaps the current scopes for no-ops first and then closes the
 * integrations, before the client. So the sink registers an integration whose
 * {@code close()} flushes the aggregates through scopes captured while Sentry was open. Sentry's
 * own JVM shutdown hook only flushes the SDK and closes nothing; the sink's own hook therefore
 * still reaches an open client at JVM shutdown.
 */
final class SentryLifecycle {
  private final DeliverySink sink;
  private SentryOptions attachedTo;
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
    if (options == attachedTo) {
      return;
    }
    SentrySink bound = SentrySink.boundTo(scopes);
    options.addIntegration(new FlushBeforeClose(bound));
    attachedTo = options;
    boundSink = bound;
  }

  /**
   * Where aggregates go: the scopes of the Sentry instance attached to, which stay open until
   * its client closes, or {@code fallback} before attaching.
   */
  MetricSink aggregateTarget(MetricSink fallback) {
    SentrySink bound = boundSink;
    return bound != null ? bound : fallback;
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
      sink.sentryClosing(bound);
    }

    @Override
    public String toString() {
      return "Metered: flush aggregates before Sentry closes";
    }
  }
}
