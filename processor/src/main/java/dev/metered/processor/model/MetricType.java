package dev.metered.processor.model;

import java.util.Arrays;
import java.util.List;

/**
 * Counter, distribution or gauge, by its schema keyword (also Sentry's wire name): the
 * processor's side of the runtime's {@code dev.metered.runtime.MetricType}.
 */
public enum MetricType {
  COUNTER("counter"),
  DISTRIBUTION("distribution"),
  GAUGE("gauge");

  private final String keyword;

  MetricType(String keyword) {
    this.keyword = keyword;
  }

  /** The kind's name in the schema and on the wire. */
  public String keyword() {
    return keyword;
  }

  /** The kind named {@code keyword}, or {@code null}. */
  public static MetricType fromKeyword(String keyword) {
    for (MetricType kind : values()) {
      if (kind.keyword.equals(keyword)) {
        return kind;
      }
    }
    return null;
  }

  /** Every keyword, for messages and suggestions. */
  public static List<String> keywords() {
    return Arrays.stream(values()).map(MetricType::keyword).toList();
  }
}
