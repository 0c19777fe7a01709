package dev.metered.runtime;

/**
 * A {@link Series}' aggregation cell in one {@link DeliverySink}, kept on the series for the
 * sink's fast path: a counter or gauge whose mode is {@link DeliveryMode#AGGREGATE} always.
 *
 * @param sink the sink the cell belongs to
 * @param cell the cell
 */
record CellBinding(DeliverySink sink, AggregationCell cell) {}
