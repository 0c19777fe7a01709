package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.MetricsModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
    Map<String, MetricModel> current = new HashMap<>();
    for (FamilyModel family : model.families()) {
      for (MetricModel metric : family.metrics()) {
        current.put(metric.name(), metric);
      }
    }
    for (PreviousCatalog.Metric before : previous.metrics().values()) {
      MetricModel now = current.get(before.name());
      if (now == null) {
        findings.report(SourcePosition.startOf(model.schemaPath()), "the metric '" + Excerpt.of(before.name())
            + "' of the previous catalog (" + previous.path() + ") is gone; dashboards and alerts on it"
            + " will show nothing (Metered's policy: Sentry does not know the old name is gone)");
        continue;
      }
      if (!before.type().equals(now.kind().keyword())) {
        findings.report(now.position(), "the metric '" + now.name() + "' changed its type from "
            + Excerpt.of(before.type()) + " to " + now.kind().keyword() + "; its history and dashboards no longer"
            + " match. Give the new metric a new name (Metered's policy: Sentry accepts the change silently)");
      }
      if (!Objects.equals(before.unit(), now.unit())) {
        findings.report(now.unitPosition() != null ? now.unitPosition() : now.position(), "the metric '"
            + now.name() + "' changed its unit from " + (before.unit() == null ? "none" : Excerpt.of(before.unit()))
            + " to " + (now.unit() == null ? "none" : now.unit()) + "; old and new values will be mixed"
            + " on one chart. Give the new metric a new name (Metered's policy: Sentry accepts the change silently)");
      }
      Set<String> attributes = new TreeSet<>();
      for (Field attribute : now.attributes()) {
        attributes.add(attribute.key());
      }
      if (!before.attributes().equals(attributes)) {
        Set<String> added = new TreeSet<>(attributes);
        added.removeAll(before.attributes());
        Set<String> removed = new TreeSet<>(before.attributes());
        removed.removeAll(attributes);
        findings.report(now.position(), "the metric '" + now.name() + "' changed its attributes"
            + (added.isEmpty() ? "" : "; added " + Excerpt.of(added.toString()))
            + (removed.isEmpty() ? "" : "; removed " + Excerpt.of(removed.toString()))
            + ". Filters and group-bys on the old attributes break (Metered's policy: Sentry accepts the change"
            + " silently)");
      }
    }
  }
}
