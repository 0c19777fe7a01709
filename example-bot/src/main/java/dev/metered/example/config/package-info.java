/**
 * The bot's settings: their definitions ({@link dev.metered.example.config.Setting}), where they
 * are read from (environment, then an optional properties file, then defaults) and how bad values
 * are reported: one line that names the setting, never a stack trace.
 */
package dev.metered.example.config;
