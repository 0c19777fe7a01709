/**
 * Metered's run-time API. {@link dev.metered.runtime.MetricSink} receives each data point;
 * {@link dev.metered.runtime.DeliverySink} aggregates and samples in front of
 * {@link dev.metered.runtime.SentrySink}, which sends to Sentry;
 * {@link dev.metered.runtime.MeteredRuntime} holds the process-wide sink and is configured with
 * {@link dev.metered.runtime.MeteredOptions}. Generated recorders make the descriptors
 * ({@link dev.metered.runtime.Metric}, {@link dev.metered.runtime.SeriesTable}) that users read;
 * what only generated code calls is in {@code dev.metered.runtime.internal}, which is not API.
 * No reflection.
 */
package dev.metered.runtime;
