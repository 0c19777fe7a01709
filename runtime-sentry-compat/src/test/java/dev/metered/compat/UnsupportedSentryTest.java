package dev.metered.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.compat.metrics.CommandMetrics;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.SentrySink;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With an initialised Sentry SDK older than 8.30.0, which has no {@code Sentry.metrics()}:
 * recording through a generated wrapper and recorder does nothing, never throws, and the runtime
 * says so once, naming the version it needs. Run with io.sentry:sentry 8.20.0 on the class path.
 */
class UnsupportedSentryTest {
  private static final RuntimeLog LOG = RuntimeLog.install();

  @BeforeAll
  static void initSentry() {
    // Nothing listens there; nothing should be sent anyway.
    Sentry.init(options -> {
      options.setDsn("http://key@127.0.0.1:9/1");
      options.setShutdownTimeoutMillis(100);
    });
  }

  @AfterAll
  static void closeSentry() {
    Sentry.close();
  }

  @Test
  void theSdkOnTheClassPathIsTheUnsupportedOne() {
    assertThat(SdkVersion.onClassPath()).isEqualTo(SdkVersion.expected()).isNotNull();
    assertThat(Sentry.isEnabled()).isTrue();
  }

  @Test
  void recordingDoesNothingLogsOnceAndNeverThrows() {
    long failuresBefore = MeteredRuntime.recordingFailures();
    Greeter greeter = new Greeter_Metered();

    for (int i = 0; i < 1_000; i++) {
      assertThat(greeter.greet("you")).isEqualTo("hello you");
    }
    assertThatThrownBy(greeter::refuse).isInstanceOf(IllegalStateException.class).hasMessage("no");
    CommandMetrics.global().record(CommandMetrics.Command.GREET, true, 1.0);
    DeliverySink another = new DeliverySink(MeteredOptions.defaults());
    new CommandMetrics(another).record(CommandMetrics.Command.GREET, true, 1.0);
    another.close();

    assertThat(SentrySink.instance().isEnabled()).as("never enabled").isFalse();
    assertThat(MeteredRuntime.stats().sentPoints()).isZero();
    assertThat(MeteredRuntime.recordingFailures()).as("nothing was tried, so nothing failed").isEqualTo(failuresBefore);
    assertThat(LOG.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("io.sentry:sentry " + SdkVersion.expected(), "io.sentry:sentry 8.30.0 or later",
            "Recording does nothing"));
  }
}
