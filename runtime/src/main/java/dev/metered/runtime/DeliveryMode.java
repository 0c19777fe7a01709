package dev.metered.runtime;

/**
 * How the data points of a metric reach Sentry. The schema declares it per family or metric
 * ({@code delivery:}); {@link MeteredOptions} can override it at run time.
 */
public enum DeliveryMode {
  /**
   * One Sentry data point per call, each with the trace of the call that recorded it. Beyond
   * what the SDK can queue (10,000 data points) the SDK drops points: choose it for metrics
   * recorded at a rate the SDK can take.
   */
  EVENT("event"),
  /**
   * Counters summed per attribute set and gauges kept as their last value, sent once per flush
   * interval and at close: no count is lost at any rate. Distributions cannot be summed without
   * losing their percentiles; they are delivered as under {@link #AUTO}.
   */
  AGGREGATE("aggregate"),
  /**
   * One data point per call while the process stays inside its budget of data points per
   * second ({@link MeteredOptions.Builder#eventsPerSecond}); beyond it counters and gauges spill
   * into aggregation and distributions are sampled, each kept point carrying
   * {@code sentry.client_sample_rate} so that Sentry extrapolates. The default.
   */
  AUTO("auto");

  private final String keyword;

  DeliveryMode(String keyword) {
    this.keyword = keyword;
  }

  /** The mode's name in the schema, for example {@code aggregate}. */
  public String keyword() {
    return keyword;
  }

  /** The mode named {@code keyword} in the schema, or {@code null} when there is none. */
  public static DeliveryMode fromKeyword(String keyword) {
    for (DeliveryMode mode : values()) {
      if (mode.keyword.equals(keyword)) {
        return mode;
      }
    }
    return null;
  }
}
