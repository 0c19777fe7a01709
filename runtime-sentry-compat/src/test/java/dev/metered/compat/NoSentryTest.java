package dev.metered.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.compat.metrics.CommandMetrics;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.SentrySink;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With no Sentry SDK on the class path at all (an application that excluded it): a generated
 * wrapper and recorder load, record nothing, never throw, and the runtime says so once; an
 * application that sends elsewhere is not warned about Sentry. In this order: the SDK is checked
 * once per JVM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoSentryTest {
  private static final RuntimeLog LOG = RuntimeLog.install();

  @Test
  @Order(1)
  void anotherExporterRecordsAndNothingIsSaidAboutSentry() {
    RecordingSink exporter = new RecordingSink();
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).deliveryForAll(DeliveryMode.EVENT).flushInterval(Duration.ofHours(1)).build());

    new CommandMetrics(sink).record(CommandMetrics.Command.GREET, true, 1.0);
    sink.close();

    assertThat(exporter.recorded("compat.command.usage")).hasSize(1);
    assertThat(LOG.warnings()).as("no Sentry is used, so none is missing").isEmpty();
  }

  @Test
  @Order(2)
  void recordingWithoutAnySdkDoesNothingLogsOnceAndNeverThrows() {
    assertThat(SdkVersion.onClassPath()).as("no SDK on this class path").isNull();
    long failuresBefore = MeteredRuntime.recordingFailures();
    Greeter greeter = new Greeter_Metered();

    for (int i = 0; i < 100; i++) {
      assertThat(greeter.greet("you")).isEqualTo("hello you");
    }
    assertThatThrownBy(greeter::refuse).isInstanceOf(IllegalStateException.class).hasMessage("no");
    CommandMetrics.global().record(CommandMetrics.Command.GREET, true, 1.0);
    MeteredRuntime.close();

    assertThat(SentrySink.instance().isEnabled()).isFalse();
    assertThat(MeteredRuntime.stats().sentPoints()).isZero();
    assertThat(MeteredRuntime.recordingFailures()).isEqualTo(failuresBefore);
    assertThat(LOG.warnings()).singleElement().satisfies(warning -> assertThat(warning)
        .contains("no usable Sentry SDK", "io.sentry:sentry 8.30.0 or later"));
  }
}
