package dev.metered.spring.shop;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** @Bean methods: two discounts told apart by a qualifier, and a handler made by hand. */
@Configuration
public class ShopConfiguration {
  @Bean
  @Primary
  Discount noDiscount() {
    return new Discount("none", 0);
  }

  @Bean
  @Qualifier("seasonal")
  Discount seasonalDiscount() {
    return new Discount("seasonal", 20);
  }

  /** A handler a @Bean method creates: it names the wrapper, which has the same constructors. */
  @Bean
  Receipts receipts(Warehouse warehouse) {
    return new Receipts_Metered(warehouse);
  }
}
