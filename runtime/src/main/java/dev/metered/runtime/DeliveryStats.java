package dev.metered.runtime;

/**
 * What a {@link DeliverySink} has done with the data points recorded through it, counted since
 * it was created. Read it with {@link DeliverySink#stats()} or {@link MeteredRuntime#stats()}.
 *
 * @param eventPoints data points sent one per call ({@link DeliveryMode#EVENT}, or
 *     {@link DeliveryMode#AUTO} within its budget), sampled distribution points included
 * @param aggregatedPoints data points sent from aggregates: one per series per flush
 * @param sampledPoints distribution points sent with a sample rate below 1, from which Sentry
 *     extrapolates the points sampled away
 * @param sampledAway distribution points not sent because sampling left them out
 * @param dropped data points lost: beyond the sampling cap, a value that is not finite, more
 *     attribute sets in one flush interval than one metric may aggregate, or an exporter that threw
 * @param folded data points recorded with a string or number attribute value beyond its
 *     {@link MaxValues} in their flush interval, and so sent, or aggregated, with
 *     {@link DeliverySink#OVERFLOW_VALUE} instead; they are counted in the other fields too
 */
public record DeliveryStats(
    long eventPoints, long aggregatedPoints, long sampledPoints, long sampledAway, long dropped,
    long folded) {

  /** The data points handed to the exporter (Sentry): event and aggregated points. */
  public long sentPoints() {
    return eventPoints + aggregatedPoints;
  }

  /** Whether anything was lost or sampled away. */
  public boolean lostAnything() {
    return sampledAway > 0 || dropped > 0;
  }

  @Override
  public String toString() {
    return sentPoints() + " data points sent (" + eventPoints + " one per call, "
        + aggregatedPoints + " from aggregates), " + sampledPoints + " of them sampled, "
        + sampledAway + " sampled away, " + dropped + " dropped, " + folded + " folded into "
        + DeliverySink.OVERFLOW_VALUE;
  }
}
