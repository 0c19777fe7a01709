/** Test support: a sink that keeps what recorders recorded, for assertions without Sentry. */
package dev.metered.runtime.testing;
