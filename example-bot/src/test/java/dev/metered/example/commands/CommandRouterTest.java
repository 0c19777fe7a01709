package dev.metered.example.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.cache.MeteredCache;
import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.db.GuildConfigRepository;
import dev.metered.example.db.TestDatabase;
import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.services.PrefixResolver;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandRouterTest {
  private final RecordingSink sink = new RecordingSink();
  private final List<CommandContext> invocations = new ArrayList<>();
  private TestDatabase database;
  private CommandRouter router;

  @BeforeEach
  void setUp() throws Exception {
    database = TestDatabase.open(new RecordingSink());
    PrefixResolver prefixes =
        new PrefixResolver(
            MeteredCache.bounded(CacheMetrics.Cache.PREFIX, 10, new CacheMetrics(sink)),
            new GuildConfigRepository(database.sql()));
    prefixes.setPrefix(2, "?");
    CommandRegistry registry = new CommandRegistry();
    CommandRegistrar registrar = registry.registrarFor(CogMetrics.Cog.UTILITY);
    registrar.register(CommandSpec.of(Command.PING, Registration.HYBRID, "Ping."), this::record);
    registrar.register(CommandSpec.of(Command.INFO, Registration.SLASH, "Info."), this::record);
    registrar.register(
        CommandSpec.of(Command.REMIND, Registration.PREFIX, "Remind."), this::record);
    router =
        new CommandRouter(
            registry, prefixes, new CommandDispatcher(new CommandStatsRepository(database.sql())));
  }

  @AfterEach
  void tearDown() throws Exception {
    database.close();
  }

  @Test
  void routesAMessageWithTheGuildsPrefixAndPassesTheArguments() {
    Optional<Reply> reply = router.onMessage(new Message(2, 201, 5, "?remind 10m  stretch now"));

    assertThat(reply).contains(Reply.ok("ok"));
    assertThat(invocations)
        .singleElement()
        .satisfies(
            context -> {
              assertThat(context.args()).containsExactly("10m", "stretch", "now");
              assertThat(context.type()).isEqualTo(CommandMetrics.CommandType.PREFIX);
              assertThat(context.guildId()).isEqualTo(2);
              assertThat(context.channelId()).isEqualTo(201);
              assertThat(context.userId()).isEqualTo(5);
            });
  }

  @Test
  void usesTheDefaultPrefixForAGuildWithoutOne() {
    assertThat(router.onMessage(new Message(9, 901, 5, "?remind 1s x"))).isEmpty();
    assertThat(router.onMessage(new Message(9, 901, 5, "!REMIND 1s x"))).contains(Reply.ok("ok"));
  }

  @Test
  void reportsAHybridCommandAsHybridWhicheverWayItCame() {
    router.onMessage(new Message(1, 101, 5, "!ping"));
    router.onSlashCommand(new SlashCommand(1, 101, 5, "ping", List.of()));
    router.onSlashCommand(new SlashCommand(1, 101, 5, "info", List.of()));

    // The dispatcher passes the same type as the handler's command_type argument (checked in
    // record); HandlersThroughWrappersTest shows it reaching the recorded data point.
    assertThat(invocations)
        .extracting(CommandContext::type)
        .containsExactly(
            CommandMetrics.CommandType.HYBRID,
            CommandMetrics.CommandType.HYBRID,
            CommandMetrics.CommandType.SLASH);
  }

  @Test
  void ignoresWhatIsNoCommand() {
    assertThat(router.onMessage(new Message(1, 101, 5, "hello everyone"))).isEmpty();
    assertThat(router.onMessage(new Message(1, 101, 5, "!"))).isEmpty();
    assertThat(router.onMessage(new Message(1, 101, 5, "!ban @someone"))).isEmpty();
    // Registered, but not offered this way.
    assertThat(router.onMessage(new Message(1, 101, 5, "!info"))).isEmpty();
    assertThat(router.onSlashCommand(new SlashCommand(1, 101, 5, "remind", List.of()))).isEmpty();
    // Known to the schema, but no loaded cog offers it.
    assertThat(router.onMessage(new Message(1, 101, 5, "!stats"))).isEmpty();

    assertThat(invocations).isEmpty();
  }

  @Test
  void anUnknownCommandNameIsRecordedAsTheFallbackOtherAndCounted() {
    long before = MeteredRuntime.stats().fallbacks();
    try (RecordingSink global = RecordingSink.installGlobally()) {
      assertThat(router.onMessage(new Message(1, 101, 5, "!levels"))).isEmpty();
      assertThat(router.onSlashCommand(new SlashCommand(1, 101, 5, "rank", List.of()))).isEmpty();
      // Typed as it is: no fallback was needed, but it is no command either.
      assertThat(router.onMessage(new Message(1, 101, 5, "!other"))).isEmpty();

      assertThat(global.recorded(CommandMetrics.FAILURES))
          .extracting(RecordedMetric::attributeMap)
          .containsExactly(
              unknownCommand("prefix"), unknownCommand("slash"), unknownCommand("prefix"));
      assertThat(global.recorded(CommandMetrics.USAGE)).hasSize(3);
      assertThat(global.recorded(CommandMetrics.EXECUTION_TIME)).hasSize(3);
    }
    assertThat(MeteredRuntime.stats().fallbacks()).isEqualTo(before + 2);
    assertThat(invocations).isEmpty();
  }

  private static Map<String, Object> unknownCommand(String commandType) {
    return Map.of(
        "command", "other",
        "command_type", commandType,
        "success", false,
        "error_type", "CommandNotFound");
  }

  private String record(CommandContext context, CommandMetrics.CommandType type) {
    assertThat(type).isEqualTo(context.type());
    invocations.add(context);
    return "ok";
  }
}
