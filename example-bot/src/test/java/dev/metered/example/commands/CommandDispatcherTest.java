package dev.metered.example.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.metered.example.db.CommandCount;
import dev.metered.example.db.CommandStatsRepository;
import dev.metered.example.db.TestDatabase;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandDispatcherTest {
  private final RecordingSink sink = new RecordingSink();
  private TestDatabase database;
  private CommandStatsRepository stats;
  private CommandDispatcher dispatcher;

  @BeforeEach
  void setUp() throws Exception {
    database = TestDatabase.open(new RecordingSink());
    stats = new CommandStatsRepository(database.sql());
    dispatcher = new CommandDispatcher(new CommandMetrics(sink), stats);
  }

  @AfterEach
  void tearDown() throws Exception {
    database.close();
  }

  @Test
  void recordsASuccessWithTheInvocationsCommandType() {
    Reply reply =
        dispatcher.dispatch(command(Command.PING, ctx -> "Pong!"), context(CommandType.SLASH));

    assertThat(reply).isEqualTo(Reply.ok("Pong!"));
    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(CommandMetrics.EXECUTION_TIME, CommandMetrics.USAGE);
    assertThat(sink.recorded(CommandMetrics.USAGE).get(0).attributeMap())
        .containsExactly(
            entry("command", "ping"), entry("command_type", "slash"), entry("success", true));
    assertThat(stats.top(5)).containsExactly(new CommandCount("ping", 1, 0));
  }

  @Test
  void recordsAFailureWithTheExceptionsSimpleName() {
    Reply reply =
        dispatcher.dispatch(
            command(
                Command.TLDR,
                ctx -> {
                  throw new java.io.UncheckedIOException(new java.io.IOException("reset"));
                }),
            context(CommandType.HYBRID));

    assertThat(reply.success()).isFalse();
    assertThat(reply.text()).isEqualTo("Something went wrong (UncheckedIOException).");
    Map<String, Object> failure = sink.recorded(CommandMetrics.FAILURES).get(0).attributeMap();
    assertThat(failure)
        .containsExactly(
            entry("command", "tldr"),
            entry("command_type", "hybrid"),
            entry("success", false),
            entry("error_type", "UncheckedIOException"));
    assertThat(sink.recorded(CommandMetrics.USAGE).get(0).attributeMap()).isEqualTo(failure);
    assertThat(stats.top(5)).containsExactly(new CommandCount("tldr", 1, 1));
  }

  @Test
  void showsTheUserTheirOwnMistake() {
    Reply reply =
        dispatcher.dispatch(
            command(Command.REMIND, ctx -> ctx.requireArg(0, "remind <delay> <message>")),
            context(CommandType.PREFIX));

    assertThat(reply).isEqualTo(Reply.failed("usage: remind <delay> <message>"));
    assertThat(sink.recorded(CommandMetrics.FAILURES).get(0).attributeMap())
        .containsEntry("error_type", "IllegalArgumentException");
  }

  @Test
  void recordsAnErrorAndRethrowsIt() {
    RegisteredCommand overflowing =
        command(
            Command.STATS,
            ctx -> {
              throw new StackOverflowError();
            });

    assertThatThrownBy(() -> dispatcher.dispatch(overflowing, context(CommandType.PREFIX)))
        .isInstanceOf(StackOverflowError.class);
    assertThat(sink.recorded(CommandMetrics.FAILURES).get(0).attributeMap())
        .containsEntry("error_type", "StackOverflowError");
  }

  @Test
  void timesConcurrentInvocationsOfOneCommandEachOnItsOwn() throws Exception {
    // The slow invocation starts first and ends last; the fast one runs entirely inside it.
    // With start times keyed by command name (the seed), the fast one would overwrite the slow
    // one's start, and the slow one would be recorded as short.
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch fastDone = new CountDownLatch(1);
    RegisteredCommand tldr =
        command(
            Command.TLDR,
            ctx -> {
              if (ctx.args().get(0).equals("slow")) {
                slowStarted.countDown();
                assertThat(fastDone.await(5, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(50);
                return "slow";
              }
              return "fast";
            });
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Reply> slow =
          threads.submit(() -> dispatcher.dispatch(tldr, context(CommandType.HYBRID, "slow")));
      assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100);
      dispatcher.dispatch(tldr, context(CommandType.HYBRID, "fast"));
      fastDone.countDown();
      assertThat(slow.get(5, TimeUnit.SECONDS).text()).isEqualTo("slow");
    } finally {
      threads.shutdownNow();
    }

    List<Double> durations =
        sink.recorded(CommandMetrics.EXECUTION_TIME).stream().map(RecordedMetric::value).toList();
    // Recorded in completion order: fast first, then slow.
    assertThat(durations.get(0)).isLessThan(100.0);
    assertThat(durations.get(1)).isGreaterThanOrEqualTo(150.0);
  }

  private static RegisteredCommand command(Command command, CommandHandler handler) {
    return new RegisteredCommand(command, Registration.HYBRID, handler, CogMetrics.Cog.UTILITY);
  }

  private static CommandContext context(CommandType type, String... args) {
    return new CommandContext(1, 101, 7, List.of(args), type);
  }
}
