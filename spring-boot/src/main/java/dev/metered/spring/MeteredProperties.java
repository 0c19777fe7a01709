package dev.metered.spring;

import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.MeteredOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@link MeteredOptions} as {@code metered.*} properties of {@code application.properties} or
 * YAML. Each value is checked as it is bound, against the option's range, so a wrong one fails
 * the start with the property's name and where it was set.
 */
@ConfigurationProperties("metered")
public class MeteredProperties {
  /** How often aggregated counters and gauges are sent to Sentry (10 ms to 24 h). */
  private Duration flushInterval = Duration.ofSeconds(10);

  /** The longest one flush of Sentry may wait while aggregates are sent (1 ms to 1 h). */
  private Duration flushTimeout = Duration.ofSeconds(5);

  /**
   * How long closing, when the context closes, may take in all, whatever the number of series
   * (1 ms to 1 h); what could not be sent by then is counted as dropped.
   */
  private Duration closeTimeout = Duration.ofSeconds(5);

  /** The budget of data points per second sent one per call in the 'auto' delivery mode. */
  private int eventsPerSecond = 1000;

  /**
   * How many sampled distribution points per second may go out once the budget is spent; a
   * quarter of events-per-second when not set.
   */
  private Integer sampledPerSecond;

  /** The delivery mode of every metric without an override of its own or of its family. */
  private DeliveryMode deliveryForAll;

  /**
   * Delivery modes by metric or family name, overriding the schema's. Write a name with an
   * underscore in brackets, which keep it as it is: metered.delivery[bot.command.execution_time]=event.
   */
  private Map<String, DeliveryMode> delivery = new LinkedHashMap<>();

  public Duration getFlushInterval() {
    return flushInterval;
  }

  public void setFlushInterval(Duration flushInterval) {
    MeteredOptions.builder().flushInterval(flushInterval);
    this.flushInterval = flushInterval;
  }

  public Duration getFlushTimeout() {
    return flushTimeout;
  }

  public void setFlushTimeout(Duration flushTimeout) {
    MeteredOptions.builder().flushTimeout(flushTimeout);
    this.flushTimeout = flushTimeout;
  }

  public Duration getCloseTimeout() {
    return closeTimeout;
  }

  public void setCloseTimeout(Duration closeTimeout) {
    MeteredOptions.builder().closeTimeout(closeTimeout);
    this.closeTimeout = closeTimeout;
  }

  public int getEventsPerSecond() {
    return eventsPerSecond;
  }

  public void setEventsPerSecond(int eventsPerSecond) {
    MeteredOptions.builder().eventsPerSecond(eventsPerSecond);
    this.eventsPerSecond = eventsPerSecond;
  }

  public Integer getSampledPerSecond() {
    return sampledPerSecond;
  }

  public void setSampledPerSecond(Integer sampledPerSecond) {
    if (sampledPerSecond != null) {
      MeteredOptions.builder().sampledPerSecond(sampledPerSecond);
    }
    this.sampledPerSecond = sampledPerSecond;
  }

  public DeliveryMode getDeliveryForAll() {
    return deliveryForAll;
  }

  public void setDeliveryForAll(DeliveryMode deliveryForAll) {
    this.deliveryForAll = deliveryForAll;
  }

  public Map<String, DeliveryMode> getDelivery() {
    return delivery;
  }

  public void setDelivery(Map<String, DeliveryMode> delivery) {
    delivery.forEach(MeteredOptions.builder()::delivery);
    this.delivery = delivery;
  }

  /** A builder holding these settings, for {@link MeteredOptionsCustomizer}s to add to. */
  public MeteredOptions.Builder toBuilder() {
    MeteredOptions.Builder builder = MeteredOptions.builder()
        .flushInterval(flushInterval)
        .flushTimeout(flushTimeout)
        .closeTimeout(closeTimeout)
        .eventsPerSecond(eventsPerSecond);
    if (sampledPerSecond != null) {
      builder.sampledPerSecond(sampledPerSecond);
    }
    if (deliveryForAll != null) {
      builder.deliveryForAll(deliveryForAll);
    }
    delivery.forEach(builder::delivery);
    return builder;
  }
}
