/**
 * The command line: settings in, the bot run in one of its two ways (connected to Discord, or the
 * offline simulation), the metrics table out, Ctrl-C handled. The top of the package graph: it uses
 * every other package, and none uses it.
 */
package dev.metered.example.cli;
