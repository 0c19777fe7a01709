/** Small helpers shared by every concern: timing and formatting durations. */
package dev.metered.example.support;
