package dev.metered.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.metered.annotations.Metered;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordingSink;
import dev.metered.spring.shop.Receipts;
import dev.metered.spring.shop.Warehouse;
import dev.metered.spring.shop.metrics.OrderMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration on its own, in small contexts: options, recorder beans, refusals. */
class MeteredAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MeteredAutoConfiguration.class));

  @Test
  void theOptionsBindFromMeteredProperties() {
    runner.withPropertyValues(
            "metered.flush-interval=30s",
            "metered.flush-timeout=2s",
            "metered.close-timeout=3s",
            "metered.events-per-second=500",
            "metered.sampled-per-second=50",
            "metered.delivery-for-all=event",
            "metered.delivery.order=aggregate",
            "metered.delivery[shop.order.duration]=auto")
        .run(context -> {
          assertThat(context).hasNotFailed();
          MeteredOptions options = context.getBean(MeteredOptions.class);
          assertThat(options.flushInterval()).isEqualTo(Duration.ofSeconds(30));
          assertThat(options.flushTimeout()).isEqualTo(Duration.ofSeconds(2));
          assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(options.eventsPerSecond()).isEqualTo(500);
          assertThat(options.sampledPerSecond()).isEqualTo(50);
          MeteredProperties properties = context.getBean(MeteredProperties.class);
          assertThat(properties.getDelivery())
              .containsExactlyInAnyOrderEntriesOf(Map.of("order", DeliveryMode.AGGREGATE,
                  "shop.order.duration", DeliveryMode.AUTO));
          assertThat(properties.getDeliveryForAll()).isEqualTo(DeliveryMode.EVENT);
          assertThat(context.getBean(MeteredRuntimeLifecycle.class).sink().options()).isSameAs(options);
          assertThat(MeteredRuntime.defaultSink()).isSameAs(context.getBean(MeteredRuntimeLifecycle.class).sink());
        });
  }

  @Test
  void withoutPropertiesTheOptionsAreTheRuntimesDefaults() {
    runner.run(context -> {
      MeteredOptions options = context.getBean(MeteredOptions.class);
      MeteredOptions defaults = MeteredOptions.defaults();
      assertThat(options.flushInterval()).isEqualTo(defaults.flushInterval());
      assertThat(options.flushTimeout()).isEqualTo(defaults.flushTimeout());
      assertThat(options.closeTimeout()).isEqualTo(defaults.closeTimeout());
      assertThat(options.eventsPerSecond()).isEqualTo(defaults.eventsPerSecond());
      assertThat(options.sampledPerSecond()).isEqualTo(defaults.sampledPerSecond());
    });
  }

  @Test
  void aValueOutOfRangeFailsTheStartNamingThePropertyAndTheRange() {
    runner.withPropertyValues("metered.flush-interval=1ms").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("MeteredOptions.flushInterval must be between 10 ms and 24 h, not PT0.001S");
      // What Spring Boot's failure analysis prints: the property, its value and where it was set.
      BindException bind = causeOfType(context.getStartupFailure(), BindException.class);
      assertThat(bind.getProperty().getName()).hasToString("metered.flush-interval");
      assertThat(bind.getProperty().getValue()).isEqualTo("1ms");
    });
  }

  @Test
  void aCustomizerAddsWhatPropertiesCannotSay() {
    RecordingSink sink = new RecordingSink();
    runner.withBean(MeteredOptionsCustomizer.class, () -> builder -> builder.exporter(sink))
        .run(context -> assertThat(context.getBean(MeteredOptions.class).exporter()).isSameAs(sink));
  }

  @Test
  void eachRecorderIsABeanUnlessTheApplicationDefinesItsOwn() {
    runner.run(context -> assertThat(context.getBean(OrderMetrics.class)).isSameAs(OrderMetrics.global()));

    OrderMetrics own = new OrderMetrics(new RecordingSink());
    runner.withBean("myOrderMetrics", OrderMetrics.class, () -> own)
        .run(context -> assertThat(context.getBean(OrderMetrics.class)).isSameAs(own));
  }

  @Test
  void aBeanMethodThatCreatesTheOriginalClassFailsTheStartSayingWhatToWrite() {
    runner.withUserConfiguration(UnwrappedReceipts.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("The bean 'receipts' made by the @Bean method receipts()")
          .hasMessageContaining("is a dev.metered.spring.shop.Receipts, whose @Metered methods record nothing")
          .hasMessageContaining("return new Receipts_Metered(...) rather than new Receipts(...)");
    });
  }

  @Test
  void aFullConfigurationClassWithMeteredMethodsFailsTheStartAndALiteOneIsWrapped() {
    runner.withUserConfiguration(FullConfiguration.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .hasMessageContaining("that Spring subclasses itself (a @Configuration class)")
          .hasMessageContaining("declare @Configuration(proxyBeanMethods = false)");
    });
    runner.withUserConfiguration(LiteConfiguration.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(LiteConfiguration.class))
          .isExactlyInstanceOf(MeteredAutoConfigurationTest_LiteConfiguration_Metered.class);
    });
  }

  @Test
  void closingALaterContextHandsTheRuntimeBackToTheOneStillOpen() {
    runner.withPropertyValues("metered.flush-interval=20s").run(outer -> {
      runner.withPropertyValues("metered.flush-interval=40s").run(inner ->
          assertThat(MeteredRuntime.defaultSink().options().flushInterval()).isEqualTo(Duration.ofSeconds(40)));
      MeteredRuntimeLifecycle lifecycle = outer.getBean(MeteredRuntimeLifecycle.class);
      assertThat(MeteredRuntime.defaultSink()).isSameAs(lifecycle.sink());
      assertThat(lifecycle.sink().options().flushInterval()).isEqualTo(Duration.ofSeconds(20));
    });
  }

  @Test
  void theConfigurationMetadataDescribesEveryMeteredProperty() throws IOException {
    String json;
    try (InputStream in = MeteredProperties.class.getClassLoader()
        .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("written by spring-boot-configuration-processor").isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> names = JsonPath.read(json, "$.properties[*].name");
    assertThat(names).contains("metered.flush-interval", "metered.flush-timeout", "metered.close-timeout",
        "metered.events-per-second", "metered.sampled-per-second", "metered.delivery", "metered.delivery-for-all");
    List<String> described = JsonPath.read(json, "$.properties[?(@.description)].name");
    assertThat(described).containsExactlyInAnyOrderElementsOf(names);
    List<Object> flushDefault = JsonPath.read(json, "$.properties[?(@.name == 'metered.flush-interval')].defaultValue");
    assertThat(flushDefault).containsExactly("10s");
  }

  private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    throw new AssertionError("no " + type.getName() + " among the causes of " + thrown, thrown);
  }

  /** Full: it has a @Bean method, so Spring subclasses it to intercept calls between them. */
  @Configuration
  static class FullConfiguration {
    @Bean
    Warehouse warehouse() {
      return new Warehouse();
    }

    @Metered(family = "order", attributes = {"operation=configure", "channel=none"})
    public void configure() {}
  }

  @Configuration(proxyBeanMethods = false)
  static class LiteConfiguration {
    @Metered(family = "order", attributes = {"operation=configure_lite", "channel=none"})
    public void configure() {}
  }

  @Configuration(proxyBeanMethods = false)
  static class UnwrappedReceipts {
    @Bean
    Warehouse warehouse() {
      return new Warehouse();
    }

    @Bean
    Receipts receipts(Warehouse warehouse) {
      return new Receipts(warehouse);
    }
  }
}
