package dev.metered.example.cli;

import dev.metered.example.config.Settings;
import io.sentry.Sentry;
import java.time.Duration;

/** Starts and stops the Sentry SDK for the bot, when a DSN is set. */
final class SentryConnection {
  /** How long the final flush may take: what Sentry has not received by then is lost. */
  static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

  private SentryConnection() {}

  static void open(Settings settings, String dsn) {
    Sentry.init(
        options -> {
          options.setDsn(dsn);
          options.setEnvironment(settings.sentryEnvironment());
          options.setRelease(settings.sentryRelease());
          options.setShutdownTimeoutMillis(FLUSH_TIMEOUT.toMillis());
          // The bot closes the SDK itself, after its own shutdown has recorded its last data
          // points; the SDK's own hook could run first and drop them.
          options.setEnableShutdownHook(false);
        });
  }

  /** Sends what the SDK still holds, within {@link #FLUSH_TIMEOUT}, and closes it. */
  static void flushAndClose() {
    Sentry.flush(FLUSH_TIMEOUT.toMillis());
    Sentry.close();
  }
}
