package dev.metered.spring;

import java.util.Arrays;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.util.ClassUtils;

/**
 * Makes the context create Metered's generated classes: every bean definition whose class has a
 * wrapper in {@link GeneratedClassLists} gets the wrapper as its class, and every generated
 * recorder becomes a bean. Nothing is proxied or generated at run time: Spring creates the
 * wrapper, a plain subclass with the original's constructors, as it would have created the
 * original, so constructor injection, {@code @Value}, {@code @Autowired} fields and lifecycle
 * callbacks (all inherited) work as before.
 *
 * <p>A bean made by a {@code @Bean} method is created by the user's code, which no definition
 * can change: {@link UnwrappedBeanCheck} refuses one that is the original class.
 */
final class MeteredBeanDefinitions implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware, Ordered {
  private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
  private GeneratedClassLists lists;

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public int getOrder() {
    // After Spring's own registry post-processors, so that every scanned or imported definition
    // is there to be swapped.
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Each recorder's {@code global()} instance as a bean, unless the context defines one. */
  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    for (String recorder : lists().recorders()) {
      if (registry.containsBeanDefinition(recorder)) {
        continue;
      }
      RootBeanDefinition definition = new RootBeanDefinition();
      definition.setBeanClassName(recorder);
      definition.setFactoryMethodName("global");
      // A recorder bean of the application's own (one bound to a test's RecordingSink, say) wins.
      definition.setFallback(true);
      definition.setDependsOn(MeteredAutoConfiguration.RUNTIME_BEAN);
      registry.registerBeanDefinition(recorder, definition);
    }
  }

  /**
   * Swaps the class of every definition created by constructor whose class has a wrapper. Runs
   * after all registry post-processors, so definitions any of them added are swapped too.
   */
  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    for (String name : beanFactory.getBeanDefinitionNames()) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      String className = definition.getBeanClassName(); // null for a @Bean method's definition
      String wrapper = className == null ? null : lists().wrappers().get(className);
      if (wrapper == null || definition.getFactoryMethodName() != null
          || (definition instanceof AbstractBeanDefinition concrete && concrete.getInstanceSupplier() != null)) {
        continue;
      }
      keepClassQualifiers(definition);
      definition.setBeanClassName(wrapper);
      definition.setDependsOn(withRuntime(definition.getDependsOn()));
    }
    beanFactory.addBeanPostProcessor(new UnwrappedBeanCheck(lists().wrappers(), beanFactory));
  }

  /**
   * Keeps the qualifiers on the original class (a {@code @Qualifier("fast")}, or an annotation
   * meta-annotated with {@code @Qualifier}) as qualifiers of the definition: Spring reads them
   * from the bean's class, where only {@code @Inherited} ones would be seen on the wrapper.
   */
  private static void keepClassQualifiers(BeanDefinition definition) {
    if (!(definition instanceof AnnotatedBeanDefinition annotated)
        || !(definition instanceof AbstractBeanDefinition concrete)) {
      return;
    }
    annotated.getMetadata().getAnnotations().stream(Qualifier.class)
        .map(MergedAnnotation::getRoot)
        .distinct()
        .filter(qualifier -> !concrete.hasQualifier(qualifier.getType().getName()))
        .forEach(qualifier -> {
          AutowireCandidateQualifier copy = new AutowireCandidateQualifier(qualifier.getType());
          qualifier.asMap().forEach(copy::setAttribute);
          concrete.addQualifier(copy);
        });
  }

  /**
   * The bean's dependencies and the runtime's bean: the runtime is configured before the bean
   * is created and closed only after it is destroyed, so what its destruction callbacks record
   * is sent too.
   */
  private static String[] withRuntime(String[] dependsOn) {
    if (dependsOn == null) {
      return new String[] {MeteredAutoConfiguration.RUNTIME_BEAN};
    }
    String[] all = Arrays.copyOf(dependsOn, dependsOn.length + 1);
    all[dependsOn.length] = MeteredAutoConfiguration.RUNTIME_BEAN;
    return all;
  }

  private GeneratedClassLists lists() {
    if (lists == null) {
      lists = GeneratedClassLists.read(classLoader);
    }
    return lists;
  }
}
