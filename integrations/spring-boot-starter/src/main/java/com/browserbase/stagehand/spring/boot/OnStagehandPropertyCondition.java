package com.browserbase.stagehand.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnStagehandProperty}. */
final class OnStagehandPropertyCondition extends SpringBootCondition {
  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String name = "stagehand." + metadata.getAnnotationAttributes(ConditionalOnStagehandProperty.class.getName())
        .get("value");
    String value = context.getEnvironment().getProperty(name);
    return value != null && !value.trim().isEmpty()
        ? ConditionOutcome.match(name + " is set")
        : ConditionOutcome.noMatch(name + " is not set");
  }
}
