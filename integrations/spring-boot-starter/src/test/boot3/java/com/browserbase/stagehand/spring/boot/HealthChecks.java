package com.browserbase.stagehand.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationContext;

/** Spring Boot 3's health API, for the tests shared with Boot 4 (whose version is in boot4-tests/). */
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
