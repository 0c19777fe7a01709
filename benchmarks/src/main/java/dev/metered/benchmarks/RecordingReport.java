package dev.metered.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CounterRecordingBenchmark} with 1 and 2 threads and {@code -prof gc}, then the
 * {@link LossRun}, and prints the results as Markdown tables with the targets of issue 5 computed
 * from this one run: the tables {@code docs/benchmarks.md} shows.
 *
 * <p>Usage: {@code java -cp benchmarks/target/metered-benchmarks.jar
 * dev.metered.benchmarks.RecordingReport [quick|full]}. {@code full} (the default) runs the
 * benchmarks' own settings (2 forks of 8 warm-up and 5 measured iterations of 1 s), adds
 * {@link AggregatePathBenchmark} and the Sentry rows again with the SDK's queue discarding
 * ({@code -p sdkQueue=discarding}), about 16 minutes in all; {@code quick} runs 1 fork of 4
 * warm-up and 3 measured iterations of the main rows only, which finishes in under 4 minutes
 * with the loss run. Exits 1 when the loss run misses its target; the speed targets are
 * reported, not enforced, since a busy machine can miss them.
 */
public final class RecordingReport {
  private static final String ALLOCATION = "gc.alloc.rate.norm";

  /** The variants in the order of the main tables, with what each row is called there. */
  private static final Map<String, String> LABELS = new LinkedHashMap<>();
  /** The rows of {@link AggregatePathBenchmark}, from the store up to the whole path. */
  private static final Map<String, String> DIAGNOSIS = new LinkedHashMap<>();
  /** The variants that reach Sentry, measured again with the SDK's queue discarding. */
  private static final String EVENT_ROWS =
      "CounterRecordingBenchmark\\.(sentryHashMapPerCall|sentryPrebuiltParameters|meteredEvent)$";

  static {
    LABELS.put("sentryHashMapPerCall", "Sentry by hand: `HashMap` per call (the seed's style)");
    LABELS.put("sentryPrebuiltParameters", "Sentry by hand: parameters built once per attribute set");
    LABELS.put("meteredEvent", "**Metered, `event`**");
    LABELS.put("meteredAggregate", "**Metered, `aggregate`**");
    LABELS.put("micrometerRegistered", "Micrometer: counters registered up front");
    LABELS.put("micrometerBuilderPerCall", "Micrometer: `Counter.builder(..).tags(..).register(..)` per call");
    LABELS.put("openTelemetryPrebuiltAttributes", "OpenTelemetry: attributes built once per attribute set");
    LABELS.put("openTelemetryAttributesPerCall", "OpenTelemetry: `Attributes.of(..)` per call");
    LABELS.put("longAdder", "`LongAdder.increment()` (the floor)");
    LABELS.put("longAdderPerAttributeSet", "a `LongAdder` per attribute set (reference)");

    DIAGNOSIS.put("doubleAdderPerAttributeSet", "1. a `DoubleAdder` per attribute set, chosen by the set's number: the store");
    DIAGNOSIS.put("seriesNumberToAdder", "2. the same, the number computed from the ordinals as generated code does");
    DIAGNOSIS.put("recorderOnMinimalSink", "3. the generated recorder on a sink that only adds to the `DoubleAdder` at the series number");
    DIAGNOSIS.put("deliverySink", "4. `DeliverySink.record(table, number, 1)` called directly, the number computed as in 2: its striped sums instead of the adders");
    DIAGNOSIS.put("recorderOnDeliverySink", "5. the generated recorder on the `DeliverySink` (`new MessageMetrics(sink)`)");
    DIAGNOSIS.put("meteredAggregate", "6. the generated recorder on the global sink (`MessageMetrics.global()`): Metered, `aggregate`");
  }

  private RecordingReport() {}

  /** One benchmark's time and allocation per operation, with their errors. */
  private record Score(double time, double timeError, double bytes, double bytesError) {}

  /** Runs everything and prints the report. */
  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("quick");
    double loadBefore = loadAverage();
    Map<Integer, Map<String, Score>> byThreads = new TreeMap<>();
    Map<Integer, Map<String, Score>> beforeQueue = new TreeMap<>();
    for (int threads : new int[] {1, 2}) {
      byThreads.put(threads, run(options(quick, threads)
          .include(quick ? "CounterRecordingBenchmark" : "(CounterRecordingBenchmark|AggregatePathBenchmark)")));
      if (!quick) {
        beforeQueue.put(threads, run(options(false, threads)
            .include(EVENT_ROWS)
            .param("sdkQueue", "discarding")));
      }
    }
    double loadAfter = loadAverage();

    System.out.println();
    System.out.println("## Recording one counter increment (" + (quick ? "quick" : "full") + " run)");
    for (Map.Entry<Integer, Map<String, Score>> entry : byThreads.entrySet()) {
      printScores(entry.getKey() + " thread" + (entry.getKey() == 1 ? "" : "s"), LABELS, entry.getValue());
    }
    for (Map.Entry<Integer, Map<String, Score>> entry : beforeQueue.entrySet()) {
      printScores(entry.getKey() + " thread" + (entry.getKey() == 1 ? "" : "s")
          + ", the SDK's queue discarding every point", LABELS, entry.getValue());
    }
    if (!quick) {
      for (Map.Entry<Integer, Map<String, Score>> entry : byThreads.entrySet()) {
        printScores("Where the time of an `aggregate` increment goes, " + entry.getKey() + " thread"
            + (entry.getKey() == 1 ? "" : "s"), DIAGNOSIS, entry.getValue());
      }
    }
    printTargets(byThreads, beforeQueue);
    System.out.printf(Locale.ROOT, "%nLoad average (1 min) before the run %.2f, after it %.2f, on %d cores.%n",
        loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());

    boolean lossMet = LossRun.run(2, 500_000);
    System.exit(lossMet ? 0 : 1);
  }

  /** JMH options for one pass: the benchmarks' own settings, or the quick ones; always -prof gc. */
  private static ChainedOptionsBuilder options(boolean quick, int threads) {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .threads(threads)
        .addProfiler(GCProfiler.class);
    if (quick) {
      options.forks(1)
          .warmupIterations(4).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }
    return options;
  }

  private static Map<String, Score> run(ChainedOptionsBuilder options) throws Exception {
    return scores(new Runner(options.build()).run());
  }

  private static Map<String, Score> scores(Collection<RunResult> results) {
    Map<String, Score> scores = new LinkedHashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      Result<?> time = result.getPrimaryResult();
      Result<?> bytes = result.getSecondaryResults().get(ALLOCATION);
      scores.put(method, new Score(time.getScore(), time.getScoreError(),
          bytes == null ? Double.NaN : bytes.getScore(), bytes == null ? Double.NaN : bytes.getScoreError()));
    }
    return scores;
  }

  private static void printScores(String title, Map<String, String> labels, Map<String, Score> scores) {
    Score floor = scores.get("longAdder");
    System.out.printf(Locale.ROOT, "%n### %s%n%n", title);
    System.out.println("| how the increment is recorded | time | allocated |"
        + (floor == null ? "" : " time / `LongAdder` |"));
    System.out.println("|---|---:|---:|" + (floor == null ? "" : "---:|"));
    for (Map.Entry<String, String> variant : labels.entrySet()) {
      Score score = scores.get(variant.getKey());
      if (score == null) {
        continue;
      }
      System.out.printf(Locale.ROOT, "| %s | %s ± %s ns/op | %s B/op |%s%n", variant.getValue(),
          number(score.time()), number(score.timeError()), bytes(score.bytes()),
          floor == null ? "" : String.format(Locale.ROOT, " %.1f× |", score.time() / floor.time()));
    }
  }

  private static void printTargets(Map<Integer, Map<String, Score>> byThreads,
      Map<Integer, Map<String, Score>> beforeQueue) {
    List<String[]> rows = new ArrayList<>();
    rows.add(target("`aggregate` time / `LongAdder.increment()`: at most 2", byThreads,
        s -> ratio(s, "meteredAggregate", "longAdder"),
        s -> s.get("meteredAggregate").time() <= 2 * s.get("longAdder").time()));
    rows.add(target("`aggregate` allocation: 0 B/op", byThreads,
        s -> bytes(s.get("meteredAggregate").bytes()) + " B/op",
        s -> s.get("meteredAggregate").bytes() < 0.5));
    rows.add(target("Micrometer per-call tags time / `aggregate` time: at least 5", byThreads,
        s -> ratio(s, "micrometerBuilderPerCall", "meteredAggregate"),
        s -> s.get("micrometerBuilderPerCall").time() >= 5 * s.get("meteredAggregate").time()));
    rows.add(target("OpenTelemetry per-call attributes time / `aggregate` time: at least 5", byThreads,
        s -> ratio(s, "openTelemetryAttributesPerCall", "meteredAggregate"),
        s -> s.get("openTelemetryAttributesPerCall").time() >= 5 * s.get("meteredAggregate").time()));
    rows.addAll(eventTargets("", byThreads));
    if (!beforeQueue.isEmpty()) {
      rows.addAll(eventTargets(", SDK queue discarding", beforeQueue));
    }

    System.out.println();
    System.out.println("### Targets, from this run");
    System.out.println();
    StringBuilder header = new StringBuilder("| target |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int threads : byThreads.keySet()) {
      header.append(' ').append(threads).append(threads == 1 ? " thread |" : " threads |");
      rule.append("---|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (String[] row : rows) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
  }

  private static List<String[]> eventTargets(String how, Map<Integer, Map<String, Score>> byThreads) {
    List<String[]> rows = new ArrayList<>();
    rows.add(target("`event` time no more than pre-built Sentry parameters' (within the error)" + how, byThreads,
        s -> ratio(s, "meteredEvent", "sentryPrebuiltParameters"),
        s -> low(s.get("meteredEvent").time(), s.get("meteredEvent").timeError())
            <= high(s.get("sentryPrebuiltParameters").time(), s.get("sentryPrebuiltParameters").timeError())));
    rows.add(target("`event` allocation no more than pre-built Sentry parameters' (within the error)" + how, byThreads,
        s -> bytes(s.get("meteredEvent").bytes()) + " vs " + bytes(s.get("sentryPrebuiltParameters").bytes()) + " B/op",
        s -> low(s.get("meteredEvent").bytes(), s.get("meteredEvent").bytesError())
            <= high(s.get("sentryPrebuiltParameters").bytes(), s.get("sentryPrebuiltParameters").bytesError())));
    rows.add(target("`event` faster than the `HashMap` call" + how, byThreads,
        s -> ratio(s, "meteredEvent", "sentryHashMapPerCall"),
        s -> s.get("meteredEvent").time() < s.get("sentryHashMapPerCall").time()));
    return rows;
  }

  private static String[] target(String name, Map<Integer, Map<String, Score>> byThreads,
      java.util.function.Function<Map<String, Score>, String> value,
      java.util.function.Predicate<Map<String, Score>> met) {
    List<String> row = new ArrayList<>();
    row.add(name);
    for (Map<String, Score> scores : byThreads.values()) {
      row.add(value.apply(scores) + (met.test(scores) ? ": met" : ": **not met**"));
    }
    return row.toArray(String[]::new);
  }

  private static String ratio(Map<String, Score> scores, String numerator, String denominator) {
    return String.format(Locale.ROOT, "%.2f", scores.get(numerator).time() / scores.get(denominator).time());
  }

  private static double low(double score, double error) {
    return Double.isNaN(error) ? score : score - error;
  }

  private static double high(double score, double error) {
    return Double.isNaN(error) ? score : score + error;
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "?";
    }
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String bytes(double value) {
    // JMH reports an allocation-free loop as a tiny fraction of a byte (e.g. 10^-5).
    return Double.isNaN(value) ? "?" : value < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
