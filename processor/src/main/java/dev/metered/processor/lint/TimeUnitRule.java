package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricKind;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.List;

/**
 * A measured time needs a duration unit: without one Sentry cannot tell milliseconds from
 * seconds and shows raw numbers. A family with {@code @Metered} handlers is timed, so it needs a
 * distribution with a duration unit to carry the time.
 */
final class TimeUnitRule implements LintRule {
  /** Words that say a metric or its value field is a time. */
  private static final List<String> TIME_WORDS = List.of("time", "duration", "latency", "elapsed", "delay");

  @Override
  public DiagnosticCode code() {
    return DiagnosticCode.TIME_UNIT;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public void check(MetricsModel model, Findings findings) {
    for (FamilyModel family : model.families()) {
      for (MetricModel metric : family.metrics()) {
        // An unknown unit is MeteredUnknownUnit's to report, with a suggestion.
        boolean unknownUnit = metric.unit() != null && !Units.isKnown(metric.unit());
        if (metric.kind() != MetricKind.COUNTER && isTime(metric) && !unknownUnit && !Units.isDuration(metric.unit())) {
          findings.report(metric.unitPosition() != null ? metric.unitPosition() : metric.position(),
              "the " + metric.kind().keyword() + " '" + metric.name() + "' measures a time but has "
                  + (metric.unit() == null ? "no unit" : "the unit '" + metric.unit() + "'")
                  + "; give it a duration unit, for example 'unit: millisecond'");
        }
      }
      if (!family.handlers().isEmpty() && family.metrics().stream().noneMatch(TimeUnitRule::isTiming)) {
        findings.report(family.position(), "family '" + family.name() + "' has @Metered handlers, which"
            + " are timed, but no distribution with a duration unit to record the time; add one, for"
            + " example '" + model.namespace() + "." + family.name() + ".duration: {type: distribution,"
            + " unit: millisecond, value: duration}'");
      }
    }
  }

  private static boolean isTime(MetricModel metric) {
    String lastSegment = metric.name().substring(metric.name().lastIndexOf('.') + 1);
    String value = metric.value() == null ? "" : metric.value().key();
    return TIME_WORDS.stream().anyMatch(word -> lastSegment.contains(word) || value.contains(word));
  }

  private static boolean isTiming(MetricModel metric) {
    return metric.kind() == MetricKind.DISTRIBUTION && Units.isDuration(metric.unit());
  }
}
