package dev.metered.example.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders metric summaries as a plain-text table in the shape of Sentry's metrics view: one row per
 * metric, then one indented row per value of its main attribute, each with count, sum, p50, p90,
 * p95, p99, min, max and avg.
 */
public final class MetricsTable {
  private static final String[] HEADER = {
    "metric", "type", "unit", "count", "sum", "p50", "p90", "p95", "p99", "min", "max", "avg"
  };

  /** The columns holding text, left-aligned; the others hold numbers, right-aligned. */
  private static final int TEXT_COLUMNS = 3;

  private MetricsTable() {}

  /**
   * The table.
   *
   * @param summaries the rows, in order
   * @return the table's text, ending with a line break
   */
  public static String render(List<MetricSummary> summaries) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (MetricSummary summary : summaries) {
      boolean whole = summary.group().isEmpty();
      rows.add(
          new String[] {
            whole ? summary.name() : "  " + summary.group().get(),
            whole ? summary.type().wireName() : "",
            whole ? (summary.unit() == null ? "-" : summary.unit()) : "",
            Long.toString(summary.count()),
            number(summary.sum()),
            number(summary.p50()),
            number(summary.p90()),
            number(summary.p95()),
            number(summary.p99()),
            number(summary.min()),
            number(summary.max()),
            number(summary.avg())
          });
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (int index = 0; index < rows.size(); index++) {
      appendRow(table, rows.get(index), widths);
      if (index == 0) {
        appendRule(table, widths);
      }
    }
    return table.toString();
  }

  /** Whole numbers (counts, sizes) without decimals; measurements with two. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static void appendRow(StringBuilder table, String[] row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < row.length; column++) {
      String format =
          column < TEXT_COLUMNS ? "%-" + widths[column] + "s" : "%" + widths[column] + "s";
      line.append(column == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row[column]));
    }
    table.append(line.toString().stripTrailing()).append(System.lineSeparator());
  }

  private static void appendRule(StringBuilder table, int[] widths) {
    for (int column = 0; column < widths.length; column++) {
      table.append(column == 0 ? "" : "  ").append("-".repeat(widths[column]));
    }
    table.append(System.lineSeparator());
  }
}
