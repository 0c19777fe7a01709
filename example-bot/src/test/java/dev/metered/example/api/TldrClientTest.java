package dev.metered.example.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.metered.example.api.stub.Fault;
import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.api.stub.Latency;
import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.ApiMetrics.Service;
import dev.metered.runtime.testing.RecordedMetric;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The tldr-pages client on {@code java.net.http.HttpClient} against the stub on 127.0.0.1, over
 * real HTTP: each kind of answer (200, 404, 429, 5xx, no answer in time), what it means for the
 * caller, and the {@code api} event it records.
 */
class TldrClientTest extends StubApiFixture {
  private static final Duration TIMEOUT = Duration.ofMillis(400);

  TldrClientTest() {
    super(TIMEOUT);
  }

  @Test
  void ok200ReturnsTheMarkdownPageAndRecordsASuccessfulCall() throws Exception {
    TldrClient tldr = client(FaultPlan.none(), Latency.none());

    assertThat(tldr.fetchPage("common", "tar"))
        .hasValueSatisfying(
            page ->
                assertThat(page)
                    .startsWith("# tar\n\n> Archiving utility.")
                    .contains("\n- ", "\n`tar ", "{{path/to/"));
    assertThat(tldr.fetchPage("linux", "apt"))
        .hasValueSatisfying(p -> assertThat(p).startsWith("# apt"));

    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(
            ApiMetrics.CALL_DURATION,
            ApiMetrics.CALL_COUNT,
            ApiMetrics.CALL_DURATION,
            ApiMetrics.CALL_COUNT);
    assertThat(sink.recorded(ApiMetrics.CALL_COUNT).get(0).attributeMap())
        .isEqualTo(
            attributes(
                "service",
                "tldr",
                "endpoint",
                TldrClient.PAGE_ENDPOINT,
                "method",
                "GET",
                "success",
                true,
                "rate_limited",
                false,
                "status_code",
                200L));
  }

  @Test
  void notFound404IsAnEmptyAnswerButAFailedCall() throws Exception {
    assertThat(client(FaultPlan.none(), Latency.none()).fetchPage("common", "no-such-tool"))
        .isEmpty();

    assertThat(sink.recorded(ApiMetrics.FAILURES))
        .singleElement()
        .satisfies(
            failure ->
                assertThat(failure.attributeMap())
                    .containsEntry("status_code", 404L)
                    .containsEntry("rate_limited", false));
  }

  @Test
  void tooManyRequests429ThrowsItsOwnTypeAndCountsARateLimit() throws Exception {
    TldrClient tldr = client(FaultPlan.scripted(Fault.RATE_LIMITED), Latency.none());

    assertThatThrownBy(() -> tldr.fetchPage("common", "git"))
        .isInstanceOf(RateLimitedException.class)
        .satisfies(e -> assertThat(((ApiException) e).statusCode()).hasValue(429));

    assertThat(sink.recorded(ApiMetrics.RATE_LIMITS))
        .singleElement()
        .extracting(RecordedMetric::attributeMap)
        .isEqualTo(attributes("service", "tldr", "endpoint", TldrClient.PAGE_ENDPOINT));
    assertThat(sink.recorded(ApiMetrics.FAILURES))
        .extracting(
            f -> f.attributeMap().get("status_code"), f -> f.attributeMap().get("rate_limited"))
        .containsExactly(tuple(429L, true));
  }

  @Test
  void serverErrors5xxThrowWithTheirStatusAndAreNoRateLimit() throws Exception {
    TldrClient tldr =
        client(FaultPlan.scripted(Fault.SERVER_ERROR, Fault.INTERNAL_ERROR), Latency.none());

    assertThatThrownBy(() -> tldr.fetchPage("common", "git"))
        .isExactlyInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).statusCode()).hasValue(503));
    assertThatThrownBy(() -> tldr.fetchPage("common", "git"))
        .isExactlyInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).statusCode()).hasValue(500));
    // The third request finds the service well again.
    assertThat(tldr.fetchPage("common", "git")).isPresent();

    assertThat(sink.recorded(ApiMetrics.FAILURES))
        .extracting(
            f -> f.attributeMap().get("status_code"), f -> f.attributeMap().get("rate_limited"))
        .containsExactly(tuple(503L, false), tuple(500L, false));
    assertThat(sink.recorded(ApiMetrics.RATE_LIMITS)).isEmpty();
  }

  @Test
  void aTimeoutThrowsWithoutAStatusAndRecordsTheTimeWaited() throws Exception {
    TldrClient tldr = client(FaultPlan.scripted(Fault.STALL), Latency.none());

    assertThatThrownBy(() -> tldr.fetchPage("common", "ls"))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).statusCode()).isEmpty());

    RecordedMetric failure = sink.recorded(ApiMetrics.FAILURES).get(0);
    assertThat(failure.attributeMap())
        .doesNotContainKey("status_code")
        .containsEntry("success", false);
    assertThat(sink.recorded(ApiMetrics.CALL_DURATION).get(0).value())
        .isGreaterThanOrEqualTo(TIMEOUT.toMillis() * 0.9);
  }

  @Test
  void theStubsLatencyIsWhatTheCallTakes() throws Exception {
    TldrClient tldr = client(FaultPlan.none(), () -> Duration.ofMillis(60));

    assertThat(tldr.fetchPage("common", "curl")).isPresent();

    assertThat(sink.recorded(ApiMetrics.CALL_DURATION).get(0).value()).isGreaterThanOrEqualTo(60);
  }

  @Test
  void seededLatencyHasAMedianNearTheGivenOneAndALongCappedTail() {
    Latency latency = Latency.seeded(42, Duration.ofMillis(40));
    double[] millis = new double[2000];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = latency.next().toNanos() / 1e6;
    }
    java.util.Arrays.sort(millis);

    assertThat(millis[1000]).isBetween(36.0, 44.0);
    assertThat(millis[1980]).isGreaterThan(2 * 40.0);
    assertThat(millis[millis.length - 1]).isLessThanOrEqualTo(8 * 40.0);
  }

  @Test
  void refusesNamesThatCannotBePagesWithoutCalling() throws Exception {
    TldrClient tldr = client(FaultPlan.none(), Latency.none());

    assertThatThrownBy(() -> tldr.fetchPage("common", "../admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tldr.fetchPage("plan9", "ls"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sink.recorded()).isEmpty();
  }

  private TldrClient client(FaultPlan faults, Latency latency) throws Exception {
    return new TldrClient(client(faults, latency, Service.TLDR));
  }
}
