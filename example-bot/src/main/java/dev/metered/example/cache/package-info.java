/** Caffeine caches that record hits, misses, durations and their size. */
package dev.metered.example.cache;
