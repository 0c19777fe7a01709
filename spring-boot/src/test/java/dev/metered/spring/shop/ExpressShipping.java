package dev.metered.spring.shop;

import dev.metered.annotations.Metered;
import org.springframework.stereotype.Component;

/** A handler class marked with a qualifier on the class. */
@Component
@Express
public class ExpressShipping implements Shipping {
  @Override
  @Metered(family = "order", attributes = {"operation=ship", "channel=none"})
  public String ship(String item) {
    return item + " by express";
  }
}
