/**
 * Cogs (modules of commands) and the loader that loads, reloads and unloads them. Each command is a
 * {@code @Metered} handler method, which adds its name to the generated {@code
 * CommandMetrics.Command} enum.
 */
package dev.metered.example.cogs;
