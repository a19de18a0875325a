package com.browserbase.stagehand.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** Spring Boot 4's health API, for the starter's tests (whose Boot 3 version is in ../src/test/boot3/java). */
final class HealthChecks {
  private HealthChecks() {
  }

  /** The type of health indicators on this Boot. */
  static Class<?> indicatorType() {
    return HealthIndicator.class;
  }

  /** Asks the {@code stagehandHealthIndicator} bean. */
  static HealthResult check(ApplicationContext context) {
    Health health = context.getBean("stagehandHealthIndicator", HealthIndicator.class).health();
    return new HealthResult(health.getStatus().getCode(), health.getDetails());
  }
}
