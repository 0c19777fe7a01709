package dev.metered.runtime.testing;

import dev.metered.runtime.Attribute;
import dev.metered.runtime.AttributeValue;
import dev.metered.runtime.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Fluent assertions on what a {@link RecordingSink} kept, for tests of code that records
 * metrics. They throw {@link AssertionError}, so they work in JUnit 5 (or any framework) with
 * no further dependency, and say what was recorded instead when they fail.
 *
 * <pre>{@code
 * RecordingSink sink = new RecordingSink();
 * CommandMetrics metrics = new CommandMetrics(sink);
 * ... the code under test records twice ...
 * assertThat(sink).recorded(CommandMetrics.USAGE)
 *     .with(Command.PING, CommandType.SLASH)
 *     .times(2);
 * assertThat(sink).recorded(CommandMetrics.EXECUTION_TIME).with("success", true).once();
 * assertThat(sink).recorded(CommandMetrics.FAILURES).never();
 * assertThat(sink).recorded(CommandMetrics.FAILURES_METRIC).never(); // the same, by descriptor
 * }</pre>
 *
 * <p>A metric named as text must be one a generated recorder declares (a
 * {@code META-INF/metered/metrics.json} catalog on the class path names it) or one the sink
 * recorded: {@code recorded("bot.command.failurs")} fails at once with "no recorder declares
 * 'bot.command.failurs'; did you mean 'bot.command.failures'?" rather than passing
 * {@code never()}. A metric made by hand is named by its {@link Metric}.
 */
public final class MetricAssertions {
  private MetricAssertions() {}

  /** Assertions on everything {@code sink} recorded. */
  public static SinkAssert assertThat(RecordingSink sink) {
    return new SinkAssert(Objects.requireNonNull(sink, "sink"));
  }

  /** Assertions on a whole sink. */
  public static final class SinkAssert {
    private final RecordingSink sink;

    private SinkAssert(RecordingSink sink) {
      this.sink = sink;
    }

    /**
     * The data points of the metric named {@code metricName}, to be narrowed and counted.
     *
     * @throws AssertionError if no generated recorder declares the name and the sink recorded
     *     nothing under it: a typo, named with the nearest right name
     */
    public PointsAssert recorded(String metricName) {
      Objects.requireNonNull(metricName, "metricName");
      String problem = DeclaredMetrics.problemWith(metricName, sink.recordedNames());
      if (problem != null) {
        throw new AssertionError(problem);
      }
      return new PointsAssert(sink, metricName, new ArrayList<>(), List.of());
    }

    /**
     * The data points of {@code metric}, a generated recorder's descriptor such as
     * {@code CommandMetrics.USAGE_METRIC}, which cannot be misspelt; to be narrowed and counted.
     */
    public PointsAssert recorded(Metric metric) {
      Objects.requireNonNull(metric, "metric");
      return new PointsAssert(sink, metric.name(), new ArrayList<>(), List.of());
    }

    /** Fails unless nothing at all was recorded. */
    public SinkAssert recordedNothing() {
      if (!sink.recorded().isEmpty()) {
        throw new AssertionError("expected no metric to be recorded, but got:" + describe(sink.recorded()));
      }
      return this;
    }
  }

  /** Assertions on the data points of one metric, narrowed by attribute values. */
  public static final class PointsAssert {
    private final RecordingSink sink;
    private final String metricName;
    private final List<String> conditions;
    private final List<Predicate<RecordedMetric>> filters;

    private PointsAssert(RecordingSink sink, String metricName, List<String> conditions,
        List<Predicate<RecordedMetric>> filters) {
      this.sink = sink;
      this.metricName = metricName;
      this.conditions = conditions;
      this.filters = filters;
    }

    /** Only the points that carry each of these values' attributes (generated enum constants). */
    public PointsAssert with(AttributeValue... values) {
      PointsAssert narrowed = this;
      for (AttributeValue value : values) {
        Attribute attribute = value.attribute();
        narrowed = narrowed.with(attribute.key(), attribute.value());
      }
      return narrowed;
    }

    /**
     * Only the points whose attribute {@code key} has {@code value}: a {@link String},
     * {@link Boolean}, {@link Long} or {@link Double}; an {@link Integer} matches the same
     * {@link Long}.
     */
    public PointsAssert with(String key, Object value) {
      Object expected = value instanceof Integer integer ? Long.valueOf(integer) : value;
      List<String> moreConditions = new ArrayList<>(conditions);
      moreConditions.add(key + "=" + expected);
      List<Predicate<RecordedMetric>> moreFilters = new ArrayList<>(filters);
      moreFilters.add(point -> Objects.equals(point.attributeMap().get(key), expected));
      return new PointsAssert(sink, metricName, moreConditions, moreFilters);
    }

    /** Only the points that do not carry the attribute {@code key} at all. */
    public PointsAssert without(String key) {
      List<String> moreConditions = new ArrayList<>(conditions);
      moreConditions.add("no " + key);
      List<Predicate<RecordedMetric>> moreFilters = new ArrayList<>(filters);
      moreFilters.add(point -> !point.attributeMap().containsKey(key));
      return new PointsAssert(sink, metricName, moreConditions, moreFilters);
    }

    /** Fails unless exactly {@code count} matching points were recorded. */
    public PointsAssert times(int count) {
      List<RecordedMetric> matching = points();
      if (matching.size() != count) {
        throw failure("expected " + count + " data point" + (count == 1 ? "" : "s") + " of "
            + subject() + ", but found " + matching.size());
      }
      return this;
    }

    /** Fails unless exactly one matching point was recorded. */
    public PointsAssert once() {
      return times(1);
    }

    /** Fails if any matching point was recorded. */
    public PointsAssert never() {
      return times(0);
    }

    /** Fails unless at least one matching point was recorded. */
    public PointsAssert atLeastOnce() {
      if (points().isEmpty()) {
        throw failure("expected at least one data point of " + subject() + ", but found none");
      }
      return this;
    }

    /** Fails unless the matching points' values add up to {@code total}: a counter's count. */
    public PointsAssert totalling(double total) {
      double sum = values().stream().mapToDouble(Double::doubleValue).sum();
      if (Double.compare(sum, total) != 0) {
        throw failure("expected the values of " + subject() + " to add up to " + total + ", but they add up to " + sum);
      }
      return this;
    }

    /** Fails unless the last matching point has {@code value}: a gauge's current value. */
    public PointsAssert lastValue(double value) {
      List<Double> values = values();
      if (values.isEmpty() || Double.compare(values.get(values.size() - 1), value) != 0) {
        throw failure("expected the last value of " + subject() + " to be " + value + ", but the values are " + values);
      }
      return this;
    }

    /** The matching points' values, in the order recorded. */
    public List<Double> values() {
      return points().stream().map(RecordedMetric::value).toList();
    }

    /** The matching points, in the order recorded. */
    public List<RecordedMetric> points() {
      return sink.recordedUnder(metricName).stream().filter(point -> filters.stream().allMatch(f -> f.test(point))).toList();
    }

    private String subject() {
      return metricName + (conditions.isEmpty() ? "" : " with " + String.join(", ", conditions));
    }

    private AssertionError failure(String message) {
      return new AssertionError(message + "; recorded:" + describe(sink.recordedUnder(metricName))
          + (sink.recordedUnder(metricName).isEmpty() ? "\n  nothing under " + metricName
              + "; metrics recorded: " + sink.recordedNames() : ""));
    }
  }

  private static String describe(List<RecordedMetric> points) {
    StringBuilder out = new StringBuilder();
    for (RecordedMetric point : points) {
      Map<String, Object> attributes = new LinkedHashMap<>(point.attributeMap());
      out.append("\n  ").append(point.name()).append(' ').append(point.value()).append(' ').append(attributes);
    }
    return out.toString();
  }
}
