package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.Map;

/**
 * Units belong in {@code unit:}, not in the name, where Sentry cannot use them to convert or
 * label; {@code _total} is a Prometheus habit that Sentry's counters do not need; a distribution
 * named {@code .count} is a counter in disguise.
 */
final class UnitInNameRule extends MetricRule {
  UnitInNameRule() {
    super(DiagnosticCode.UNIT_IN_NAME, Severity.WARNING);
  }

  /** Name suffixes and the unit each one means ({@code null}: no unit, just drop it). */
  private static final Map<String, String> SUFFIXES = Map.ofEntries(
      Map.entry("_ns", "nanosecond"), Map.entry("_nanos", "nanosecond"), Map.entry("_nanoseconds", "nanosecond"),
      Map.entry("_us", "microsecond"), Map.entry("_micros", "microsecond"), Map.entry("_microseconds", "microsecond"),
      Map.entry("_ms", "millisecond"), Map.entry("_millis", "millisecond"), Map.entry("_milliseconds", "millisecond"),
      Map.entry("_s", "second"), Map.entry("_sec", "second"), Map.entry("_secs", "second"), Map.entry("_seconds", "second"),
      Map.entry("_minutes", "minute"), Map.entry("_hours", "hour"), Map.entry("_days", "day"),
      Map.entry("_bytes", "byte"), Map.entry("_kb", "kilobyte"), Map.entry("_mb", "megabyte"), Map.entry("_gb", "gigabyte"),
      Map.entry("_percent", "percent"), Map.entry("_pct", "percent"), Map.entry("_ratio", "ratio"),
      Map.entry("_total", ""));

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    String name = metric.name();
    if (metric.type() == MetricType.DISTRIBUTION && name.endsWith(".count")) {
      findings.report(metric.position(), "the distribution '" + name + "' is named like a counter;"
          + " make it a counter, or name what it measures (Metered's policy)");
      return;
    }
    for (Map.Entry<String, String> suffix : SUFFIXES.entrySet()) {
      if (name.endsWith(suffix.getKey())) {
        String renamed = name.substring(0, name.length() - suffix.getKey().length());
        findings.report(metric.position(), suffix.getValue().isEmpty()
            ? "'" + name + "' ends in '_total', which Sentry's counters do not need; name it '" + renamed
                + "' (Metered's policy)"
            : "'" + name + "' has its unit in the name; name it '" + renamed + "' with 'unit: "
                + suffix.getValue() + "' (Metered's policy: Sentry converts and labels a unit, not a name)");
        break;
      }
    }
  }
}
