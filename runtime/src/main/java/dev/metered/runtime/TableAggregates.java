package dev.metered.runtime;

/**
 * What one {@link DeliverySink} aggregates for the series of one {@link SeriesTable} between
 * flushes, addressed by series number: counters' sums ({@link StripedSums}) or gauges' last
 * values ({@link LastValues}).
 *
 * <p>A sink that always aggregates a metric binds its aggregates to the metric's table, so that
 * a generated recorder's call reaches them with a few field reads: the table's bound aggregates,
 * their owner's key, and the slot at the series number. Adding is lock-free and allocates nothing;
 * {@link #take(int)} hands over what was kept and starts afresh atomically, so a value added
 * concurrently with a flush goes into this flush or the next, never nowhere.
 */
abstract sealed class TableAggregates permits StripedSums, LastValues {
  /**
   * The key of the sink that flushes these aggregates, the only one that may add to them, which
   * compares it by identity on its fast path. A key rather than the sink, so that a table (a
   * constant of generated code) whose aggregates are still bound keeps no closed sink alive.
   */
  final Object owner;
  final SeriesTable table;

  TableAggregates(Object owner, SeriesTable table) {
    this.owner = owner;
    this.table = table;
  }

  /**
   * The aggregates of {@code table}'s metric: sums for a counter, whose parts beyond
   * {@code Double.MAX_VALUE} go to {@code parts}, last values for a gauge.
   */
  static TableAggregates of(Object owner, SeriesTable table, SumParts parts) {
    return table.metric().type() == MetricType.GAUGE
        ? new LastValues(owner, table)
        : new StripedSums(owner, table, parts);
  }

  /**
   * Adds a finite value to the series numbered {@code index}; false, adding nothing, once the
   * series is {@linkplain #seal(int) sealed}: the caller counts the value as dropped.
   */
  abstract boolean add(int index, double value);

  /**
   * What was kept for the series numbered {@code index} since the last call, or {@code NaN} when
   * there is nothing to send.
   */
  abstract double take(int index);

  /**
   * What was kept for the series numbered {@code index}, as {@link #take(int)}, and refuses every
   * later add: the sink's last flush, at close, so that each add is in it or counted as dropped.
   */
  abstract double seal(int index);
}
