package dev.metered.example.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders metric summaries as a plain-text table, one row per metric. */
public final class MetricsTable {
  private static final String[] HEADER = {
    "metric", "type", "unit", "points", "sum", "min", "max", "avg", "p50", "p95"
  };

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
      rows.add(
          new String[] {
            summary.name(),
            summary.type().wireName(),
            summary.unit() == null ? "-" : summary.unit(),
            Long.toString(summary.count()),
            number(summary.sum()),
            number(summary.min()),
            number(summary.max()),
            number(summary.avg()),
            number(summary.p50()),
            number(summary.p95())
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
    for (int column = 0; column < row.length; column++) {
      // Text columns left-aligned, numbers right-aligned.
      String format = column < 3 ? "%-" + widths[column] + "s" : "%" + widths[column] + "s";
      table.append(column == 0 ? "" : "  ").append(String.format(Locale.ROOT, format, row[column]));
    }
    table.append(System.lineSeparator());
  }

  private static void appendRule(StringBuilder table, int[] widths) {
    for (int column = 0; column < widths.length; column++) {
      table.append(column == 0 ? "" : "  ").append("-".repeat(widths[column]));
    }
    table.append(System.lineSeparator());
  }
}
