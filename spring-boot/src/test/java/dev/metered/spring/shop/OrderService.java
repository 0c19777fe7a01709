package dev.metered.spring.shop;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.spring.shop.metrics.OrderMetrics.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A scanned service with @Metered methods, constructor injection (by type, by qualifier and by
 * {@code @Value}) and lifecycle callbacks: everything the container must keep working when it
 * creates the wrapper instead.
 */
@Service
public class OrderService {
  private final Warehouse warehouse;
  private final Discount discount;
  private final String currency;
  private volatile boolean open;

  public OrderService(Warehouse warehouse, @Qualifier("seasonal") Discount discount,
      @Value("${shop.currency}") String currency) {
    this.warehouse = warehouse;
    this.discount = discount;
    this.currency = currency;
  }

  @PostConstruct
  void openShop() {
    open = true;
  }

  /** Records while the context closes: the runtime must still be open then. */
  @PreDestroy
  void closeShop() {
    countTill();
    open = false;
  }

  @Metered(family = "order", attributes = "operation=place")
  public String place(@Attr("channel") Channel channel, String item) {
    warehouse.take(item);
    return item + " at " + (100 - discount.percent()) + "% in " + currency;
  }

  /** Calls {@link #place} on itself: no proxy in between, and still recorded. */
  @Metered(family = "order", attributes = "operation=place_all")
  public int placeAll(@Attr("channel") Channel channel, List<String> items) {
    items.forEach(item -> place(channel, item));
    return items.size();
  }

  @Metered(family = "order", attributes = {"operation=cancel", "channel=none"})
  public void cancel(String item) {
    throw new IllegalStateException("cannot cancel " + item + ": already shipped");
  }

  @Metered(family = "order", attributes = {"operation=count_till", "channel=none"})
  public int countTill() {
    return warehouse.taken().size();
  }

  public boolean isOpen() {
    return open;
  }

  public Discount discount() {
    return discount;
  }
}
