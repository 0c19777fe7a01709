/**
 * Commands: the registry loaded cogs fill, the router that turns gateway input into invocations,
 * and the dispatcher that runs each invocation and replies. Each invocation is timed and recorded
 * by the generated wrapper of its {@code @Metered} handler.
 */
package dev.metered.example.commands;
