package dev.metered.example.view;

import dev.metered.runtime.MetricType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders metric summaries as plain-text tables in the shape of Sentry's metrics view: one table
 * per metric type, each with the columns that mean something for that type, one row per metric,
 * then one indented row per value of its main attribute (and, for failures, one more indented row
 * per error type).
 *
 * <ul>
 *   <li>Counters: count (data points), sum (what was counted) and rate (the sum per second over
 *       the run).
 *   <li>Gauges: count, and the last, smallest and largest value. The metric's own row has no last
 *       value when it is broken down: the last of several series' values means nothing.
 *   <li>Distributions: count, sum, p50, p90, p95, p99, min, max and average.
 * </ul>
 */
public final class MetricsTable {
  private static final String NONE = "-";

  private MetricsTable() {}

  /** One column: its heading and how a summary fills it. */
  private record Column(String heading, Function<MetricSummary, String> cell) {}

  /**
   * The tables.
   *
   * @param summaries the rows, in order: each metric's own row, then its breakdown rows
   * @param run how long the run took, for the counters' rate
   * @return the tables' text, one after another with a blank line between, ending with a line break
   */
  public static String render(List<MetricSummary> summaries, Duration run) {
    double seconds = Math.max(run.toNanos() / 1e9, 1e-9);
    List<Column> counters =
        List.of(
            new Column("sum", row -> number(row.sum())),
            new Column("rate/s", row -> decimal(row.sum() / seconds)));
    List<Column> gauges =
        List.of(
            new Column(
                "last", row -> row.last().isPresent() ? number(row.last().getAsDouble()) : NONE),
            new Column("min", row -> number(row.min())),
            new Column("max", row -> number(row.max())));
    List<Column> distributions =
        List.of(
            new Column("sum", row -> number(row.sum())),
            new Column("p50", row -> number(row.p50())),
            new Column("p90", row -> number(row.p90())),
            new Column("p95", row -> number(row.p95())),
            new Column("p99", row -> number(row.p99())),
            new Column("min", row -> number(row.min())),
            new Column("max", row -> number(row.max())),
            new Column("avg", row -> number(row.avg())));
    StringBuilder text = new StringBuilder();
    appendTable(text, "counter", only(summaries, MetricType.COUNTER), counters);
    appendTable(text, "gauge", only(summaries, MetricType.GAUGE), gauges);
    appendTable(text, "distribution", only(summaries, MetricType.DISTRIBUTION), distributions);
    return text.toString();
  }

  private static List<MetricSummary> only(List<MetricSummary> summaries, MetricType type) {
    return summaries.stream().filter(row -> row.type() == type).toList();
  }

  private static void appendTable(
      StringBuilder text, String type, List<MetricSummary> summaries, List<Column> columns) {
    if (summaries.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[columns.size() + 3];
    header[0] = type;
    header[1] = "unit";
    header[2] = "count";
    for (int column = 0; column < columns.size(); column++) {
      header[column + 3] = columns.get(column).heading();
    }
    rows.add(header);
    for (MetricSummary summary : summaries) {
      String[] row = new String[header.length];
      row[0] =
          summary.isWhole()
              ? summary.name()
              : "  ".repeat(summary.breakdown().size()) + summary.breakdown().get(summary.breakdown().size() - 1);
      row[1] = summary.isWhole() ? (summary.unit() == null ? NONE : summary.unit()) : "";
      row[2] = Long.toString(summary.count());
      for (int column = 0; column < columns.size(); column++) {
        row[column + 3] = columns.get(column).cell().apply(summary);
      }
      rows.add(row);
    }
    if (!text.isEmpty()) {
      text.append(System.lineSeparator());
    }
    appendAligned(text, rows);
  }

  private static void appendAligned(StringBuilder text, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int column = 0; column < row.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    for (int index = 0; index < rows.size(); index++) {
      appendRow(text, rows.get(index), widths);
      if (index == 0) {
        appendRule(text, widths);
      }
    }
  }

  /** Whole numbers (counts, sizes) without decimals; measurements with two. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return decimal(value);
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** The first two columns (name, unit) hold text, left-aligned; the others numbers, right. */
  private static void appendRow(StringBuilder table, String[] row, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < row.length; column++) {
      String format = column < 2 ? "%-" + widths[column] + "s" : "%" + widths[column] + "s";
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
