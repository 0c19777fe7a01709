/** Small helpers shared by every concern: timing and naming failures. */
package dev.metered.example.support;
