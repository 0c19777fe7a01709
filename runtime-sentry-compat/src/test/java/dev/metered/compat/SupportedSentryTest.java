package dev.metered.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import io.sentry.SentryMetricsEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With a supported Sentry SDK (the build runs it with the oldest and the newest): a generated
 * wrapper's data points reach a loopback Sentry through the SDK's real HTTP transport, and the
 * runtime logs no warning about the SDK. The runtime's own end-to-end tests run beside it.
 */
class SupportedSentryTest {
  private static final RuntimeLog LOG = RuntimeLog.install();
  private SentryReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver = SentryReceiver.start();
    Sentry.init(receiver::configure);
  }

  @AfterEach
  void stop() {
    Sentry.close();
    receiver.close();
    MeteredRuntime.configure(MeteredOptions.defaults());
  }

  @Test
  void theSdkOnTheClassPathIsTheOneUnderTest() {
    assertThat(SdkVersion.onClassPath()).isEqualTo(SdkVersion.expected()).isNotNull();
  }

  @Test
  void aGeneratedWrappersDataPointsArriveThroughTheSdk() throws InterruptedException {
    Greeter greeter = new Greeter_Metered();
    for (int i = 0; i < 10; i++) {
      assertThat(greeter.greet("you")).isEqualTo("hello you");
    }
    assertThatThrownBy(greeter::refuse).isInstanceOf(IllegalStateException.class);
    MeteredRuntime.close();

    List<SentryMetricsEvent> received = receiver.awaitMetrics(22, Duration.ofSeconds(20));
    double usage = received.stream().filter(event -> event.getName().equals("compat.command.usage"))
        .mapToDouble(SentryMetricsEvent::getValue).sum();
    assertThat(usage).isEqualTo(11.0);
    receiver.assertNoDecodingErrors();
    assertThat(LOG.warnings()).noneMatch(warning -> warning.contains("io.sentry:sentry"));
  }

  /** 8.30.0 honours the SDK's metrics switch itself, 8.62.0 and later do not: Metered does in both. */
  @Test
  void aGeneratedWrapperSendsNothingWithTheSdksMetricsSwitchOff() throws InterruptedException {
    Sentry.close();
    Sentry.init(options -> {
      receiver.configure(options);
      options.getMetrics().setEnabled(false);
    });
    Greeter greeter = new Greeter_Metered();
    assertThat(greeter.greet("you")).isEqualTo("hello you");
    MeteredRuntime.close();

    // An error event after the recording: once it arrives, any metric handed over before it has.
    Sentry.captureMessage("marker");
    Sentry.flush(20_000);
    receiver.awaitItems("event", 1, Duration.ofSeconds(20));
    assertThat(receiver.metrics()).isEmpty();
    assertThat(MeteredRuntime.stats().sentPoints()).isZero();
  }
}
