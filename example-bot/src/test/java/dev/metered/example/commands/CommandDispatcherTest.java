package dev.metered.example.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.metered.example.cache.MeteredCache;
import dev.metered.example.cogs.InfoCog;
import dev.metered.example.cogs.InfoCog_Metered;
import dev.metered.example.cogs.WolframCog;
import dev.metered.example.cogs.WolframCog_Metered;
import dev.metered.example.db.CommandCount;
import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.db.DatabaseHealth;
import dev.metered.example.db.GuildConfigRepository;
import dev.metered.example.db.TestDatabase;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.example.services.PrefixResolver;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher with real command handlers, created as the bot creates them: as their generated
 * {@code _Metered} wrappers, which record the {@code command} events to the global sink. The {@code
 * info} handler is the one under test; what it reads (the loaded cogs) is in the test's hands.
 */
class CommandDispatcherTest {
  private final RecordingSink sink = new RecordingSink();
  private TestDatabase database;
  private CommandStatsRepository stats;
  private CommandDispatcher dispatcher;

  @BeforeEach
  void setUp() throws Exception {
    MeteredRuntime.setGlobalSink(sink);
    database = TestDatabase.open(new RecordingSink());
    stats = new CommandStatsRepository(database.sql());
    dispatcher = new CommandDispatcher(stats);
  }

  @AfterEach
  void tearDown() throws Exception {
    MeteredRuntime.resetGlobalSink();
    database.close();
  }

  @Test
  void theWrapperRecordsASuccessWithTheInvocationsCommandType() {
    Reply reply = dispatcher.dispatch(info(Set::of), context(CommandType.SLASH));

    assertThat(reply.success()).isTrue();
    assertThat(reply.text()).startsWith("Metered example bot: up ").endsWith(", 0 cogs loaded");
    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(CommandMetrics.EXECUTION_TIME, CommandMetrics.USAGE);
    assertThat(sink.recorded(CommandMetrics.USAGE).get(0).attributeMap())
        .containsExactly(
            entry("command", "info"), entry("command_type", "slash"), entry("success", true));
    assertThat(stats.top(5)).containsExactly(new CommandCount("info", 1, 0));
  }

  @Test
  void theWrapperRecordsAFailureWithTheExceptionsSimpleNameAndTheDispatcherStillReplies() {
    Reply reply =
        dispatcher.dispatch(
            info(
                () -> {
                  throw new java.io.UncheckedIOException(new java.io.IOException("reset"));
                }),
            context(CommandType.HYBRID));

    assertThat(reply.success()).isFalse();
    assertThat(reply.text()).isEqualTo("Something went wrong (UncheckedIOException).");
    Map<String, Object> failure = sink.recorded(CommandMetrics.FAILURES).get(0).attributeMap();
    assertThat(failure)
        .containsExactly(
            entry("command", "info"),
            entry("command_type", "hybrid"),
            entry("success", false),
            entry("error_type", "UncheckedIOException"));
    assertThat(sink.recorded(CommandMetrics.USAGE).get(0).attributeMap()).isEqualTo(failure);
    assertThat(stats.top(5)).containsExactly(new CommandCount("info", 1, 1));
  }

  @Test
  void showsTheUserTheirOwnMistake() {
    WolframCog wolfram = new WolframCog_Metered(Optional.empty());
    RegisteredCommand command =
        new RegisteredCommand(
            CommandSpec.of(Command.WOLFRAM, Registration.HYBRID, "Wolfram."),
            wolfram::wolfram,
            CogMetrics.Cog.WOLFRAM);

    Reply reply = dispatcher.dispatch(command, context(CommandType.PREFIX));

    assertThat(reply).isEqualTo(Reply.failed("usage: wolfram <question>"));
    assertThat(sink.recorded(CommandMetrics.FAILURES).get(0).attributeMap())
        .containsEntry("command", "wolfram")
        .containsEntry("error_type", "IllegalArgumentException");
  }

  @Test
  void theWrapperRecordsAnErrorAndTheDispatcherRethrowsIt() {
    RegisteredCommand overflowing =
        info(
            () -> {
              throw new StackOverflowError();
            });

    assertThatThrownBy(() -> dispatcher.dispatch(overflowing, context(CommandType.SLASH)))
        .isInstanceOf(StackOverflowError.class);
    assertThat(sink.recorded(CommandMetrics.FAILURES).get(0).attributeMap())
        .containsEntry("error_type", "StackOverflowError");
  }

  @Test
  void timesConcurrentInvocationsOfOneWrappedHandlerEachOnItsOwn() throws Exception {
    // Two threads invoke the same wrapped handler of the same instance. The slow invocation starts
    // first and ends last; the fast one runs entirely inside it. With start times keyed by command
    // name (the seed), the fast one would overwrite the slow one's start, and the slow one would be
    // recorded as short.
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch fastDone = new CountDownLatch(1);
    RegisteredCommand info =
        info(
            () -> {
              if (Thread.currentThread().getName().equals("slow-invocation")) {
                slowStarted.countDown();
                try {
                  assertThat(fastDone.await(5, TimeUnit.SECONDS)).isTrue();
                  Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                  throw new IllegalStateException(interrupted);
                }
              }
              return Set.of();
            });
    ExecutorService threads =
        Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "slow-invocation"));
    try {
      Future<Reply> slow =
          threads.submit(() -> dispatcher.dispatch(info, context(CommandType.SLASH)));
      assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100);
      Reply fast = dispatcher.dispatch(info, context(CommandType.SLASH));
      fastDone.countDown();
      assertThat(fast.success()).isTrue();
      assertThat(slow.get(5, TimeUnit.SECONDS).success()).isTrue();
    } finally {
      threads.shutdownNow();
    }

    List<Double> durations =
        sink.recorded(CommandMetrics.EXECUTION_TIME).stream().map(RecordedMetric::value).toList();
    // Recorded in completion order: fast first, then slow.
    assertThat(durations).hasSize(2);
    assertThat(durations.get(0)).isLessThan(100.0);
    assertThat(durations.get(1)).isGreaterThanOrEqualTo(150.0);
  }

  /** The real info command, wrapped, reading the loaded cogs from {@code loadedCogs}. */
  private RegisteredCommand info(Supplier<Set<CogMetrics.Cog>> loadedCogs) {
    PrefixResolver prefixes =
        new PrefixResolver(
            MeteredCache.bounded(
                CacheMetrics.Cache.PREFIX, 10, new CacheMetrics(new RecordingSink())),
            new GuildConfigRepository(database.sql()));
    InfoCog cog =
        new InfoCog_Metered(
            prefixes,
            new DatabaseHealth(database.sql()),
            loadedCogs,
            Clock.systemUTC(),
            Instant.now());
    // As InfoCog.load registers it: a method reference, so the call goes through the wrapper.
    return new RegisteredCommand(
        CommandSpec.of(Command.INFO, Registration.SLASH, "Info."), cog::info, CogMetrics.Cog.INFO);
  }

  private static CommandContext context(CommandType type, String... args) {
    return new CommandContext(1, 101, 7, List.of(args), type);
  }
}
