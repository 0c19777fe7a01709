package dev.metered.spring.shop;

/** Two beans implement it; the application's own qualifier picks one. */
public interface Shipping {
  String ship(String item);
}
