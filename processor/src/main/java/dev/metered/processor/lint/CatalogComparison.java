package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one comparison of an earlier catalog with the current metrics: what changed under the
 * dashboards built on each earlier metric. The processor's {@code MeteredCatalogChange} rule
 * and the Maven plugin's {@code metered:compat} goal both report what it finds.
 */
public final class CatalogComparison {
  /** What about a metric changed. */
  public enum Aspect {
    /** The metric is no longer there. */
    GONE,
    /** Its type (counter, distribution, gauge) changed. */
    TYPE,
    /** Its unit changed. */
    UNIT,
    /** Its set of attribute keys changed. */
    ATTRIBUTES
  }

  /**
   * One change.
   *
   * @param metric the metric's name
   * @param aspect what changed
   * @param message what changed and why it matters, without code or position
   */
  public record Change(String metric, Aspect aspect, String message) {}

  private CatalogComparison() {}

  /**
   * Compares every metric of {@code previous} with the metric of the same name in {@code current}.
   *
   * @param current the metrics now, by name; their positions are not used
   * @return the changes, in the earlier catalog's order
   */
  public static List<Change> compare(PreviousCatalog previous, Map<String, PreviousCatalog.Metric> current) {
    List<Change> changes = new ArrayList<>();
    for (PreviousCatalog.Metric before : previous.metrics().values()) {
      PreviousCatalog.Metric now = current.get(before.name());
      if (now == null) {
        changes.add(new Change(before.name(), Aspect.GONE, "the metric '" + Excerpt.of(before.name())
            + "' of the previous catalog (" + previous.path() + ") is gone; dashboards and alerts on it"
            + " will show nothing (Metered's policy: Sentry does not know the old name is gone)"));
        continue;
      }
      if (!before.type().equals(now.type())) {
        changes.add(new Change(now.name(), Aspect.TYPE, "the metric '" + now.name() + "' changed its type from "
            + Excerpt.of(before.type()) + " to " + now.type() + "; its history and dashboards no longer"
            + " match. Give the new metric a new name (Metered's policy: Sentry accepts the change silently)"));
      }
      if (!Objects.equals(before.unit(), now.unit())) {
        changes.add(new Change(now.name(), Aspect.UNIT, "the metric '" + now.name() + "' changed its unit from "
            + (before.unit() == null ? "none" : Excerpt.of(before.unit()))
            + " to " + (now.unit() == null ? "none" : now.unit()) + "; old and new values will be mixed"
            + " on one chart. Give the new metric a new name (Metered's policy: Sentry accepts the change silently)"));
      }
      if (!before.attributes().equals(now.attributes())) {
        Set<String> added = new TreeSet<>(now.attributes());
        added.removeAll(before.attributes());
        Set<String> removed = new TreeSet<>(before.attributes());
        removed.removeAll(now.attributes());
        changes.add(new Change(now.name(), Aspect.ATTRIBUTES, "the metric '" + now.name() + "' changed its attributes"
            + (added.isEmpty() ? "" : "; added " + Excerpt.of(added.toString()))
            + (removed.isEmpty() ? "" : "; removed " + Excerpt.of(removed.toString()))
            + ". Filters and group-bys on the old attributes break (Metered's policy: Sentry accepts the change"
            + " silently)"));
      }
    }
    return changes;
  }
}
