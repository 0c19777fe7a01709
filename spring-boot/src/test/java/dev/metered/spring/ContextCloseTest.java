package dev.metered.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.spring.shop.OrderService;
import dev.metered.spring.shop.ShopApplication;
import dev.metered.spring.shop.metrics.OrderMetrics;
import dev.metered.spring.shop.metrics.OrderMetrics.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shop started as an application is, with its counters aggregated and a flush interval that
 * never comes: only closing the context can send them.
 */
class ContextCloseTest {
  @RegisterExtension static final LoopbackSentry sentry = new LoopbackSentry();

  @Test
  void closingTheContextSendsTheLastAggregatesWithWhatItsBeansRecordedWhileClosing() {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
        .properties("metered.delivery.order=aggregate", "metered.flush-interval=24h")
        .run();
    OrderService orders = context.getBean(OrderService.class);
    for (String item : new String[] {"tea", "coffee", "cocoa"}) {
      orders.place(Channel.WEB, item);
    }
    assertThat(sentry.pointsOf("place", OrderMetrics.CALLS)).as("aggregated, not sent yet").isEmpty();

    context.close();

    assertThat(sentry.pointsOf("place", OrderMetrics.CALLS))
        .singleElement()
        .satisfies(point -> {
          assertThat(point.type()).isEqualTo("counter");
          assertThat(point.value()).isEqualTo(3.0);
          assertThat(point.attributes()).containsEntry("channel", "web").containsEntry("success", true);
        });
    // OrderService's @PreDestroy records; the runtime is closed only after it ran.
    assertThat(sentry.pointsOf("count_till", OrderMetrics.CALLS))
        .extracting(ReceivedMetric::value)
        .containsExactly(1.0);
  }
}
