/**
 * The scripted session: seeded gateway traffic that drives every metric family of the bot,
 * reproducibly, until the bot connects to Discord.
 */
package dev.metered.example.session;
