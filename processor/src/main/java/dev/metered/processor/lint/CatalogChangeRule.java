package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the metrics with an earlier build's catalog: a metric that changed its type, unit or
 * attribute set, or disappeared, breaks the dashboards and alerts built on it without a sound.
 * Runs only when {@code -Ametered.catalog.previous} names the earlier catalog.
 */
final class CatalogChangeRule extends BaseRule {
  CatalogChangeRule() {
    super(DiagnosticCode.CATALOG_CHANGE, Severity.WARNING);
  }

  @Override
  public void check(MetricsModel model, Findings findings) {
    PreviousCatalog previous = findings.config().previousCatalog();
    if (previous == null) {
      return;
    }
    Map<String, MetricModel> byName = new HashMap<>();
    Map<String, PreviousCatalog.Metric> current = new HashMap<>();
    for (FamilyModel family : model.families()) {
      for (MetricModel metric : family.metrics()) {
        Set<String> attributes = new TreeSet<>();
        for (Field attribute : metric.attributes()) {
          attributes.add(attribute.key());
        }
        byName.put(metric.name(), metric);
        current.put(metric.name(), new PreviousCatalog.Metric(metric.name(), metric.type().keyword(), metric.unit(),
            attributes, metric.position(), metric.unitPosition()));
      }
    }
    for (CatalogComparison.Change change : CatalogComparison.compare(previous, current)) {
      MetricModel now = byName.get(change.metric());
      SourcePosition position = switch (change.aspect()) {
        case GONE -> SourcePosition.startOf(model.schemaPath());
        case UNIT -> now.unitPosition() != null ? now.unitPosition() : now.position();
        case TYPE, ATTRIBUTES -> now.position();
      };
      findings.report(position, change.message());
    }
  }
}
