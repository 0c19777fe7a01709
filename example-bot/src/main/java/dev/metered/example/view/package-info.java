/**
 * The bot's own view of its metrics: a sink that keeps data points in memory (and forwards them to
 * Sentry), and the table printed at the end of a session.
 */
package dev.metered.example.view;
