package dev.metered.example.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.api.stub.Latency;
import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.ApiMetrics.Service;
import dev.metered.runtime.testing.RecordedMetric;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Discord and Wolfram|Alpha clients against the stub services over real loopback HTTP: what
 * each answer does to the caller, and the {@code api} event each request records. The tldr client
 * has {@link TldrClientTest}.
 */
class ApiClientsTest extends StubApiFixture {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  ApiClientsTest() {
    super(TIMEOUT);
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
  void sendsTheBotTokenToDiscordWhenGivenOne() throws Exception {
    DiscordClient discord =
        new DiscordClient(
            client(FaultPlan.none(), Service.DISCORD).withHeader("Authorization", "Bot secret"));

    discord.sendMessage(901, "hi");

    assertThat(stub.lastAuthorization()).contains("Bot secret");
  }

  @Test
  void asksWolframForAShortAnswer() throws Exception {
    WolframClient wolfram = new WolframClient(client(FaultPlan.none(), Service.WOLFRAM), "app id");

    assertThat(wolfram.shortAnswer("meaning of life?")).isEqualTo("42");
    assertThat(sink.recorded(ApiMetrics.CALL_COUNT).get(0).attributeMap())
        .containsEntry("endpoint", "/v1/result")
        .containsEntry("service", "wolfram");
  }

  private ApiClient client(FaultPlan faults, Service service) throws Exception {
    return client(faults, Latency.none(), service);
  }
}
