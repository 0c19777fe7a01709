package dev.metered.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one {@link DeliverySink} keeps for one metric: its delivery mode, resolved once, and
 * its aggregates. The series of the metric's {@link SeriesTable} are aggregated in
 * {@link TableAggregates}, by number; other series (see {@link Series#of}) in cells keyed by
 * their attributes, at most {@link #MAX_OTHER_SERIES} open at once, each flush retiring (sealing)
 * and closing them all: an add that finds its cell retired adds to a fresh one. Values of a string
 * or number attribute beyond its {@link MaxValues} in an interval are folded into
 * {@link DeliverySink#OVERFLOW_VALUE}. When the sink closes, {@link #sealAll()} seals the table's
 * aggregates, the cells and the {@link SumParts} for good, and none is made afterwards.
 */
final class MetricState {
  /**
   * Attribute sets outside the series table aggregated per metric and flush interval; beyond it,
   * a new set's points are dropped (and counted) until the next flush.
   */
  static final int MAX_OTHER_SERIES = 10_000;

  final Metric metric;
  final DeliveryMode mode;
  private final Object aggregatesOwner;
  private final SumParts sumParts;
  private volatile TableAggregates tableAggregates;
  private final ConcurrentHashMap<Attributes, AggregationCell> otherCells = new ConcurrentHashMap<>();
  private final AtomicInteger openOtherCells = new AtomicInteger();
  // Aligned with metric.maxValues(): the values each limited attribute took this interval, and
  // the attribute that stands for the rest.
  private final DistinctValues[] distinctValues;
  private final Attribute[] overflowAttributes;
  // Set once, when the sink closes; aggregates and cells are made only under this state's lock,
  // which reads it, so none is made after the last flush has swept them.
  private boolean sealed;

  /**
   * The state of {@code metric} in the sink whose aggregates carry {@code aggregatesOwner} and
   * which counts lost points in {@code dropped}.
   */
  MetricState(Object aggregatesOwner, LongAdder dropped, Metric metric, DeliveryMode mode) {
    this.aggregatesOwner = aggregatesOwner;
    this.metric = metric;
    this.mode = mode;
    this.sumParts = new SumParts(dropped);
    List<MaxValues> limits = metric.maxValues();
    this.distinctValues = new DistinctValues[limits.size()];
    this.overflowAttributes = new Attribute[limits.size()];
    for (int i = 0; i < limits.size(); i++) {
      distinctValues[i] = new DistinctValues(limits.get(i).max());
      overflowAttributes[i] = Attribute.ofString(limits.get(i).key(), DeliverySink.OVERFLOW_VALUE);
    }
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
      tableAggregates = TableAggregates.of(aggregatesOwner, table, sumParts);
    }
    return tableAggregates;
  }

  /**
   * {@code series}, or the same series with each attribute whose value is beyond its
   * {@link MaxValues} this interval replaced by {@link DeliverySink#OVERFLOW_VALUE}.
   */
  Series foldValuesBeyondMax(Series series) {
    if (distinctValues.length == 0) {
      return series;
    }
    Attributes attributes = series.attributes();
    Attributes folded = attributes;
    for (int i = 0; i < attributes.size(); i++) {
      Attribute attribute = attributes.get(i);
      int limit = limitOf(attribute.key());
      if (limit >= 0 && !distinctValues[limit].admit(attribute.value())) {
        folded = folded.replacing(i, overflowAttributes[limit]);
      }
    }
    return folded == attributes ? series : Series.of(metric, folded);
  }

  private int limitOf(String key) {
    List<MaxValues> limits = metric.maxValues();
    for (int i = 0; i < limits.size(); i++) {
      if (limits.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Adds a finite value to a series outside the table; {@code false}, adding nothing, when the
   * metric has {@link #MAX_OTHER_SERIES} other series open this interval already and this is not
   * one, or when the sink has closed.
   */
  boolean addToOther(Series series, double value) {
    while (true) {
      AggregationCell cell = otherCells.get(series.attributes());
      if (cell == null) {
        cell = newOtherCell(series);
        if (cell == null) {
          return false;
        }
      }
      if (cell.add(value)) {
        return true;
      }
      // A flush retired (sealed) the cell after it was looked up: remove it, if the flush has
      // not yet, and add to a fresh one; once the sink has closed, none is made.
      close(cell);
    }
  }

  // Under the lock, so that no cell is made after sealAll() has swept them: one made before is
  // in the map when the sweep starts, and the sweep seals it.
  private synchronized AggregationCell newOtherCell(Series series) {
    if (sealed) {
      return null;
    }
    return otherCells.computeIfAbsent(series.attributes(),
        attributes -> openOtherCells.incrementAndGet() <= MAX_OTHER_SERIES
            ? AggregationCell.of(series, sumParts) : closeUnopened());
  }

  private AggregationCell closeUnopened() {
    openOtherCells.decrementAndGet();
    return null;
  }

  private void close(AggregationCell cell) {
    if (otherCells.remove(cell.series.attributes(), cell)) {
      openOtherCells.decrementAndGet();
    }
  }

  /** How many series outside the table are open now; never more than {@link #MAX_OTHER_SERIES}. */
  int openOtherSeries() {
    return otherCells.size();
  }

  /**
   * Takes every aggregate that has something to send, leaving them all empty, closes every
   * series outside the table and starts a new interval of distinct values.
   */
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
      // Retiring seals the cell: a later add is refused and goes to a fresh cell, or, once
      // sealAll() has begun, is counted as dropped.
      double value = cell.retire();
      close(cell);
      if (!Double.isNaN(value)) {
        taken.add(new Taken(cell.series, value));
      }
    }
    // After the sums were taken: taking them may set a part aside.
    if (seal) {
      sumParts.sealInto(taken);
    } else {
      sumParts.takeInto(taken);
    }
    for (DistinctValues values : distinctValues) {
      values.startInterval();
    }
    return taken;
  }
}
