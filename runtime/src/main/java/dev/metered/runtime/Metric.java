package dev.metered.runtime;

import java.util.Objects;

/**
 * A metric as the schema declares it: name, type and unit. Generated recorders hold one
 * constant per metric, so no metric name is built at run time.
 */
public final class Metric {
  private final String name;
  private final MetricType type;
  private final String unit;

  private Metric(String name, MetricType type, String unit) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.unit = unit;
  }

  /**
   * A counter.
   *
   * @param name the metric's full name, for example {@code bot.command.usage}
   * @param unit Sentry's unit name, or {@code null} for none
   */
  public static Metric counter(String name, String unit) {
    return new Metric(name, MetricType.COUNTER, unit);
  }

  /**
   * A distribution.
   *
   * @param name the metric's full name, for example {@code bot.command.execution_time}
   * @param unit Sentry's unit name, for example {@code millisecond}, or {@code null} for none
   */
  public static Metric distribution(String name, String unit) {
    return new Metric(name, MetricType.DISTRIBUTION, unit);
  }

  /**
   * A gauge.
   *
   * @param name the metric's full name, for example {@code bot.cache.size}
   * @param unit Sentry's unit name, or {@code null} for none
   */
  public static Metric gauge(String name, String unit) {
    return new Metric(name, MetricType.GAUGE, unit);
  }

  /** The metric's full name as Sentry shows it. */
  public String name() {
    return name;
  }

  /** Counter, distribution or gauge. */
  public MetricType type() {
    return type;
  }

  /** Sentry's unit name, or {@code null} when the metric has none. */
  public String unit() {
    return unit;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Metric that
        && name.equals(that.name)
        && type == that.type
        && Objects.equals(unit, that.unit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, unit);
  }

  @Override
  public String toString() {
    return type.wireName() + " " + name + (unit == null ? "" : " [" + unit + "]");
  }
}
