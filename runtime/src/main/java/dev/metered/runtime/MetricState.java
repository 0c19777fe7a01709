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
  // Set once, when the sink closes; aggregates are made only under this state's lock, which
  // reads it, so none is made after the last flush.
  private boolean sealed;

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
    return aggregates != null && aggregates.table == table ? aggregates : null;
  }

  private synchronized TableAggregates newTableAggregates(SeriesTable table) {
    if (tableAggregates == null && !sealed) {
      tableAggregates = TableAggregates.of(owner, table);
    }
    return tableAggregates;
  }

  /**
   * The cell of a series outside the table, made on first use; {@code null} when over the cap
   * or sealed.
   */
  AggregationCell otherCell(Series series) {
    AggregationCell cell = otherCells.get(series.attributes());
    if (cell != null || otherCells.size() >= MAX_OTHER_SERIES) {
      return cell;
    }
    return newOtherCell(series);
  }

  private synchronized AggregationCell newOtherCell(Series series) {
    return sealed ? null
        : otherCells.computeIfAbsent(series.attributes(), attributes -> AggregationCell.of(series));
  }

  /** Takes every aggregate that has something to send, leaving them all empty. */
  List<Taken> takeAll() {
    return collect(false);
  }

  /**
   * Takes every aggregate that has something to send and seals them all, so that each later add
   * is refused, and no aggregate is made afterwards: the sink's last flush.
   */
  List<Taken> sealAll() {
    synchronized (this) {
      sealed = true;
    }
    return collect(true);
  }

  private List<Taken> collect(boolean seal) {
    List<Taken> taken = new ArrayList<>();
    TableAggregates aggregates = tableAggregates;
    if (aggregates != null) {
      SeriesTable table = aggregates.table;
      for (int index = 0; index < table.size(); index++) {
        double value = seal ? aggregates.seal(index) : aggregates.take(index);
        if (!Double.isNaN(value)) {
          taken.add(new Taken(table.get(index), value));
        }
      }
    }
    for (AggregationCell cell : otherCells.values()) {
      double value = seal ? cell.seal() : cell.take();
      if (!Double.isNaN(value)) {
        taken.add(new Taken(cell.series, value));
      }
    }
    return taken;
  }
}
