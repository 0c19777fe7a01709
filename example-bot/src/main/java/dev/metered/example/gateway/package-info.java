/**
 * What the Discord gateway delivers: messages and slash-command interactions. Plain records until
 * the bot connects through JDA; the scripted session produces them.
 */
package dev.metered.example.gateway;
