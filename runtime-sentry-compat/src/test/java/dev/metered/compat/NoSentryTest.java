package dev.metered.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.compat.metrics.CommandMetrics;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.RecordingFailures;
import dev.metered.runtime.SentrySink;
import org.junit.jupiter.api.Test;

/**
 * With no Sentry SDK on the class path at all (an application that excluded it): a generated
 * wrapper and recorder load, record nothing, never throw, and the runtime says so once.
 */
class NoSentryTest {
  private static final RuntimeLog LOG = RuntimeLog.install();

  @Test
  void recordingWithoutAnySdkDoesNothingLogsOnceAndNeverThrows() {
    assertThat(SdkVersion.onClassPath()).as("no SDK on this class path").isNull();
    long failuresBefore = RecordingFailures.count();
    Greeter greeter = new Greeter_Metered();

    for (int i = 0; i < 100; i++) {
      assertThat(greeter.greet("you")).isEqualTo("hello you");
    }
    assertThatThrownBy(greeter::refuse).isInstanceOf(IllegalStateException.class).hasMessage("no");
    CommandMetrics.global().record(CommandMetrics.Command.GREET, true, 1.0);
    MeteredRuntime.close();

    assertThat(SentrySink.instance().isEnabled()).isFalse();
    assertThat(MeteredRuntime.stats().sentPoints()).isZero();
    assertThat(RecordingFailures.count()).isEqualTo(failuresBefore);
    assertThat(LOG.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("no usable Sentry SDK", "io.sentry:sentry 8.30.0 or later"));
  }
}
