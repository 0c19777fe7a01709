package dev.metered.runtime.testing;

import dev.metered.runtime.Attributes;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A sink that keeps every data point in memory, so that tests can assert what their code
 * recorded without Sentry. Thread-safe.
 *
 * <pre>{@code
 * RecordingSink sink = new RecordingSink();
 * CommandMetrics metrics = new CommandMetrics(sink);
 * metrics.record(Command.PING, CommandType.SLASH, true, 12.5);
 * MetricAssertions.assertThat(sink).recorded(CommandMetrics.USAGE).with(Command.PING).once();
 * }</pre>
 *
 * <p>A metric is named by its generated descriptor ({@code CommandMetrics.USAGE_METRIC}) or by
 * its name ({@code CommandMetrics.USAGE}, or the text); a name that no generated recorder
 * declares, and that the sink has not recorded, is refused rather than matching nothing.
 *
 * <p>Code that records through {@code global()} recorders or generated wrappers is tested with
 * {@link #installGlobally()}: {@code try (RecordingSink sink = RecordingSink.installGlobally())
 * { ... }}. Every data point is kept as recorded: there is no aggregation or sampling here.
 */
public final class RecordingSink implements MetricSink, AutoCloseable {
  private final ConcurrentLinkedQueue<RecordedMetric> recorded = new ConcurrentLinkedQueue<>();
  private boolean installed;

  /**
   * A new sink that the global sink forwards to until it is closed; closing it sends to the
   * default sink again.
   */
  public static RecordingSink installGlobally() {
    RecordingSink sink = new RecordingSink();
    sink.installed = true;
    MeteredRuntime.setGlobalSink(sink);
    return sink;
  }

  /** Sends the global sink back to the default sink if {@link #installGlobally()} made this one. */
  @Override
  public void close() {
    if (installed) {
      installed = false;
      MeteredRuntime.resetGlobalSink();
    }
  }

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    recorded.add(new RecordedMetric(metric, value, attributes));
  }

  /** Everything recorded so far, in order. */
  public List<RecordedMetric> recorded() {
    return List.copyOf(recorded);
  }

  /**
   * What was recorded under the metric named {@code name}, in order.
   *
   * @throws IllegalArgumentException if no generated recorder declares {@code name} (none of
   *     the {@code META-INF/metered/metrics.json} catalogs on the class path names it) and this
   *     sink recorded nothing under it: a misspelt name, named with the nearest right one
   */
  public List<RecordedMetric> recorded(String name) {
    String problem = DeclaredMetrics.problemWith(name, recordedNames());
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return recordedUnder(name);
  }

  /** What was recorded under {@code metric}, a generated recorder's {@code ..._METRIC}, in order. */
  public List<RecordedMetric> recorded(Metric metric) {
    return recordedUnder(metric.name());
  }

  /** The names of the metrics recorded so far, in the order first recorded. */
  List<String> recordedNames() {
    return recorded.stream().map(RecordedMetric::name).distinct().toList();
  }

  /** What was recorded under {@code name}, unchecked: nothing for a name never recorded. */
  List<RecordedMetric> recordedUnder(String name) {
    List<RecordedMetric> matching = new ArrayList<>();
    for (RecordedMetric metric : recorded) {
      if (metric.name().equals(name)) {
        matching.add(metric);
      }
    }
    return matching;
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    recorded.clear();
  }
}
