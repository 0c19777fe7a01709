package dev.metered.benchmarks;

import dev.metered.benchmarks.metrics.MessageMetrics;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.DeliveryStats;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import io.sentry.SentryLogEventAttributeValue;
import io.sentry.SentryMetricsEvent;
import io.sentry.metrics.SentryMetricsParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * Fires one burst of {@code bench.message.received} increments through raw per-call Sentry and
 * through Metered in each delivery mode, each through the real Sentry SDK and its HTTP transport
 * to the runtime's loopback {@link SentryReceiver}, and prints side by side what was recorded,
 * what arrived, and what was lost.
 *
 * <p>Each variant gets a fresh receiver and a fresh {@code Sentry.init}; every thread records the
 * same per-thread sequence of attribute values ({@link MessageChoices}) in every variant, so the
 * expected total of each of the 24 attribute sets is known and checked. After the burst the
 * variant closes as an application should: Metered with {@link MeteredRuntime#close()} (the last
 * aggregates, then a flush of the SDK), then {@code Sentry.close()}; raw Sentry with
 * {@code Sentry.flush} and {@code Sentry.close()}.
 *
 * <p>Usage: {@code java -cp benchmarks/target/metered-benchmarks.jar dev.metered.benchmarks.LossRun
 * [threads [increments-per-thread]]}, 2 threads of 500,000 by default. Exits with status 1 when
 * {@code aggregate} or {@code auto} lost a count, or a series' total differs.
 */
public final class LossRun {
  private static final String NAME = MessageMetrics.RECEIVED;
  /** How long the receiver must stay quiet after Sentry closed before the count is taken. */
  private static final long QUIET_MILLIS = 1_000;
  private static final long SETTLE_LIMIT_MILLIS = 20_000;

  private LossRun() {}

  /** What one variant recorded and what arrived. */
  private record Outcome(
      String variant,
      DeliveryMode mode,
      long recorded,
      double delivered,
      int pointsReceived,
      int exactSeries,
      long burstNanos,
      long flushNanos,
      long sentryCloseNanos,
      DeliveryStats stats) {

    long lost() {
      return recorded - Math.round(delivered);
    }
  }

  /** Runs the burst through every variant and prints the table; exits 1 when the target is missed. */
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
    System.exit(run(threads, perThread) ? 0 : 1);
  }

  /**
   * Runs the burst of {@code perThread} increments on each of {@code threads} threads through
   * every variant and prints the table.
   *
   * @return whether {@code aggregate} and {@code auto} delivered every count, each attribute
   *     set's total exact
   */
  public static boolean run(int threads, int perThread) throws Exception {
    MessageChoices[] choices = new MessageChoices[threads];
    for (int t = 0; t < threads; t++) {
      choices[t] = new MessageChoices(20261125 + t);
    }
    long[] expected = expectedPerSeries(choices, perThread);

    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(raw(choices, perThread, expected));
    for (DeliveryMode mode : DeliveryMode.values()) {
      outcomes.add(metered(mode, choices, perThread, expected));
    }
    print(threads, perThread, outcomes);

    boolean met = outcomes.stream()
        .filter(o -> o.mode() == DeliveryMode.AGGREGATE || o.mode() == DeliveryMode.AUTO)
        .allMatch(o -> o.lost() == 0 && o.exactSeries() == MessageChoices.COMBINATIONS);
    System.out.println();
    System.out.println("Target (0 counts lost in aggregate and auto, every series exact): "
        + (met ? "met" : "NOT MET"));
    return met;
  }

  private static Outcome raw(MessageChoices[] choices, int perThread, long[] expected)
      throws Exception {
    SentryMetricsParameters[] parameters = MessageChoices.sentryParameters();
    try (SentryReceiver receiver = SentryReceiver.start()) {
      LoopbackSentry.initSentry(receiver.dsn());
      long burst = burst(choices, perThread, thread -> {
        MessageChoices mine = choices[thread];
        int i = mine.next();
        Sentry.metrics().count(NAME, 1.0, null, parameters[mine.combination[i]]);
      });
      long flushStart = System.nanoTime();
      Sentry.flush(10_000);
      long closeStart = System.nanoTime();
      Sentry.close();
      long[] close = {closeStart - flushStart, System.nanoTime() - closeStart};
      return received("raw Sentry, per call", null, receiver, choices, perThread, expected, burst, close, null);
    }
  }

  private static Outcome metered(
      DeliveryMode mode, MessageChoices[] choices, int perThread, long[] expected) throws Exception {
    try (SentryReceiver receiver = SentryReceiver.start()) {
      LoopbackSentry.initSentry(receiver.dsn());
      DeliverySink sink = MeteredRuntime.configure(MeteredOptions.builder().delivery("message", mode).build());
      MessageMetrics recorder = MessageMetrics.global();
      long burst = burst(choices, perThread, thread -> {
        MessageChoices mine = choices[thread];
        int i = mine.next();
        recorder.record(mine.kind[i], mine.channel[i], mine.fromBot[i]);
      });
      long flushStart = System.nanoTime();
      MeteredRuntime.close();
      long closeStart = System.nanoTime();
      Sentry.close();
      long[] close = {closeStart - flushStart, System.nanoTime() - closeStart};
      return received("Metered " + mode.keyword(), mode, receiver, choices, perThread, expected, burst,
          close, sink.stats());
    }
  }

  /** Runs {@code call} {@code perThread} times on each thread, all starting together; returns the wall time. */
  private static long burst(MessageChoices[] choices, int perThread, IntConsumer call)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[choices.length];
    for (int t = 0; t < threads.length; t++) {
      int thread = t;
      threads[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException interrupted) {
          return;
        }
        for (int n = 0; n < perThread; n++) {
          call.accept(thread);
        }
      }, "burst-" + t);
      threads[t].start();
    }
    rewind(choices);
    long begin = System.nanoTime();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    return System.nanoTime() - begin;
  }

  /** Starts every sequence from its first position, so each variant records the same values. */
  private static void rewind(MessageChoices[] choices) {
    for (MessageChoices sequence : choices) {
      while (sequence.next() != MessageChoices.LENGTH - 1) {
        // Advance to the end of the sequence; the next call starts it again.
      }
    }
  }

  private static long[] expectedPerSeries(MessageChoices[] choices, int perThread) {
    long[] expected = new long[MessageChoices.COMBINATIONS];
    for (MessageChoices sequence : choices) {
      for (int n = 0; n < perThread; n++) {
        expected[sequence.combination[n % MessageChoices.LENGTH]]++;
      }
    }
    return expected;
  }

  private static Outcome received(String variant, DeliveryMode mode, SentryReceiver receiver, MessageChoices[] choices,
      int perThread, long[] expected, long burst, long[] close, DeliveryStats stats)
      throws InterruptedException {
    List<SentryMetricsEvent> events = settled(receiver);
    double[] perSeries = new double[MessageChoices.COMBINATIONS];
    double delivered = 0;
    int points = 0;
    for (SentryMetricsEvent event : events) {
      if (!NAME.equals(event.getName())) {
        continue;
      }
      points++;
      delivered += event.getValue();
      perSeries[seriesOf(event.getAttributes())] += event.getValue();
    }
    int exact = 0;
    for (int c = 0; c < perSeries.length; c++) {
      if (perSeries[c] == expected[c]) {
        exact++;
      }
    }
    return new Outcome(variant, mode, (long) choices.length * perThread, delivered, points, exact, burst,
        close[0], close[1], stats);
  }

  /** Every metric the receiver got, once nothing has arrived for {@link #QUIET_MILLIS}. */
  private static List<SentryMetricsEvent> settled(SentryReceiver receiver) throws InterruptedException {
    long deadline = System.currentTimeMillis() + SETTLE_LIMIT_MILLIS;
    int envelopes = receiver.envelopeCount();
    long quietSince = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline
        && System.currentTimeMillis() - quietSince < QUIET_MILLIS) {
      Thread.sleep(100);
      int now = receiver.envelopeCount();
      if (now != envelopes) {
        envelopes = now;
        quietSince = System.currentTimeMillis();
      }
    }
    return receiver.metrics();
  }

  private static int seriesOf(Map<String, SentryLogEventAttributeValue> attributes) {
    String kind = String.valueOf(attributes.get("kind").getValue());
    String channel = String.valueOf(attributes.get("channel").getValue());
    boolean fromBot = Boolean.parseBoolean(String.valueOf(attributes.get("from_bot").getValue()));
    return MessageChoices.combination(
        MessageMetrics.Kind.fromWireValue(kind).orElseThrow(),
        MessageMetrics.Channel.fromWireValue(channel).orElseThrow(),
        fromBot);
  }

  private static void print(int threads, int perThread, List<Outcome> outcomes) {
    System.out.printf(Locale.ROOT, "%nLoss run: %d threads x %,d increments of %s (%d attribute sets),"
        + " real Sentry SDK %s to a loopback receiver%n%n", threads, perThread, NAME,
        MessageChoices.COMBINATIONS, io.sentry.BuildConfig.VERSION_NAME);
    StringBuilder header = new StringBuilder("| |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Outcome outcome : outcomes) {
      header.append(' ').append(outcome.variant()).append(" |");
      rule.append("---:|");
    }
    System.out.println(header);
    System.out.println(rule);
    row("recorded", outcomes, o -> count(o.recorded()));
    row("delivered (sum of the counter values received)", outcomes, o -> count(Math.round(o.delivered())));
    row("lost", outcomes, o -> count(o.lost()));
    row("lost, share", outcomes, o -> String.format(Locale.ROOT, "%.2f%%", 100.0 * o.lost() / o.recorded()));
    row("data points handed to the SDK", outcomes,
        o -> count(o.stats() == null ? o.recorded() : o.stats().sentPoints()));
    row("data points received", outcomes, o -> count(o.pointsReceived()));
    row("attribute sets with the exact total", outcomes,
        o -> o.exactSeries() + " of " + MessageChoices.COMBINATIONS);
    row("burst wall time", outcomes, o -> millis(o.burstNanos()));
    row("recording, per call and thread", outcomes, o -> String.format(Locale.ROOT, "%,.0f ns",
        (double) o.burstNanos() * threads / o.recorded()));
    row("`Sentry.flush` (raw) or `MeteredRuntime.close()`", outcomes, o -> millis(o.flushNanos()));
    row("`Sentry.close()` after it", outcomes, o -> millis(o.sentryCloseNanos()));
    row("DeliveryStats: points sent one per call", outcomes, o -> stat(o, DeliveryStats::eventPoints));
    row("DeliveryStats: points sent from aggregates", outcomes, o -> stat(o, DeliveryStats::aggregatedPoints));
    row("DeliveryStats: sampled, sampled away, dropped", outcomes, o -> o.stats() == null ? "-"
        : o.stats().sampledPoints() + ", " + o.stats().sampledAway() + ", " + o.stats().dropped());
  }

  private static void row(String label, List<Outcome> outcomes, java.util.function.Function<Outcome, String> cell) {
    StringBuilder line = new StringBuilder("| ").append(label).append(" |");
    for (Outcome outcome : outcomes) {
      line.append(' ').append(cell.apply(outcome)).append(" |");
    }
    System.out.println(line);
  }

  private static String stat(Outcome outcome, java.util.function.ToLongFunction<DeliveryStats> value) {
    return outcome.stats() == null ? "-" : count(value.applyAsLong(outcome.stats()));
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%,d ms", nanos / 1_000_000);
  }

  private static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
