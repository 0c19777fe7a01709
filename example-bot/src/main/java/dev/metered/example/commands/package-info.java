/**
 * Commands: the registry loaded cogs fill, the router that turns gateway input into invocations,
 * and the dispatcher that runs, times and records each invocation.
 */
package dev.metered.example.commands;
