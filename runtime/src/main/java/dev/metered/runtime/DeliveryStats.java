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
 *     (one per call or per aggregate); at close, each aggregate not handed to the exporter before
 *     {@link MeteredOptions#closeTimeout()} ran out, or while the exporter was off (one per
 *     series); and each call that reached the sink after it closed, also one that found its
 *     aggregate already sealed by the close (one per call)
 * @param folded data points recorded with a string or number attribute value beyond its
 *     {@link MaxValues} in their flush interval, and so sent, or aggregated, with
 *     {@link DeliverySink#OVERFLOW_VALUE} instead; they are counted in the other fields too
 * @param fallbacks wire values outside their enum that a generated {@code fromWireValue} mapped
 *     to the enum's schema {@code fallback}, since the sink was created: a name the schema lacks,
 *     recorded under the fallback. Counted when the value is looked up, before any sink sees it,
 *     so every sink of the process counts every use
 */
public record DeliveryStats(
    long eventPoints, long aggregatedPoints, long sampledPoints, long sampledAway, long dropped,
    long folded, long fallbacks) {

  /** The data points handed to the exporter (Sentry): event and aggregated points. */
  public long sentPoints() {
    return eventPoints + aggregatedPoints;
  }

  /**
   * Whether anything was lost, sampled away, or sent without its own attribute value (folded):
   * what the sink warns about when it closes.
   */
  public boolean lostAnything() {
    return sampledAway > 0 || dropped > 0 || folded > 0;
  }

  @Override
  public String toString() {
    return sentPoints() + " data points sent (" + eventPoints + " one per call, "
        + aggregatedPoints + " from aggregates), " + sampledPoints + " of them sampled, "
        + sampledAway + " sampled away, " + dropped + " dropped, " + folded + " folded into "
        + DeliverySink.OVERFLOW_VALUE + ", " + fallbacks + " unknown enum values recorded as their fallback";
  }
}
