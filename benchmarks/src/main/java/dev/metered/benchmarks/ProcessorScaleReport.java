package dev.metered.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ProcessorScaleBenchmark} for the two compile-time targets of issue 12 in one run
 * and prints them as the Markdown table {@code docs/benchmarks.md} shows: the example bot
 * compiled by a {@code javac} process per compilation (at most +15% wall time with the processor),
 * and the synthetic project compiled in-process (at most +60%), that one also with its imports on
 * demand, which sets javac's search for not-yet-generated classes apart. Each case also runs the
 * {@link ReplayProcessor}'s floor. {@code full} also compiles the example bot in-process.
 *
 * <p>Usage: {@code java -cp benchmarks/target/metered-benchmarks.jar
 * dev.metered.benchmarks.ProcessorScaleReport [quick|full]}. {@code full} (the default) runs the
 * benchmark's own settings (2 forks of 5 warm-up and 8 measured compilations); {@code quick}
 * runs 1 fork of 3 warm-up and 4 measured compilations, in about 3 minutes on a quiet machine.
 * Each fork's {@code [scale]} lines give the CPU time of the same compilations. The targets are
 * reported, not enforced, since a busy machine can miss them.
 */
public final class ProcessorScaleReport {
  /**
   * Metered's processor, no processor, and the {@link ReplayProcessor}'s floor (Metered's output
   * written with no work, in one round or in Metered's two).
   */
  private static final List<String> VARIANTS =
      List.of("with-processor", "without-processor", "replay-one-round", "replay-two-rounds");

  private ProcessorScaleReport() {}

  /** One measured case: a project compiled one way, with its target. */
  private record Case(String project, String javac, String imports, String target, double maxAdded) {}

  /** One variant's wall time. */
  private record Score(double ms, double error) {}

  public static void main(String[] args) throws Exception {
    boolean quick = args.length > 0 && args[0].equals("quick");
    List<Case> cases = new ArrayList<>(List.of(
        new Case("example-bot", "one-shot", "single-type", "at most +15%", 0.15),
        new Case("synthetic", "in-process", "single-type", "at most +60%", 0.60),
        // The same with the recorders' package imported on demand: javac's search for classes
        // that do not exist yet set apart.
        new Case("synthetic", "in-process", "on-demand", "none (javac's import search set apart)", Double.NaN)));
    if (!quick) {
      cases.add(new Case("example-bot", "in-process", "single-type", "none (reference)", Double.NaN));
    }
    List<String> rows = new ArrayList<>();
    for (Case c : cases) {
      Map<String, Score> scores = new HashMap<>();
      for (RunResult result : run(options(quick, c))) {
        Result<?> time = result.getPrimaryResult();
        scores.put(result.getParams().getParam("variant"), new Score(time.getScore(), time.getScoreError()));
      }
      if (!scores.keySet().containsAll(VARIANTS)) {
        throw new IllegalStateException("no result for every variant of " + c + ": " + scores.keySet());
      }
      Score without = scores.get("without-processor");
      Score with = scores.get("with-processor");
      double added = with.ms() / without.ms() - 1;
      String verdict = Double.isNaN(c.maxAdded()) ? "" : added <= c.maxAdded() ? " (met)" : " (**not met**)";
      rows.add(String.format(Locale.ROOT,
          "| %s | %s | %s | %,.0f ± %,.0f ms | %,.0f ± %,.0f ms | **%+.0f%%** | %s%s | %+.0f%% | %+.0f%% | %+.0f%% |",
          c.project(), c.javac(), c.imports(), without.ms(), without.error(), with.ms(), with.error(), added * 100, c.target(),
          verdict, added(scores.get("replay-one-round"), without), added(scores.get("replay-two-rounds"), without),
          added(with, scores.get("replay-one-round"))));
    }
    System.out.println();
    System.out.println("## What the processor adds to a compilation (" + (quick ? "quick" : "full") + " run)");
    System.out.println();
    System.out.println("| project | javac | imports | without the processor | with it | added wall time | target"
        + " | the floor: replayed in 1 round | replayed in 2 rounds | Metered over the 1-round floor |");
    System.out.println("|---|---|---|---:|---:|---:|---|---:|---:|---:|");
    rows.forEach(System.out::println);
  }

  private static double added(Score score, Score without) {
    return (score.ms() / without.ms() - 1) * 100;
  }

  private static ChainedOptionsBuilder options(boolean quick, Case c) {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(ProcessorScaleBenchmark.class.getName() + ".compile")
        .param("project", c.project())
        .param("javac", c.javac())
        .param("imports", c.imports())
        .param("variant", VARIANTS.toArray(String[]::new));
    if (quick) {
      options.forks(1).warmupIterations(3).measurementIterations(4);
    }
    return options;
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder options) throws Exception {
    return new Runner(options.build()).run();
  }
}
