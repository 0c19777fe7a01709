package dev.metered.runtime;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A metric as the schema declares it: name, type, unit, family, delivery mode and the
 * {@code max_values} of its string and number attributes ({@link MaxValues}). Generated
 * recorders hold one constant per metric, so no metric name is built at run time.
 *
 * <p>Users read metrics (a recorder's {@code ..._METRIC} constants, what a {@link MetricSink}
 * receives); generated recorders make them. Each metric gets a small number of its own when it
 * is created, by which the runtime finds its state in an array instead of a hash map.
 */
public final class Metric {
  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private final String name;
  private final MetricType type;
  private final String unit;
  private final String family;
  private final DeliveryMode delivery;
  private final List<MaxValues> maxValues;
  private final int id;

  private Metric(String name, MetricType type, String unit, String family, DeliveryMode delivery,
      MaxValues... maxValues) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.unit = unit;
    this.family = family;
    this.delivery = Objects.requireNonNull(delivery, "delivery");
    this.maxValues = List.of(maxValues);
    this.id = NEXT_ID.getAndIncrement();
  }

  /**
   * A counter of a schema family, delivered as the schema says. Generated recorders make their
   * metrics with this and the two factories below: users read a metric, as a recorder's
   * {@code ..._METRIC} constant, rather than make one.
   *
   * @param name the metric's full name, for example {@code bot.command.usage}
   * @param unit Sentry's unit name, or {@code null} for none
   * @param family the schema family it belongs to, for example {@code command}
   * @param delivery how its data points reach Sentry unless {@link MeteredOptions} says otherwise
   * @param maxValues the {@code max_values} of its string and number attributes that have one
   */
  public static Metric counter(String name, String unit, String family, DeliveryMode delivery,
      MaxValues... maxValues) {
    return new Metric(name, MetricType.COUNTER, unit, family, delivery, maxValues);
  }

  /**
   * A distribution of a schema family, delivered as the schema says; made by generated recorders,
   * as {@link #counter} is.
   *
   * @param name the metric's full name, for example {@code bot.command.execution_time}
   * @param unit Sentry's unit name, for example {@code millisecond}, or {@code null} for none
   * @param family the schema family it belongs to, for example {@code command}
   * @param delivery how its data points reach Sentry unless {@link MeteredOptions} says otherwise
   * @param maxValues the {@code max_values} of its string and number attributes that have one
   */
  public static Metric distribution(String name, String unit, String family, DeliveryMode delivery,
      MaxValues... maxValues) {
    return new Metric(name, MetricType.DISTRIBUTION, unit, family, delivery, maxValues);
  }

  /**
   * A gauge of a schema family, delivered as the schema says; made by generated recorders, as
   * {@link #counter} is.
   *
   * @param name the metric's full name, for example {@code bot.cache.size}
   * @param unit Sentry's unit name, or {@code null} for none
   * @param family the schema family it belongs to, for example {@code cache}
   * @param delivery how its data points reach Sentry unless {@link MeteredOptions} says otherwise
   * @param maxValues the {@code max_values} of its string and number attributes that have one
   */
  public static Metric gauge(String name, String unit, String family, DeliveryMode delivery,
      MaxValues... maxValues) {
    return new Metric(name, MetricType.GAUGE, unit, family, delivery, maxValues);
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

  /** The schema family the metric belongs to, for example {@code command}; {@code null} when made without one. */
  public String family() {
    return family;
  }

  /** The delivery mode the schema declares ({@link DeliveryMode#AUTO} when it declares none). */
  public DeliveryMode delivery() {
    return delivery;
  }

  /** The {@code max_values} of its string and number attributes that have one; often none. */
  public List<MaxValues> maxValues() {
    return maxValues;
  }

  /** A number unique to this metric object in this process, small and dense from 0. */
  int id() {
    return id;
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
