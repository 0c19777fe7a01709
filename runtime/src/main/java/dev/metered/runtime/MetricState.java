package dev.metered.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one {@link DeliverySink} keeps for one metric: its delivery mode, resolved once, and
 * its aggregation cells. Cells of a {@link SeriesTable}'s series sit in an array at the
 * series' position; others in a map keyed by their attributes, up to {@link #MAX_OTHER_SERIES}.
 */
final class MetricState {
  /** Attribute sets outside the series table kept per metric; beyond it points are dropped. */
  static final int MAX_OTHER_SERIES = 10_000;

  final Metric metric;
  final DeliveryMode mode;
  private volatile AggregationCell[] tableCells;
  private final ConcurrentHashMap<Attributes, AggregationCell> otherCells = new ConcurrentHashMap<>();

  MetricState(Metric metric, DeliveryMode mode) {
    this.metric = metric;
    this.mode = mode;
  }

  /** The cell of {@code series}, made on first use; {@code null} when over the cap. */
  AggregationCell cell(Series series) {
    int index = series.index();
    if (index < 0) {
      return otherCell(series);
    }
    AggregationCell[] cells = tableCells;
    if (cells != null) {
      AggregationCell cell = cells[index];
      if (cell != null) {
        return cell;
      }
    }
    return newTableCell(series);
  }

  private synchronized AggregationCell newTableCell(Series series) {
    AggregationCell[] cells = tableCells;
    if (cells == null) {
      cells = new AggregationCell[series.tableSize()];
    }
    AggregationCell cell = cells[series.index()];
    if (cell == null) {
      cell = AggregationCell.of(series);
      cells[series.index()] = cell;
    }
    // A volatile write publishes the new cell with the array; a cell has only final fields, so
    // a thread that reads the slot without it still sees the cell whole.
    tableCells = cells;
    return cell;
  }

  private AggregationCell otherCell(Series series) {
    AggregationCell cell = otherCells.get(series.attributes());
    if (cell != null || otherCells.size() >= MAX_OTHER_SERIES) {
      return cell;
    }
    return otherCells.computeIfAbsent(series.attributes(), attributes -> AggregationCell.of(series));
  }

  /** Every cell made so far. */
  List<AggregationCell> cells() {
    List<AggregationCell> all = new ArrayList<>();
    AggregationCell[] cells = tableCells;
    if (cells != null) {
      for (AggregationCell cell : cells) {
        if (cell != null) {
          all.add(cell);
        }
      }
    }
    all.addAll(otherCells.values());
    return all;
  }
}
