package dev.metered.processor.model;

import java.util.List;

/**
 * How a metric's data points reach Sentry, by its schema keyword: the processor's side of the
 * runtime's {@code dev.metered.runtime.DeliveryMode}, whose constant of the same name the
 * generated code names.
 */
public enum DeliveryMode implements SchemaKeyword {
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

  @Override
  public String keyword() {
    return keyword;
  }

  /** The mode named {@code keyword}, or {@code null}. */
  public static DeliveryMode fromKeyword(String keyword) {
    return SchemaKeyword.find(DeliveryMode.class, keyword);
  }

  /** Every keyword, for messages and suggestions. */
  public static List<String> keywords() {
    return SchemaKeyword.keywords(DeliveryMode.class);
  }
}
