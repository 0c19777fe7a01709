package dev.metered.example.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.example.api.stub.Fault;
import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.api.stub.StubApiServer;
import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.ApiMetrics.Service;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP clients against the stub services over real loopback HTTP: what each answer does to the
 * caller, and the {@code api} event each request records.
 */
class ApiClientsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  private final RecordingSink sink = new RecordingSink();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private StubApiServer stub;

  @AfterEach
  void stopStub() {
    if (stub != null) {
      stub.close();
    }
  }

  @Test
  void recordsASuccessfulGetWithItsStatus() throws Exception {
    TldrClient tldr = tldr(FaultPlan.none());

    assertThat(tldr.fetchPage("common", "tar"))
        .hasValueSatisfying(page -> assertThat(page).startsWith("# tar"));

    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(ApiMetrics.CALL_DURATION, ApiMetrics.CALL_COUNT);
    assertThat(sink.recorded(ApiMetrics.CALL_COUNT).get(0).attributeMap())
        .isEqualTo(
            attributes(
                "service",
                "tldr",
                "endpoint",
                "/pages/{platform}/{name}",
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
  void aMissingPageIsAnEmptyAnswerButAFailedCall() throws Exception {
    assertThat(tldr(FaultPlan.none()).fetchPage("linux", "fzf")).isEmpty();

    assertThat(sink.recorded(ApiMetrics.FAILURES))
        .singleElement()
        .satisfies(
            failure -> assertThat(failure.attributeMap()).containsEntry("status_code", 404L));
  }

  @Test
  void recordsARateLimitAndThrowsItsOwnType() throws Exception {
    TldrClient tldr = tldr(FaultPlan.scripted(Fault.RATE_LIMITED, Fault.SERVER_ERROR));

    assertThatThrownBy(() -> tldr.fetchPage("common", "git"))
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> tldr.fetchPage("common", "git"))
        .isExactlyInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).statusCode()).hasValue(503));

    assertThat(sink.recorded(ApiMetrics.RATE_LIMITS))
        .singleElement()
        .satisfies(
            limit ->
                assertThat(limit.attributeMap())
                    .isEqualTo(
                        attributes("service", "tldr", "endpoint", "/pages/{platform}/{name}")));
    assertThat(sink.recorded(ApiMetrics.FAILURES))
        .extracting(
            failure -> failure.attributeMap().get("status_code"),
            failure -> failure.attributeMap().get("rate_limited"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(429L, true),
            org.assertj.core.groups.Tuple.tuple(503L, false));
  }

  @Test
  void recordsATimeoutWithoutAStatusCode() throws Exception {
    TldrClient tldr = tldr(FaultPlan.scripted(Fault.STALL));

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
  void refusesNamesThatCannotBePagesWithoutCalling() throws Exception {
    TldrClient tldr = tldr(FaultPlan.none());

    assertThatThrownBy(() -> tldr.fetchPage("common", "../admin"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tldr.fetchPage("plan9", "ls"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sink.recorded()).isEmpty();
  }

  @Test
  void postsToDiscordAndResendsOnceAfterARateLimit() throws Exception {
    DiscordClient discord = new DiscordClient(client(FaultPlan.none(), Service.DISCORD));

    discord.sendMessage(907, "hello \"there\"");

    assertThat(sink.recorded(ApiMetrics.CALL_COUNT))
        .extracting(RecordedMetric::attributeMap)
        .containsExactly(
            attributes(
                "service",
                "discord",
                "endpoint",
                "/channels/{channel_id}/messages",
                "method",
                "POST",
                "success",
                false,
                "rate_limited",
                true,
                "status_code",
                429L),
            attributes(
                "service",
                "discord",
                "endpoint",
                "/channels/{channel_id}/messages",
                "method",
                "POST",
                "success",
                true,
                "rate_limited",
                false,
                "status_code",
                200L));
  }

  @Test
  void aForbiddenChannelFailsTheMessage() throws Exception {
    DiscordClient discord = new DiscordClient(client(FaultPlan.none(), Service.DISCORD));

    assertThatThrownBy(() -> discord.sendMessage(903, "hi"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("403");
  }

  @Test
  void asksWolframForAShortAnswer() throws Exception {
    WolframClient wolfram = new WolframClient(client(FaultPlan.none(), Service.WOLFRAM), "app id");

    assertThat(wolfram.shortAnswer("meaning of life?")).isEqualTo("42");
    assertThat(sink.recorded(ApiMetrics.CALL_COUNT).get(0).attributeMap())
        .containsEntry("endpoint", "/v1/result")
        .containsEntry("service", "wolfram");
  }

  private TldrClient tldr(FaultPlan faults) throws Exception {
    return new TldrClient(client(faults, Service.TLDR));
  }

  private ApiClient client(FaultPlan faults, Service service) throws Exception {
    stub = StubApiServer.start(faults, TIMEOUT.multipliedBy(3));
    return new ApiClient(http, stub.baseUri(), service, TIMEOUT, new ApiMetrics(sink));
  }

  /** An attribute map in the schema's order, from key-value pairs. */
  private static Map<String, Object> attributes(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
