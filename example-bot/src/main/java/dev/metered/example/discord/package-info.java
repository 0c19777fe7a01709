/**
 * The connection to Discord through JDA, used when {@code DISCORD_TOKEN} is set: a thin adapter
 * from JDA's events to the bot's own gateway events, which take the same route through the command
 * router as the simulation's; the slash commands registered from the cogs' command specs; and the
 * bot's presence. Depends on commands, gateway and services; nothing but the launcher depends on
 * it.
 */
package dev.metered.example.discord;
