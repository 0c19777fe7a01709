package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.runtime.internal.RecordingFailures;
import dev.metered.runtime.testing.RecordingSink;
import io.sentry.Sentry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeteredRuntimeTest {
  private static final Metric USAGE = Metric.counter("bot.command.usage", null, null, DeliveryMode.AUTO);

  @AfterEach
  void restore() {
    MeteredRuntime.resetGlobalSink();
  }

  @Test
  void theGlobalSinkFollowsWhatIsSetAfterItWasHandedOut() {
    MetricSink handedOutEarlier = MeteredRuntime.globalSink();
    RecordingSink recording = new RecordingSink();
    MeteredRuntime.setGlobalSink(recording);
    handedOutEarlier.record(USAGE, 1, Attributes.empty());
    assertThat(recording.recorded(USAGE)).hasSize(1);
  }

  @Test
  void theGlobalSinkForwardsASeriesNumberAsGeneratedRecordersSendIt() {
    SeriesTable table = TestValues.table(USAGE);
    RecordingSink recording = new RecordingSink();
    MeteredRuntime.setGlobalSink(recording);

    MeteredRuntime.globalSink().record(table, TestValues.seriesIndex(TestValues.Route.SEARCH, false), 1);

    assertThat(recording.recorded(USAGE)).singleElement()
        .satisfies(point -> assertThat(point.attributeMap())
            .containsEntry("route", "search").containsEntry("success", false));
  }

  @Test
  void theDefaultGlobalSinkIsSentryAndDisabledWhileSentryIsNot() {
    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(MeteredRuntime.globalSink().isEnabled()).isFalse();
    assertThat(SentrySink.instance().isEnabled()).isFalse();
    assertThat(MeteredRuntime.globalSink().toString()).contains("SentrySink");
  }

  @Test
  void recordingToSentryWhileItIsDisabledDoesNothingAndDoesNotThrow() {
    SentrySink.instance().record(USAGE, 1, Attributes.of(Attribute.ofString("command", "ping")));
    assertThat(Sentry.isEnabled()).isFalse();
  }

  @Test
  void nonFiniteValuesAreDroppedBeforeTheSdkAndCounted() {
    long before = MeteredRuntime.recordingFailures();
    SentrySink.instance().record(USAGE, Double.NaN, Attributes.empty());
    SentrySink.instance().record(USAGE, Double.POSITIVE_INFINITY, Attributes.empty());
    assertThat(MeteredRuntime.recordingFailures()).isEqualTo(before + 2);
  }

  @Test
  void anAnonymousExceptionIsNamedAfterItsSuperclass() {
    assertThat(ErrorTypes.of(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
    assertThat(ErrorTypes.of(new IllegalStateException() {})).isEqualTo("IllegalStateException");
  }

  @Test
  void resetReturnsToSentry() {
    RecordingSink recording = new RecordingSink();
    MeteredRuntime.setGlobalSink(recording);
    MeteredRuntime.resetGlobalSink();
    MeteredRuntime.globalSink().record(USAGE, 1, Attributes.empty());
    assertThat(recording.recorded()).isEmpty();
  }

  @Test
  void failuresAreCountedAndNeverThrown() {
    long before = MeteredRuntime.recordingFailures();
    RecordingFailures.report("CommandMetrics", new IllegalStateException("first"));
    RecordingFailures.report("CommandMetrics", new IllegalStateException("second"));
    assertThat(MeteredRuntime.recordingFailures()).isEqualTo(before + 2);
  }

  @Test
  void theRecordingSinkKeepsDataPointsByName() {
    RecordingSink sink = new RecordingSink();
    sink.record(USAGE, 1, Attributes.empty());
    sink.record(Metric.distribution("bot.command.execution_time", "millisecond", null, DeliveryMode.AUTO), 12.5, Attributes.empty());
    assertThat(sink.recorded()).hasSize(2);
    assertThat(sink.recorded("bot.command.execution_time")).singleElement()
        .satisfies(point -> {
          assertThat(point.value()).isEqualTo(12.5);
          assertThat(point.type()).isEqualTo(MetricType.DISTRIBUTION);
          assertThat(point.metric().unit()).isEqualTo("millisecond");
        });
    sink.clear();
    assertThat(sink.recorded()).isEmpty();
  }
}
