package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricType;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.List;

/**
 * A measured time needs a duration unit: without one Sentry cannot tell milliseconds from
 * seconds and shows raw numbers. (That a family with {@code @Metered} handlers has a duration to
 * record their time in is checked at each handler, {@code MeteredHandlerNoDuration}.)
 */
final class TimeUnitRule extends BaseRule {
  TimeUnitRule() {
    super(DiagnosticCode.TIME_UNIT, Severity.ERROR);
  }

  /** Words that say a metric or its value field is a time. */
  private static final List<String> TIME_WORDS = List.of("time", "duration", "latency", "elapsed", "delay");

  @Override
  public void check(MetricsModel model, Findings findings) {
    for (FamilyModel family : model.families()) {
      for (MetricModel metric : family.metrics()) {
        // An unknown unit is MeteredUnknownUnit's to report, with a suggestion.
        boolean unknownUnit = metric.unit() != null && !Units.isAccepted(metric.unit());
        if (metric.type() != MetricType.COUNTER && isTime(metric) && !unknownUnit && !Units.isDuration(metric.unit())) {
          findings.report(metric.unitPosition() != null ? metric.unitPosition() : metric.position(),
              "the " + metric.type().keyword() + " '" + metric.name() + "' measures a time but has "
                  + (metric.unit() == null ? "no unit" : "the unit '" + metric.unit() + "'")
                  + "; give it a duration unit, for example 'unit: millisecond' (Metered's policy: Sentry accepts a time"
                  + " without a unit, but cannot then tell milliseconds from seconds)");
        }
      }
    }
  }

  private static boolean isTime(MetricModel metric) {
    String lastSegment = metric.name().substring(metric.name().lastIndexOf('.') + 1);
    String value = metric.value() == null ? "" : metric.value().key();
    return TIME_WORDS.stream().anyMatch(word -> lastSegment.contains(word) || value.contains(word));
  }

}
