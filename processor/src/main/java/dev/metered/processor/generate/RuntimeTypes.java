package dev.metered.processor.generate;

import com.squareup.javapoet.ClassName;

/**
 * The runtime types generated code refers to, named once: the user's API in
 * {@code dev.metered.runtime}, and what only generated code calls in
 * {@code dev.metered.runtime.internal} (GeneratedSampleTest keeps the two apart).
 */
final class RuntimeTypes {
  private static final String PACKAGE = "dev.metered.runtime";
  private static final String INTERNAL = "dev.metered.runtime.internal";

  static final ClassName ATTRIBUTE = ClassName.get(PACKAGE, "Attribute");
  static final ClassName ATTRIBUTES = ClassName.get(PACKAGE, "Attributes");
  static final ClassName METRIC = ClassName.get(PACKAGE, "Metric");
  static final ClassName MAX_VALUES = ClassName.get(PACKAGE, "MaxValues");
  static final ClassName ATTRIBUTE_VALUE = ClassName.get(PACKAGE, "AttributeValue");
  static final ClassName DELIVERY_MODE = ClassName.get(PACKAGE, "DeliveryMode");
  static final ClassName DIMENSION = ClassName.get(INTERNAL, "Dimension");
  static final ClassName SERIES_TABLE = ClassName.get(PACKAGE, "SeriesTable");
  static final ClassName METRIC_SINK = ClassName.get(PACKAGE, "MetricSink");
  static final ClassName METERED_RUNTIME = ClassName.get(PACKAGE, "MeteredRuntime");
  static final ClassName RECORDING_FAILURES = ClassName.get(INTERNAL, "RecordingFailures");
  static final ClassName FALLBACK_VALUES = ClassName.get(INTERNAL, "FallbackValues");
  static final ClassName ERROR_TYPES = ClassName.get(PACKAGE, "ErrorTypes");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private RuntimeTypes() {}
}
