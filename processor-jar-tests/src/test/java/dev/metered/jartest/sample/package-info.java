/**
 * A small application that uses Dagger, AutoValue, MapStruct, Lombok and Metered together, so
 * that one javac run with one processor path runs all five processors.
 */
package dev.metered.jartest.sample;
