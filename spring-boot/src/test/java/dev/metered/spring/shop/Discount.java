package dev.metered.spring.shop;

/** Two beans of this type exist; a qualifier picks one. */
public record Discount(String name, int percent) {}
