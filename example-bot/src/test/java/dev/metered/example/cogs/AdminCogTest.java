package dev.metered.example.cogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.metered.example.BotConfig;
import dev.metered.example.ExampleBot;
import dev.metered.example.Recorders;
import dev.metered.example.commands.Reply;
import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code reload} command on a running bot: who may run it, and what it records. */
class AdminCogTest {
  private static final long OWNER = 77;

  private final RecordingSink sink = new RecordingSink();
  private ExampleBot bot;

  @BeforeEach
  void startTheBot() throws Exception {
    MeteredRuntime.setGlobalSink(sink);
    bot =
        ExampleBot.start(
            BotConfig.builder()
                .cleanup(Duration.ofHours(1), 0)
                .statusRotation(Duration.ofHours(1), 0)
                .warmupPages(List.of())
                .ownerIds(Set.of(OWNER))
                .build(),
            Recorders.to(new RecordingSink()));
    sink.clear();
  }

  @AfterEach
  void stopTheBot() throws Exception {
    bot.close();
    MeteredRuntime.resetGlobalSink();
  }

  @Test
  void anOwnerReloadsACogWhichIsOneRecordedReload() {
    assertThat(bot.handle(new Message(1, 101, OWNER, "!reload tldr")))
        .contains(Reply.ok("Reloaded the tldr cog."));
    // The reloaded cog serves its command again.
    assertThat(bot.handle(new SlashCommand(1, 101, 5, "ping", List.of()))).isPresent();

    assertThat(sink.recorded(CogMetrics.OPERATION_COUNT))
        .extracting(RecordedMetric::attributeMap)
        .extracting(map -> map.get("cog"), map -> map.get("operation"), map -> map.get("success"))
        .containsExactly(tuple("tldr", "reload", true));
    assertThat(sink.recorded(CommandMetrics.USAGE))
        .extracting(m -> m.attributeMap().get("command"), m -> m.attributeMap().get("command_type"))
        .containsExactly(tuple("reload", "hybrid"), tuple("ping", "hybrid"));
  }

  @Test
  void someoneElseIsRefusedAndNothingIsReloaded() {
    assertThat(bot.handle(new Message(1, 101, 5, "!reload tldr")))
        .contains(Reply.failed("Only the bot's owners may reload cogs."));

    assertThat(sink.recorded(CogMetrics.OPERATION_COUNT)).isEmpty();
    assertThat(sink.recorded(CommandMetrics.FAILURES))
        .singleElement()
        .satisfies(
            m -> assertThat(m.attributeMap()).containsEntry("error_type", "NotOwnerException"));
  }

  @Test
  void aCogThatFailsToLoadAgainFailsTheCommandAndStaysUnloaded() {
    assertThat(bot.handle(new SlashCommand(1, 101, OWNER, "reload", List.of("wolfram"))))
        .contains(Reply.failed("The wolfram cog failed to load; it stays unloaded."));

    assertThat(sink.recorded(CogMetrics.FAILURES))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.attributeMap())
                    .containsEntry("operation", "reload")
                    .containsEntry("error_type", "MissingConfigurationException"));
    assertThat(bot.handle(new SlashCommand(1, 101, OWNER, "wolfram", List.of("2+2")))).isEmpty();
  }

  @Test
  void anUnknownCogIsTheUsersMistake() {
    assertThat(bot.handle(new Message(1, 101, OWNER, "!reload music")))
        .hasValueSatisfying(
            reply -> {
              assertThat(reply.success()).isFalse();
              assertThat(reply.text()).startsWith("no cog named 'music'; cogs: utility, tldr");
            });
  }
}
