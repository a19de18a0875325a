package com.browserbase.stagehand.spring.boot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code stagehand} health indicator on Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
final class Boot4HealthIndicator implements HealthIndicator {
  private final StagehandHealthProbe probe;

  Boot4HealthIndicator(StagehandHealthProbe probe) {
    this.probe = probe;
  }

  @Override
  public Health health() {
    StagehandHealthProbe.Result result = probe.check();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}
