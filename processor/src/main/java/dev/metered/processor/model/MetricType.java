package dev.metered.processor.model;

import java.util.List;

/**
 * Counter, distribution or gauge, by its schema keyword (also Sentry's wire name): the
 * processor's side of the runtime's {@code dev.metered.runtime.MetricType}.
 */
public enum MetricType implements SchemaKeyword {
  COUNTER("counter"),
  DISTRIBUTION("distribution"),
  GAUGE("gauge");

  private final String keyword;

  MetricType(String keyword) {
    this.keyword = keyword;
  }

  @Override
  public String keyword() {
    return keyword;
  }

  /** The type named {@code keyword}, or {@code null}. */
  public static MetricType fromKeyword(String keyword) {
    return SchemaKeyword.find(MetricType.class, keyword);
  }

  /** Every keyword, for messages and suggestions. */
  public static List<String> keywords() {
    return SchemaKeyword.keywords(MetricType.class);
  }
}
