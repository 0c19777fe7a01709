package dev.metered.spring;

import dev.metered.runtime.MeteredOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Metered in a Spring Boot application, with nothing to set up: beans whose class has
 * {@code @Metered} methods are created as their generated wrappers, each generated recorder is a
 * bean, {@link MeteredOptions} come from the {@code metered.*} properties, and the runtime sends
 * its last aggregates when the context closes.
 */
@AutoConfiguration
@EnableConfigurationProperties(MeteredProperties.class)
public class MeteredAutoConfiguration {
  /** The name of the {@link MeteredRuntimeLifecycle} bean that wrapped and recorder beans depend on. */
  public static final String RUNTIME_BEAN = "dev.metered.spring.MeteredRuntimeLifecycle";

  /** Static: a registry post-processor is created before any other bean, this class included. */
  @Bean
  static MeteredBeanDefinitions meteredBeanDefinitions() {
    return new MeteredBeanDefinitions();
  }

  /** The options from the properties, then each customizer in order; unless the context has its own. */
  @Bean
  @ConditionalOnMissingBean
  MeteredOptions meteredOptions(MeteredProperties properties, ObjectProvider<MeteredOptionsCustomizer> customizers) {
    MeteredOptions.Builder builder = properties.toBuilder();
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  @Bean(name = RUNTIME_BEAN)
  MeteredRuntimeLifecycle meteredRuntime(MeteredOptions options) {
    return new MeteredRuntimeLifecycle(options);
  }
}
