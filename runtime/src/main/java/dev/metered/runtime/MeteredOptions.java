package dev.metered.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

  private static final MeteredOptions DEFAULTS = builder().build();

  private final MetricSink exporter;
  private final Duration flushInterval;
  private final Duration flushTimeout;
  private final int eventsPerSecond;
  private final int sampledPerSecond;
  private final DeliveryMode deliveryForAll;
  private final Map<String, DeliveryMode> deliveries;

  private MeteredOptions(Builder builder) {
    this.exporter = builder.exporter;
    this.flushInterval = builder.flushInterval;
    this.flushTimeout = builder.flushTimeout;
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

  /** How long closing waits for the exporter to send what it holds. */
  public Duration flushTimeout() {
    return flushTimeout;
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
        + ", eventsPerSecond=" + eventsPerSecond + ", sampledPerSecond=" + sampledPerSecond
        + ", deliveryForAll=" + deliveryForAll + ", deliveries=" + deliveries + "]";
  }

  /** Builds {@link MeteredOptions}; every setting starts at its default. */
  public static final class Builder {
    private MetricSink exporter = SentrySink.instance();
    private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
    private Duration flushTimeout = Duration.ofSeconds(5);
    private int eventsPerSecond = DEFAULT_EVENTS_PER_SECOND;
    private int sampledPerSecond = -1;
    private DeliveryMode deliveryForAll;
    private final Map<String, DeliveryMode> deliveries = new LinkedHashMap<>();

    private Builder() {}

    /** Sends data points to {@code exporter} instead of Sentry, for example a test's sink. */
    public Builder exporter(MetricSink exporter) {
      this.exporter = Objects.requireNonNull(exporter, "exporter");
      return this;
    }

    /**
     * How often aggregated counters and gauges are sent; 10 seconds by default.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder flushInterval(Duration interval) {
      this.flushInterval = positive(interval, "flushInterval");
      return this;
    }

    /**
     * How long closing waits for the exporter; 5 seconds by default.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder flushTimeout(Duration timeout) {
      this.flushTimeout = positive(timeout, "flushTimeout");
      return this;
    }

    /**
     * The budget of data points per second sent one per call in {@link DeliveryMode#AUTO};
     * 1,000 by default.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder eventsPerSecond(int perSecond) {
      if (perSecond < 1) {
        throw new IllegalArgumentException("eventsPerSecond must be at least 1, not " + perSecond);
      }
      this.eventsPerSecond = perSecond;
      return this;
    }

    /**
     * How many sampled distribution points per second may go out once the budget is spent; a
     * quarter of {@link #eventsPerSecond} by default.
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder sampledPerSecond(int perSecond) {
      if (perSecond < 1) {
        throw new IllegalArgumentException("sampledPerSecond must be at least 1, not " + perSecond);
      }
      this.sampledPerSecond = perSecond;
      return this;
    }

    /**
     * Delivers the metric named {@code metricOrFamily}, or every metric of the family of that
     * name, in {@code mode}, whatever the schema says. A metric's own override wins over its
     * family's.
     */
    public Builder delivery(String metricOrFamily, DeliveryMode mode) {
      deliveries.put(Objects.requireNonNull(metricOrFamily, "metricOrFamily"), Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /** Delivers every metric without an override of its own, or of its family's, in {@code mode}. */
    public Builder deliveryForAll(DeliveryMode mode) {
      this.deliveryForAll = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The options. */
    public MeteredOptions build() {
      return new MeteredOptions(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + duration);
      }
      return duration;
    }
  }
}
