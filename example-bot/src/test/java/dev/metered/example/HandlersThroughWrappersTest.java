package dev.metered.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running bot, whose cogs, cog operations and tasks are created as their generated {@code
 * _Metered} wrappers: what the wrappers record for gateway input, and for a cog that cannot load.
 */
class HandlersThroughWrappersTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * No faults; no Wolfram app id, so the wolfram cog fails to load; no cleanup or status run to
   * wait for.
   */
  private static final BotConfig CONFIG =
      BotConfig.builder()
          .stubStall(Duration.ofSeconds(2))
          .apiTimeout(Duration.ofSeconds(1))
          .cleanup(Duration.ofHours(1), 0)
          .statusRotation(Duration.ofHours(1), 0)
          .warmupPages(List.of("tar"))
          .build();

  /** The global sink: where the wrappers record. */
  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void recordToTheSink() {
    MeteredRuntime.setGlobalSink(sink);
  }

  @AfterEach
  void resetTheGlobalSink() {
    MeteredRuntime.resetGlobalSink();
  }

  @Test
  void aCommandsRealCommandTypeReachesItsDataPointThroughTheWrapper() throws Exception {
    try (ExampleBot bot = ExampleBot.start(CONFIG, Recorders.to(new RecordingSink()))) {
      bot.awaitReady(TIMEOUT);

      assertThat(bot.handle(new Message(1, 101, 5, "!ping"))).contains(Reply.ok("Pong!"));
      assertThat(bot.handle(new SlashCommand(1, 101, 5, "ping", List.of())))
          .contains(Reply.ok("Pong!"));
      assertThat(bot.handle(new SlashCommand(1, 101, 5, "info", List.of())))
          .hasValueSatisfying(reply -> assertThat(reply.success()).isTrue());
      assertThat(bot.handle(new Message(1, 101, 5, "!stats")))
          .hasValueSatisfying(reply -> assertThat(reply.success()).isTrue());
      // A failure: the wrapper records it and rethrows; the dispatcher still answers the user.
      assertThat(bot.handle(new Message(1, 101, 5, "!remind")))
          .contains(
              Reply.failed("usage: remind <delay> <message>, for example remind 10m stretch"));
      // Input that is no command records nothing.
      assertThat(bot.handle(new Message(1, 101, 5, "hello everyone"))).isEmpty();
    }

    // Prefix, slash and hybrid commands, each with its own command type; a hybrid command is
    // hybrid whichever way it came in.
    assertThat(sink.recorded(CommandMetrics.USAGE))
        .extracting(
            metric -> metric.attributeMap().get("command"),
            metric -> metric.attributeMap().get("command_type"),
            metric -> metric.attributeMap().get("success"))
        .containsExactly(
            tuple("ping", "hybrid", true),
            tuple("ping", "hybrid", true),
            tuple("info", "slash", true),
            tuple("stats", "prefix", true),
            tuple("remind", "prefix", false));
    assertThat(sink.recorded(CommandMetrics.FAILURES))
        .singleElement()
        .extracting(RecordedMetric::attributeMap)
        .isEqualTo(
            Map.of(
                "command", "remind",
                "command_type", "prefix",
                "success", false,
                "error_type", "IllegalArgumentException"));
    assertThat(sink.recorded(CommandMetrics.EXECUTION_TIME))
        .hasSize(5)
        .allSatisfy(duration -> assertThat(duration.value()).isPositive());
  }

  @Test
  void aCogThatFailsToLoadIsRecordedByTheWrapperAndTheBotRunsOn() throws Exception {
    try (ExampleBot bot = ExampleBot.start(CONFIG, Recorders.to(new RecordingSink()))) {
      bot.awaitReady(TIMEOUT);

      assertThat(bot.failedCogs()).containsOnlyKeys(CogMetrics.Cog.WOLFRAM);
      assertThat(sink.recorded(CogMetrics.FAILURES))
          .singleElement()
          .extracting(RecordedMetric::attributeMap)
          .isEqualTo(
              Map.of(
                  "cog", "wolfram",
                  "operation", "load",
                  "success", false,
                  "error_type", "MissingConfigurationException"));
      // Every load is counted and timed, the failed one included.
      assertThat(sink.recorded(CogMetrics.OPERATION_COUNT)).hasSize(7);
      assertThat(sink.recorded(CogMetrics.OPERATION_DURATION)).hasSize(7);

      // The bot runs on: the other cogs' commands answer, the wolfram command is not offered.
      assertThat(bot.handle(new Message(1, 101, 5, "!ping"))).contains(Reply.ok("Pong!"));
      assertThat(bot.handle(new SlashCommand(1, 101, 5, "wolfram", List.of("2+2")))).isEmpty();
      // And the cog can be tried again: still unconfigured, so another recorded failure.
      assertThat(bot.reloadCog(CogMetrics.Cog.WOLFRAM)).isFalse();
      assertThat(sink.recorded(CogMetrics.FAILURES))
          .extracting(metric -> metric.attributeMap().get("operation"))
          .containsExactly("load", "reload");
    }

    // Shutdown unloads the six loaded cogs, each recorded by the wrapper too.
    assertThat(sink.recorded(CogMetrics.OPERATION_COUNT))
        .filteredOn(metric -> "unload".equals(metric.attributeMap().get("operation")))
        .hasSize(6)
        .allSatisfy(metric -> assertThat(metric.attributeMap()).containsEntry("success", true));
  }
}
