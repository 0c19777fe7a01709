package dev.metered.processor.model;

/**
 * One value of an enum field.
 *
 * @param wireValue the value Sentry receives, for example {@code slash}
 * @param constantName the Java constant, for example {@code SLASH}
 * @param fromHandler whether a {@code @Metered} handler contributed it
 */
public record EnumValue(String wireValue, String constantName, boolean fromHandler) {}
