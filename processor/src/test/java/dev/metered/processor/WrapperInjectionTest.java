package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wrapper repeats what a dependency-injection container reads from the class it creates: the
 * constructors' injection markers, every annotation of their parameters, and the class's scope
 * annotations, with their values; and nothing else of the class (its qualifiers, its other
 * annotations). The real jakarta.inject, javax.inject and Guice annotations; Spring's
 * {@code @Autowired} declared here as Spring declares it.
 */
class WrapperInjectionTest {
  /** A handler recording the command {@code %s}: each class records its own. */
  private static final String HANDLER = """
        @dev.metered.annotations.Metered(family = "command", attributes = "command=%s")
        public String ping(@dev.metered.annotations.Attr("command_type") test.metrics.CommandMetrics.CommandType type) {
          return "pong";
        }
      """;

  private static final List<JavaFileObject> SOURCES = List.of(
      Compilations.source("test.Region", """
          package test;

          import java.lang.annotation.Retention;
          import java.lang.annotation.RetentionPolicy;

          /** A qualifier with values of two kinds. */
          @jakarta.inject.Qualifier
          @Retention(RetentionPolicy.RUNTIME)
          public @interface Region {
            String value();
            int weight() default 1;
          }
          """),
      Compilations.source("test.RequestScoped", """
          package test;

          import java.lang.annotation.Retention;
          import java.lang.annotation.RetentionPolicy;

          /** A scope of the user's own, as a Dagger component declares one. */
          @javax.inject.Scope
          @Retention(RetentionPolicy.RUNTIME)
          public @interface RequestScoped {}
          """),
      Compilations.source("org.springframework.beans.factory.annotation.Autowired", """
          package org.springframework.beans.factory.annotation;

          import java.lang.annotation.ElementType;
          import java.lang.annotation.Retention;
          import java.lang.annotation.RetentionPolicy;
          import java.lang.annotation.Target;

          @Target({ElementType.CONSTRUCTOR, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD,
              ElementType.ANNOTATION_TYPE})
          @Retention(RetentionPolicy.RUNTIME)
          public @interface Autowired {
            boolean required() default true;
          }
          """),
      Compilations.source("test.JakartaPing", """
          package test;

          @jakarta.inject.Singleton
          @jakarta.inject.Named("jakartaPing")
          public class JakartaPing {
            @jakarta.inject.Inject
            public JakartaPing(@jakarta.inject.Named("greeting") String greeting, @Region(value = "eu", weight = 2) int shard) {}

            @Deprecated
            JakartaPing() {}
          """ + HANDLER.formatted("jakarta") + "}\n"),
      Compilations.source("test.JavaxPing", """
          package test;

          @javax.inject.Singleton
          public class JavaxPing {
            @javax.inject.Inject
            JavaxPing(@javax.inject.Named("greeting") String greeting) {}
          """ + HANDLER.formatted("javax") + "}\n"),
      Compilations.source("test.GuicePing", """
          package test;

          @com.google.inject.Singleton
          public class GuicePing {
            @com.google.inject.Inject
            GuicePing(@com.google.inject.name.Named("greeting") String greeting) {}
          """ + HANDLER.formatted("guice") + "}\n"),
      Compilations.source("test.SpringPing", """
          package test;

          public class SpringPing {
            @org.springframework.beans.factory.annotation.Autowired(required = false)
            SpringPing(String greeting) {}
          """ + HANDLER.formatted("spring") + "}\n"),
      Compilations.source("test.ScopedPing", """
          package test;

          import java.lang.annotation.Retention;
          import java.lang.annotation.RetentionPolicy;

          @RequestScoped
          @SuppressWarnings("unused")
          public class ScopedPing {
            @Retention(RetentionPolicy.RUNTIME)
            private @interface Hidden {}

            @javax.inject.Inject
            ScopedPing(@Hidden String greeting) {}
          """ + HANDLER.formatted("scoped") + "}\n"));

  @TempDir static Path dir;
  static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    classes = GeneratedClasses.ofSuccessful(
        Compilations.compile(dir, WrapperBehaviourTest.SCHEMA, SOURCES.toArray(new JavaFileObject[0])));
  }

  @Test
  void jakartaInjectAndScopeAndParameterQualifiersAreRepeatedWithTheirValues() throws Exception {
    Class<?> wrapper = classes.loadClass("test.JakartaPing_Metered");
    Constructor<?> injected = wrapper.getDeclaredConstructor(String.class, int.class);

    assertThat(wrapper.isAnnotationPresent(jakarta.inject.Singleton.class)).isTrue();
    assertThat(injected.isAnnotationPresent(jakarta.inject.Inject.class)).isTrue();
    Annotation[][] parameters = injected.getParameterAnnotations();
    assertThat(((jakarta.inject.Named) parameters[0][0]).value()).isEqualTo("greeting");
    Annotation region = parameters[1][0];
    assertThat(region.annotationType().getName()).isEqualTo("test.Region");
    assertThat(region.annotationType().getMethod("value").invoke(region)).isEqualTo("eu");
    assertThat(region.annotationType().getMethod("weight").invoke(region)).isEqualTo(2);
  }

  @Test
  void theClassesQualifiersAndOtherAnnotationsAreNotRepeated() throws Exception {
    Class<?> wrapper = classes.loadClass("test.JakartaPing_Metered");

    assertThat(wrapper.getDeclaredAnnotation(jakarta.inject.Named.class))
        .as("a second bean of the same name for a container that scans").isNull();
    assertThat(wrapper.getDeclaredConstructor().getDeclaredAnnotations())
        .as("a constructor without a marker stays plain").isEmpty();
  }

  @Test
  void javaxInjectAndScopeAreRepeated() throws Exception {
    Class<?> wrapper = classes.loadClass("test.JavaxPing_Metered");
    Constructor<?> injected = wrapper.getDeclaredConstructor(String.class);

    assertThat(wrapper.isAnnotationPresent(javax.inject.Singleton.class)).isTrue();
    assertThat(injected.isAnnotationPresent(javax.inject.Inject.class)).isTrue();
    assertThat(((javax.inject.Named) injected.getParameterAnnotations()[0][0]).value()).isEqualTo("greeting");
  }

  @Test
  void guiceInjectAndScopeAreRepeated() throws Exception {
    Class<?> wrapper = classes.loadClass("test.GuicePing_Metered");
    Constructor<?> injected = wrapper.getDeclaredConstructor(String.class);

    assertThat(wrapper.isAnnotationPresent(com.google.inject.Singleton.class)).isTrue();
    assertThat(injected.isAnnotationPresent(com.google.inject.Inject.class)).isTrue();
    assertThat(((com.google.inject.name.Named) injected.getParameterAnnotations()[0][0]).value())
        .isEqualTo("greeting");
  }

  @Test
  void springsAutowiredIsRepeatedWithItsValue() throws Exception {
    Constructor<?> injected = classes.loadClass("test.SpringPing_Metered").getDeclaredConstructor(String.class);

    Annotation autowired = injected.getDeclaredAnnotations()[0];
    assertThat(autowired.annotationType().getName())
        .isEqualTo("org.springframework.beans.factory.annotation.Autowired");
    assertThat(autowired.annotationType().getMethod("required").invoke(autowired)).isEqualTo(false);
  }

  @Test
  void aScopeOfTheUsersOwnIsRepeatedAndAPrivateAnnotationIsNot() throws Exception {
    Class<?> wrapper = classes.loadClass("test.ScopedPing_Metered");

    assertThat(Arrays.stream(wrapper.getDeclaredAnnotations()).map(a -> a.annotationType().getName()))
        .as("the scope, and not @SuppressWarnings, whose retention is the source's anyway")
        .containsExactly("test.RequestScoped");
    assertThat(wrapper.getDeclaredConstructor(String.class).getParameterAnnotations()[0])
        .as("the wrapper, outside ScopedPing, could not name ScopedPing.Hidden").isEmpty();
  }
}
