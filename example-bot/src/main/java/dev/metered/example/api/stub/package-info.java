/**
 * A local HTTP server that stands in for tldr pages, Discord and Wolfram|Alpha, with scripted rate
 * limits, server errors and stalls.
 */
package dev.metered.example.api.stub;
