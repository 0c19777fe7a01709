/**
 * What generated recorders call. {@link dev.metered.runtime.MetricSink} receives each data
 * point; {@link dev.metered.runtime.SentrySink} sends it to Sentry; {@link
 * dev.metered.runtime.MeteredRuntime} holds the process-wide sink. No reflection.
 */
package dev.metered.runtime;
