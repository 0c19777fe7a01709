package dev.metered.spring;

import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Refuses a bean that is an instance of a class with {@code @Metered} methods rather than of its
 * wrapper: its handlers would record nothing, silently. Only a bean the application's own code
 * creates gets here, a {@code @Bean} method's {@code new Handler(...)}, or a full
 * {@code @Configuration} class with {@code @Metered} methods, which Spring subclasses itself;
 * definitions created by constructor were given the wrapper by {@link MeteredBeanDefinitions}.
 *
 * <p>Checked before initialisation, so on the object the code created, before any proxy.
 */
final class UnwrappedBeanCheck implements BeanPostProcessor {
  private final Map<String, String> wrappers;
  private final ConfigurableListableBeanFactory beanFactory;

  UnwrappedBeanCheck(Map<String, String> wrappers, ConfigurableListableBeanFactory beanFactory) {
    this.wrappers = wrappers;
    this.beanFactory = beanFactory;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
    Class<?> type = bean.getClass();
    // A class Spring subclassed itself (a full @Configuration class) is named by what it subclasses.
    String original = ClassUtils.getUserClass(type).getName();
    String wrapper = wrappers.get(original);
    if (wrapper == null) {
      return bean;
    }
    if (!type.getName().equals(original)) {
      throw new BeanInitializationException("The bean '" + beanName + "' is a " + original + " that Spring"
          + " subclasses itself (a @Configuration class), so it cannot be its generated subclass " + wrapper
          + " and its @Metered methods would record nothing. Move them to a @Component, or declare"
          + " @Configuration(proxyBeanMethods = false)");
    }
    throw new BeanInitializationException("The bean '" + beanName + "'" + origin(beanName) + " is a " + original
        + ", whose @Metered methods record nothing: only its generated subclass " + wrapper
        + " records. Create that one instead, with the same arguments: return new "
        + simpleName(wrapper) + "(...) rather than new " + simpleName(original) + "(...)");
  }

  private String origin(String beanName) {
    if (!beanFactory.containsBeanDefinition(beanName)) {
      return "";
    }
    BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
    StringBuilder origin = new StringBuilder();
    if (definition.getFactoryMethodName() != null) {
      origin.append(" made by the @Bean method ").append(definition.getFactoryMethodName()).append("()");
    }
    if (definition.getResourceDescription() != null) {
      origin.append(" in ").append(definition.getResourceDescription());
    }
    return origin.toString();
  }

  private static String simpleName(String binaryName) {
    return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
  }
}
