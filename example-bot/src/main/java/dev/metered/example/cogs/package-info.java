/**
 * Cogs (modules of commands) and the loader that loads, reloads and unloads them. Each command is a
 * {@code @Metered} handler method, which adds its name to the generated {@code
 * CommandMetrics.Command} enum; the bot creates each cog as its generated {@code _Metered} wrapper,
 * so every invocation of a command is timed and recorded. Cog operations are {@code @Metered}
 * handlers of {@code CogOperations}, recorded the same way.
 */
package dev.metered.example.cogs;
