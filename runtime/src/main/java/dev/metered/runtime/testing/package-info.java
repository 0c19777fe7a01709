/**
 * Test support: a sink that keeps what recorders recorded, and fluent assertions on it
 * ({@link dev.metered.runtime.testing.MetricAssertions}), for tests without Sentry.
 */
package dev.metered.runtime.testing;
