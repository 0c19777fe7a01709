package dev.metered.spring.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A Spring Boot application as a user writes one, with Metered's handlers among its beans and
 * nothing Metered-specific in its configuration: the auto-configuration does the rest.
 */
@SpringBootApplication
@EnableAsync
public class ShopApplication {}
