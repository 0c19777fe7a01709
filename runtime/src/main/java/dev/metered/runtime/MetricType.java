package dev.metered.runtime;

/** The three kinds of metric Sentry accepts, with the name Sentry gives each on the wire. */
public enum MetricType {
  /** Counts occurrences; values are summed. */
  COUNTER("counter"),
  /** Measurements with percentiles, such as durations. */
  DISTRIBUTION("distribution"),
  /** A current value, such as a cache's size; the last value wins. */
  GAUGE("gauge");

  private final String wireName;

  MetricType(String wireName) {
    this.wireName = wireName;
  }

  /** The type's name in Sentry's {@code trace_metric} payload, for example {@code "counter"}. */
  public String wireName() {
    return wireName;
  }
}
