package dev.metered.spring.shop;

import dev.metered.annotations.Metered;

/** A handler class created by a @Bean method rather than by component scanning. */
public class Receipts {
  private final Warehouse warehouse;

  public Receipts(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Metered(family = "order", attributes = {"operation=print_receipt", "channel=none"})
  public int print() {
    return warehouse.taken().size();
  }
}
