package com.browserbase.stagehand.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the {@code stagehand} health indicator is on: {@code management.health.stagehand.enabled}, else {@code
 * management.health.defaults.enabled}, else true. Boot's own {@code @ConditionalOnEnabledHealthIndicator} does the
 * same but lives in another package on Boot 3.5 and 4.0, so neither can serve both.
 */
final class OnStagehandHealthEnabledCondition extends SpringBootCondition {
  static final String PROPERTY = "management.health.stagehand.enabled";
  private static final String DEFAULTS = "management.health.defaults.enabled";

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    Environment environment = context.getEnvironment();
    if (environment.containsProperty(PROPERTY)) {
      boolean enabled = environment.getProperty(PROPERTY, Boolean.class, true);
      return new ConditionOutcome(enabled, PROPERTY + " is " + enabled);
    }
    boolean enabled = environment.getProperty(DEFAULTS, Boolean.class, true);
    return new ConditionOutcome(enabled, DEFAULTS + (environment.containsProperty(DEFAULTS) ? " is " + enabled : " is not set"));
  }
}
