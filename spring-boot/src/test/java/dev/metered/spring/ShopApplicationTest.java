package dev.metered.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.spring.shop.Express;
import dev.metered.spring.shop.ExpressShipping_Metered;
import dev.metered.spring.shop.Ledger;
import dev.metered.spring.shop.Ledger_Metered;
import dev.metered.spring.shop.OrderService;
import dev.metered.spring.shop.OrderService_Metered;
import dev.metered.spring.shop.Receipts;
import dev.metered.spring.shop.Receipts_Metered;
import dev.metered.spring.shop.ShopApplication;
import dev.metered.spring.shop.Shipping;
import dev.metered.spring.shop.metrics.OrderMetrics;
import dev.metered.spring.shop.metrics.OrderMetrics.Channel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real Spring Boot application (the shop, with nothing Metered-specific in it) in a real
 * context, recording through the real Sentry SDK and its HTTP transport to a loopback receiver.
 */
@SpringBootTest(classes = ShopApplication.class)
class ShopApplicationTest {
  @RegisterExtension static final LoopbackSentry sentry = new LoopbackSentry();

  @Autowired OrderService orders;
  @Autowired Ledger ledger;
  @Autowired Receipts receipts;
  @Autowired @Express Shipping express;
  @Autowired OrderMetrics recorder;

  @Test
  void theContextCreatesTheWrappersWithTheirInjectionsQualifiersAndCallbacks() {
    assertThat(orders.getClass()).isEqualTo(OrderService_Metered.class);
    assertThat(orders.discount().name()).as("@Qualifier on a constructor parameter").isEqualTo("seasonal");
    assertThat(orders.place(Channel.NONE, "tea")).as("@Value on a constructor parameter").isEqualTo("tea at 80% in EUR");
    assertThat(orders.isOpen()).as("@PostConstruct").isTrue();
    assertThat(express.getClass()).as("a qualifier of the application's own on the class")
        .isEqualTo(ExpressShipping_Metered.class);
    assertThat(receipts.getClass()).as("made by a @Bean method").isEqualTo(Receipts_Metered.class);
    assertThat(AopUtils.getTargetClass(ledger)).as("behind Spring's proxy").isEqualTo(Ledger_Metered.class);
    assertThat(recorder).as("the recorder bean").isSameAs(OrderMetrics.global());
  }

  @Test
  void aCallThroughAnInjectedBeanIsRecordedWithItsAttributes() {
    assertThat(orders.place(Channel.WEB, "coffee")).isEqualTo("coffee at 80% in EUR");

    List<ReceivedMetric> points = sentry.pointsOf("place").stream()
        .filter(point -> "web".equals(point.attributes().get("channel"))).toList();
    assertThat(points).extracting(ReceivedMetric::name)
        .containsExactlyInAnyOrder(OrderMetrics.CALLS, OrderMetrics.DURATION);
    for (ReceivedMetric point : points) {
      assertThat(point.attributes()).containsEntry("success", true).doesNotContainKey("error_type");
    }
    ReceivedMetric duration = points.stream().filter(point -> point.type().equals("distribution")).findFirst().orElseThrow();
    assertThat(duration.unit()).isEqualTo("millisecond");
    assertThat(duration.value()).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void aCallFromOneMeteredMethodToAnotherOfTheSameBeanIsRecordedToo() {
    assertThat(orders.placeAll(Channel.APP, List.of("bread", "jam"))).isEqualTo(2);

    assertThat(sentry.pointsOf("place_all", OrderMetrics.CALLS)).hasSize(1);
    assertThat(sentry.pointsOf("place", OrderMetrics.CALLS))
        .filteredOn(point -> "app".equals(point.attributes().get("channel")))
        .hasSize(2);
  }

  @Test
  void aThrownExceptionIsRecordedWithItsTypeAndRethrown() {
    assertThatThrownBy(() -> orders.cancel("tea"))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("cannot cancel tea: already shipped");

    List<ReceivedMetric> points = sentry.pointsOf("cancel");
    assertThat(points).hasSize(2).allSatisfy(point -> assertThat(point.attributes())
        .containsEntry("success", false)
        .containsEntry("error_type", "IllegalStateException"));
  }

  @Test
  void aBeanThatSpringAlsoProxiesForTransactionsAndAsyncStillWorksAndRecords() throws Exception {
    assertThat(AopUtils.isAopProxy(ledger)).isTrue();
    assertThatThrownBy(() -> ledger.bookThenFail("refund")).isInstanceOf(IllegalArgumentException.class);
    ledger.book("sale");
    assertThat(ledger.entries("refund")).as("rolled back").isZero();
    assertThat(ledger.entries("sale")).isEqualTo(1);
    assertThat(ledger.threadName().get(5, TimeUnit.SECONDS)).isNotEqualTo(Thread.currentThread().getName());

    assertThat(sentry.pointsOf("count_entries", OrderMetrics.CALLS))
        .hasSize(2)
        .allSatisfy(point -> assertThat(point.attributes()).containsEntry("success", true));
  }

  @Test
  void aHandlerMadeByABeanMethodAndQualifiedHandlersRecord() {
    receipts.print();
    assertThat(express.ship("tea")).isEqualTo("tea by express");

    assertThat(sentry.pointsOf("print_receipt", OrderMetrics.CALLS)).hasSize(1);
    assertThat(sentry.pointsOf("ship", OrderMetrics.CALLS)).hasSize(1);
  }
}
