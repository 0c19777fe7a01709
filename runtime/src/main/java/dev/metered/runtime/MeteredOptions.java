package dev.metered.runtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Run-time settings of a {@link DeliverySink}: where data points go, how often aggregates are
 * flushed, the budget of data points per second in {@link DeliveryMode#AUTO}, and delivery
 * modes that override the schema's. Immutable; made with {@link #builder()}.
 *
 * <pre>{@code
 * MeteredRuntime.configure(MeteredOptions.builder()
 *     .flushInterval(Duration.ofSeconds(30))
 *     .delivery("bot.command.usage", DeliveryMode.AGGREGATE) // one metric
 *     .delivery("cache", DeliveryMode.EVENT)                 // a whole family
 *     .build());
 * }</pre>
 */
public final class MeteredOptions {
  /** How often aggregates are sent unless configured otherwise. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(10);

  /**
   * Data points per second sent one per call in {@link DeliveryMode#AUTO} unless configured
   * otherwise. The SDK sends metrics every 5 seconds and holds at most 10,000 waiting; 1,000 a
   * second, plus at most a quarter of that in sampled distributions, keeps it under 7,500.
   */
  public static final int DEFAULT_EVENTS_PER_SECOND = 1_000;

  /** The longest one exporter flush waits unless configured otherwise. */
  public static final Duration DEFAULT_FLUSH_TIMEOUT = Duration.ofSeconds(5);

  /** How long closing takes at most unless configured otherwise. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  /** The shortest flush interval; the SDK itself sends what it holds every 5 seconds. */
  public static final Duration MIN_FLUSH_INTERVAL = Duration.ofMillis(10);

  /** The longest flush interval. */
  public static final Duration MAX_FLUSH_INTERVAL = Duration.ofHours(24);

  /** The longest {@code flushTimeout} or {@code closeTimeout}; the shortest is 1 ms. */
  public static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

  private static final MeteredOptions DEFAULTS = builder().build();

  private final MetricSink exporter;
  private final Duration flushInterval;
  private final Duration flushTimeout;
  private final Duration closeTimeout;
  private final int eventsPerSecond;
  private final int sampledPerSecond;
  private final DeliveryMode deliveryForAll;
  private final Map<String, DeliveryMode> deliveries;

  private MeteredOptions(Builder builder) {
    this.exporter = builder.exporter;
    this.flushInterval = builder.flushInterval;
    this.flushTimeout = builder.flushTimeout;
    this.closeTimeout = builder.closeTimeout;
    this.eventsPerSecond = builder.eventsPerSecond;
    this.sampledPerSecond = builder.sampledPerSecond >= 0
        ? builder.sampledPerSecond : Math.max(1, builder.eventsPerSecond / 4);
    this.deliveryForAll = builder.deliveryForAll;
    this.deliveries = Map.copyOf(builder.deliveries);
  }

  /** The defaults: Sentry, a flush every 10 seconds, 1,000 events per second, the schema's modes. */
  public static MeteredOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where data points go: {@link SentrySink} unless configured otherwise. */
  public MetricSink exporter() {
    return exporter;
  }

  /** How often aggregated counters and gauges are sent. */
  public Duration flushInterval() {
    return flushInterval;
  }

  /**
   * The longest one flush of the exporter waits while aggregates are sent: after every 1,000
   * data points, so that the SDK's queue of 10,000 never overflows, and once at the end. Within
   * {@link #closeTimeout()} each flush waits at most what is left of it.
   */
  public Duration flushTimeout() {
    return flushTimeout;
  }

  /**
   * How long {@link DeliverySink#close()} takes at most, whatever the number of series, also at
   * JVM shutdown and when {@code Sentry.close()} runs: waiting for a periodic flush in progress,
   * handing the last aggregates to the exporter and flushing it. What is still to hand over
   * when it runs out is counted as dropped. Sentry's own {@code shutdownTimeoutMillis} and
   * {@code flushTimeoutMillis} bound what the SDK does after that.
   */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /** The budget of data points per second sent one per call in {@link DeliveryMode#AUTO}. */
  public int eventsPerSecond() {
    return eventsPerSecond;
  }

  /** How many sampled distribution points per second may go out beyond the budget. */
  public int sampledPerSecond() {
    return sampledPerSecond;
  }

  /**
   * The delivery mode of {@code metric}: an override for its name, else for its family, else
   * the one for all metrics, else what the schema declares.
   */
  public DeliveryMode deliveryOf(Metric metric) {
    DeliveryMode byName = deliveries.get(metric.name());
    if (byName != null) {
      return byName;
    }
    DeliveryMode byFamily = metric.family() == null ? null : deliveries.get(metric.family());
    if (byFamily != null) {
      return byFamily;
    }
    return deliveryForAll != null ? deliveryForAll : metric.delivery();
  }

  @Override
  public String toString() {
    return "MeteredOptions[exporter=" + exporter + ", flushInterval=" + flushInterval
        + ", flushTimeout=" + flushTimeout + ", closeTimeout=" + closeTimeout
        + ", eventsPerSecond=" + eventsPerSecond + ", sampledPerSecond=" + sampledPerSecond
        + ", deliveryForAll=" + deliveryForAll + ", deliveries=" + deliveries + "]";
  }

  /**
   * Builds {@link MeteredOptions}; every setting starts at its default. Each setter checks its
   * value at once and throws an {@link IllegalArgumentException} naming the option, the value
   * and the range allowed, so that a sink never starts with a setting it cannot run.
   */
  public static final class Builder {
    private MetricSink exporter = SentrySink.instance();
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private Duration flushTimeout = DEFAULT_FLUSH_TIMEOUT;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private int eventsPerSecond = DEFAULT_EVENTS_PER_SECOND;
    private int sampledPerSecond = -1;
    private DeliveryMode deliveryForAll;
    private final Map<String, DeliveryMode> deliveries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sends data points to {@code exporter} instead of Sentry, for example a test's sink.
     *
     * @throws IllegalArgumentException if {@code exporter} is null
     */
    public Builder exporter(MetricSink exporter) {
      this.exporter = present(exporter, "exporter", "a MetricSink");
      return this;
    }

    /**
     * How often aggregated counters and gauges are sent; 10 seconds by default.
     *
     * @throws IllegalArgumentException unless between {@link #MIN_FLUSH_INTERVAL} (10 ms) and
     *     {@link #MAX_FLUSH_INTERVAL} (24 hours)
     */
    public Builder flushInterval(Duration interval) {
      this.flushInterval = within(interval, "flushInterval", MIN_FLUSH_INTERVAL, MAX_FLUSH_INTERVAL);
      return this;
    }

    /**
     * The longest one flush of the exporter may wait while aggregates are sent; 5 seconds by
     * default. Within {@link MeteredOptions#closeTimeout() close} it is cut to what is left.
     *
     * @throws IllegalArgumentException unless between 1 ms and {@link #MAX_TIMEOUT} (1 hour)
     */
    public Builder flushTimeout(Duration timeout) {
      this.flushTimeout = within(timeout, "flushTimeout", MIN_TIMEOUT, MAX_TIMEOUT);
      return this;
    }

    /**
     * How long closing the sink may take in all, whatever the number of series; 5 seconds by
     * default. What could not be handed to the exporter within it is counted as dropped.
     *
     * @throws IllegalArgumentException unless between 1 ms and {@link #MAX_TIMEOUT} (1 hour)
     */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = within(timeout, "closeTimeout", MIN_TIMEOUT, MAX_TIMEOUT);
      return this;
    }

    /**
     * The budget of data points per second sent one per call in {@link DeliveryMode#AUTO};
     * 1,000 by default.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder eventsPerSecond(int perSecond) {
      this.eventsPerSecond = atLeastOne(perSecond, "eventsPerSecond");
      return this;
    }

    /**
     * How many sampled distribution points per second may go out once the budget is spent; a
     * quarter of {@link #eventsPerSecond} by default.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder sampledPerSecond(int perSecond) {
      this.sampledPerSecond = atLeastOne(perSecond, "sampledPerSecond");
      return this;
    }

    /**
     * Delivers the metric named {@code metricOrFamily}, or every metric of the family of that
     * name, in {@code mode}, whatever the schema says. A metric's own override wins over its
     * family's.
     *
     * @throws IllegalArgumentException if the name is null or blank, or the mode null
     */
    public Builder delivery(String metricOrFamily, DeliveryMode mode) {
      if (metricOrFamily == null || metricOrFamily.isBlank()) {
        throw new IllegalArgumentException("MeteredOptions.delivery needs the name of a metric or"
            + " family, not " + (metricOrFamily == null ? "null" : "'" + metricOrFamily + "'"));
      }
      deliveries.put(metricOrFamily, present(mode, "delivery(\"" + metricOrFamily + "\", mode)",
          "one of " + Arrays.toString(DeliveryMode.values())));
      return this;
    }

    /**
     * Delivers every metric without an override of its own, or of its family's, in {@code mode}.
     *
     * @throws IllegalArgumentException if {@code mode} is null
     */
    public Builder deliveryForAll(DeliveryMode mode) {
      this.deliveryForAll = present(mode, "deliveryForAll",
          "one of " + Arrays.toString(DeliveryMode.values()));
      return this;
    }

    /** The options; every setting was checked when it was set. */
    public MeteredOptions build() {
      return new MeteredOptions(this);
    }

    private static <T> T present(T value, String option, String allowed) {
      if (value == null) {
        throw new IllegalArgumentException(
            "MeteredOptions." + option + " must be " + allowed + ", not null");
      }
      return value;
    }

    private static int atLeastOne(int value, String option) {
      if (value < 1) {
        throw new IllegalArgumentException(
            "MeteredOptions." + option + " must be at least 1, not " + value);
      }
      return value;
    }

    private static Duration within(Duration value, String option, Duration min, Duration max) {
      String range = "between " + readable(min) + " and " + readable(max);
      present(value, option, "a duration " + range);
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            "MeteredOptions." + option + " must be " + range + ", not " + value);
      }
      return value;
    }

    private static String readable(Duration duration) {
      if (duration.toHoursPart() == 0 && duration.toMinutes() == 0 && duration.toSecondsPart() == 0) {
        return duration.toMillis() + " ms";
      }
      return duration.toHours() > 0 ? duration.toHours() + " h" : duration.toSeconds() + " s";
    }
  }
}
