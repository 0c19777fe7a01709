/**
 * HTTP clients for the services the bot calls (tldr pages, Discord, Wolfram|Alpha) on {@code
 * java.net.http}, all through {@link dev.metered.example.api.ApiClient}, which records one {@code
 * api} event per request.
 */
package dev.metered.example.api;
