package dev.metered.runtime.testing;

import dev.metered.runtime.Attributes;
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
 * assertEquals(1, sink.recorded(CommandMetrics.USAGE).size());
 * }</pre>
 */
public final class RecordingSink implements MetricSink {
  private final ConcurrentLinkedQueue<RecordedMetric> recorded = new ConcurrentLinkedQueue<>();

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    recorded.add(new RecordedMetric(metric, value, attributes));
  }

  /** Everything recorded so far, in order. */
  public List<RecordedMetric> recorded() {
    return List.copyOf(recorded);
  }

  /** What was recorded under the metric named {@code name}, in order. */
  public List<RecordedMetric> recorded(String name) {
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
