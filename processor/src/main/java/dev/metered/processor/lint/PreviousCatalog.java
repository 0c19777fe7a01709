package dev.metered.processor.lint;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.schema.SchemaFile;
import dev.metered.processor.schema.YamlLoader;
import dev.metered.processor.schema.YamlNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an earlier build's catalog ({@code META-INF/metered/metrics.json}) said of each metric:
 * enough to tell when a metric's type, unit or attribute set changes under a dashboard.
 */
public final class PreviousCatalog {
  /** The option naming the earlier catalog: {@code -Ametered.catalog.previous=PATH}. */
  public static final String OPTION = "metered.catalog.previous";

  /**
   * One metric as a catalog describes it.
   *
   * @param position where the metric's entry starts in the catalog
   * @param unitPosition where its unit is in the catalog, or its entry's start when it has none
   */
  public record Metric(
      String name, String type, String unit, Set<String> attributes, SourcePosition position,
      SourcePosition unitPosition) {}

  private final String path;
  private final Map<String, Metric> metrics;

  private PreviousCatalog(String path, Map<String, Metric> metrics) {
    this.path = path;
    this.metrics = metrics;
  }

  /** The catalog's metrics by name, in its order. */
  public Map<String, Metric> metrics() {
    return metrics;
  }

  /** Where the catalog was read from. */
  public String path() {
    return path;
  }

  /**
   * Reads a catalog; JSON is YAML, so the schema's own loader reads it with positions.
   *
   * @return the catalog, or empty when it could not be read (reported)
   */
  public static Optional<PreviousCatalog> read(SchemaFile file, Diagnostics diagnostics) {
    Optional<YamlNode> root = new YamlLoader(diagnostics).load(file);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    if (!(root.get() instanceof YamlNode.Mapping top)
        || top.entry("metrics") == null
        || !(top.entry("metrics").value() instanceof YamlNode.Sequence list)) {
      return invalid(file, root.get().position(), diagnostics);
    }
    Map<String, Metric> metrics = new LinkedHashMap<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Mapping metric)) {
        return invalid(file, item.position(), diagnostics);
      }
      String name = text(metric, "name");
      String type = text(metric, "type");
      if (name == null || type == null) {
        return invalid(file, item.position(), diagnostics);
      }
      Set<String> attributes = new TreeSet<>();
      YamlNode.Entry attributeList = metric.entry("attributes");
      if (attributeList != null && attributeList.value() instanceof YamlNode.Sequence keys) {
        for (YamlNode attribute : keys.items()) {
          if (attribute instanceof YamlNode.Mapping entry && text(entry, "key") != null) {
            attributes.add(text(entry, "key"));
          }
        }
      }
      YamlNode.Entry unit = metric.entry("unit");
      metrics.put(name, new Metric(name, type, text(metric, "unit"), attributes, item.position(),
          unit == null ? item.position() : unit.value().position()));
    }
    return Optional.of(new PreviousCatalog(file.path(), metrics));
  }

  private static String text(YamlNode.Mapping mapping, String key) {
    YamlNode.Entry entry = mapping.entry(key);
    return entry != null && entry.value() instanceof YamlNode.Scalar scalar
        && scalar.kind() != YamlNode.ScalarKind.NULL ? scalar.text() : null;
  }

  private static Optional<PreviousCatalog> invalid(SchemaFile file, SourcePosition position, Diagnostics diagnostics) {
    diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, position,
        "the file named by -A" + OPTION + " is not a Metered catalog (" + file.path()
            + "); name the META-INF/metered/metrics.json of an earlier build");
    return Optional.empty();
  }
}
