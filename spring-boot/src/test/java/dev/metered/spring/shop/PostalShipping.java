package dev.metered.spring.shop;

import org.springframework.stereotype.Component;

/** The other shipping bean. */
@Component
public class PostalShipping implements Shipping {
  @Override
  public String ship(String item) {
    return item + " by post";
  }
}
