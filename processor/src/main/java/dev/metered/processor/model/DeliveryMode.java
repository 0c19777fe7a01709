package dev.metered.processor.model;

import java.util.Arrays;
import java.util.List;

/**
 * How a metric's data points reach Sentry, by its schema keyword: the processor's side of the
 * runtime's {@code dev.metered.runtime.DeliveryMode}, whose constant of the same name the
 * generated code names.
 */
public enum DeliveryMode {
  /** One data point per call. */
  EVENT("event"),
  /** Counters summed and gauges kept per series, sent once per interval. */
  AGGREGATE("aggregate"),
  /** One data point per call within a budget, aggregated or sampled beyond it. The default. */
  AUTO("auto");

  private final String keyword;

  DeliveryMode(String keyword) {
    this.keyword = keyword;
  }

  /** The mode's name in the schema. */
  public String keyword() {
    return keyword;
  }

  /** The mode named {@code keyword}, or {@code null}. */
  public static DeliveryMode fromKeyword(String keyword) {
    for (DeliveryMode delivery : values()) {
      if (delivery.keyword.equals(keyword)) {
        return delivery;
      }
    }
    return null;
  }

  /** Every keyword, for messages and suggestions. */
  public static List<String> keywords() {
    return Arrays.stream(values()).map(DeliveryMode::keyword).toList();
  }
}
