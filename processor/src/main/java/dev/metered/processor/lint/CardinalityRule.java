package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The most series one metric can have, the product of its attributes' value counts, stays
 * within a budget (10,000 by default; {@code series_budget} in the lint section).
 */
final class CardinalityRule extends MetricRule {
  CardinalityRule() {
    super(DiagnosticCode.CARDINALITY, Severity.WARNING);
  }

  @Override
  void check(MetricsModel model, FamilyModel family, MetricModel metric, Findings findings) {
    long budget = findings.config().seriesBudget();
    long series = 1;
    List<String> factors = new ArrayList<>();
    List<Field> attributes = new ArrayList<>(metric.attributes());
    attributes.sort(Comparator.comparingLong((Field a) -> valueCount(a, metric)).reversed());
    for (Field attribute : attributes) {
      long count = valueCount(attribute, metric);
      series = multiply(series, count);
      factors.add(attribute.key() + " (" + count + (attribute.fallback() == null ? ""
          : ", its fallback '" + Excerpt.of(attribute.fallback()) + "' included") + ")");
    }
    if (series > budget) {
      findings.report(metric.position(), "the metric '" + metric.name() + "' can have up to " + series
          + " series, more than the budget of " + budget + "; the attributes responsible, largest"
          + " first: " + String.join(" x ", factors) + ". Drop or narrow one, or raise series_budget"
          + " in the lint section (Metered's policy: the budget is Metered's; Sentry sets no series limit)");
    }
  }

  /** How many values the attribute can show on this metric, absence counting as one. */
  static long valueCount(Field attribute, MetricModel metric) {
    long values = switch (attribute.type()) {
      // A fallback is one of the values, so unknown ones cost no series of their own.
      case ENUM -> attribute.values().size();
      case BOOLEAN -> 2;
      // Unbounded attributes are flagged by their own rule; here they count once.
      default -> attribute.maxValues() == null ? 1 : attribute.maxValues();
    };
    // Absent (not given, or left out by omit_when) is one more value, unless a default fills in.
    boolean canBeAbsent = (attribute.optional() || attribute.omitWhen() != null)
        && !metric.defaults().containsKey(attribute.key());
    return canBeAbsent ? values + 1 : values;
  }

  private static long multiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }
}
