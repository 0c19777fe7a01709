package dev.metered.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@link DeliverySink} keeps for one metric: its delivery mode, resolved once, and
 * its aggregates. The series of the metric's {@link SeriesTable} are aggregated in
 * {@link TableAggregates}, by number; other series (see {@link Series#of}) in cells keyed by
 * their attributes, up to {@link #MAX_OTHER_SERIES}.
 */
final class MetricState {
  /** Attribute sets outside the series table kept per metric; beyond it points are dropped. */
  static final int MAX_OTHER_SERIES = 10_000;

  final Metric metric;
  final DeliveryMode mode;
  private final DeliverySink owner;
  private volatile TableAggregates tableAggregates;
  private final ConcurrentHashMap<Attributes, AggregationCell> otherCells = new ConcurrentHashMap<>();

  MetricState(DeliverySink owner, Metric metric, DeliveryMode mode) {
    this.owner = owner;
    this.metric = metric;
    this.mode = mode;
  }

  /** A series' value, taken from its aggregate. */
  record Taken(Series series, double value) {}

  /**
   * The aggregates of {@code table}, made on first use; {@code null} when this metric's
   * aggregates are another table's (an application that built a second table for one metric).
   */
  TableAggregates aggregatesOf(SeriesTable table) {
    TableAggregates aggregates = tableAggregates;
    if (aggregates == null) {
      aggregates = newTableAggregates(table);
    }
    return aggregates.table == table ? aggregates : null;
  }

  private synchronized TableAggregates newTableAggregates(SeriesTable table) {
    if (tableAggregates == null) {
      tableAggregates = TableAggregates.of(owner, table);
    }
    return tableAggregates;
  }

  /** The cell of a series outside the table, made on first use; {@code null} when over the cap. */
  AggregationCell otherCell(Series series) {
    AggregationCell cell = otherCells.get(series.attributes());
    if (cell != null || otherCells.size() >= MAX_OTHER_SERIES) {
      return cell;
    }
    return otherCells.computeIfAbsent(series.attributes(), attributes -> AggregationCell.of(series));
  }

  /** Takes every aggregate that has something to send, leaving them all empty. */
  List<Taken> takeAll() {
    List<Taken> taken = new ArrayList<>();
    TableAggregates aggregates = tableAggregates;
    if (aggregates != null) {
      SeriesTable table = aggregates.table;
      for (int index = 0; index < table.size(); index++) {
        double value = aggregates.take(index);
        if (!Double.isNaN(value)) {
          taken.add(new Taken(table.get(index), value));
        }
      }
    }
    for (AggregationCell cell : otherCells.values()) {
      double value = cell.take();
      if (!Double.isNaN(value)) {
        taken.add(new Taken(cell.series, value));
      }
    }
    return taken;
  }
}
