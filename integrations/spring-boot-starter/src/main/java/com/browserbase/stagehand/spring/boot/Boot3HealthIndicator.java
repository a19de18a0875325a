package com.browserbase.stagehand.spring.boot;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code stagehand} health indicator on Spring Boot 3 ({@code org.springframework.boot.actuate.health}). */
final class Boot3HealthIndicator implements HealthIndicator {
  private final StagehandHealthProbe probe;

  Boot3HealthIndicator(StagehandHealthProbe probe) {
    this.probe = probe;
  }

  @Override
  public Health health() {
    StagehandHealthProbe.Result result = probe.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}
