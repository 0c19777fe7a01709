package dev.metered.spring.shop;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** A plain bean the handlers get injected: what it was asked for. */
@Component
public class Warehouse {
  private final List<String> taken = new ArrayList<>();

  public synchronized void take(String item) {
    taken.add(item);
  }

  public synchronized List<String> taken() {
    return List.copyOf(taken);
  }
}
