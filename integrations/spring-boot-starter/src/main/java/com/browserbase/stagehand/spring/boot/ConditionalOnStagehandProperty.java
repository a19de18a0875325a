package com.browserbase.stagehand.spring.boot;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the property {@code stagehand.<value>} has a value that is not blank. Unlike {@code
 * ConditionalOnProperty}, {@code stagehand.cache.directory=${CACHE_DIR:}} with nothing set does not match.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(OnStagehandPropertyCondition.class)
@interface ConditionalOnStagehandProperty {
  /** The property under {@code stagehand.}, such as {@code cache.directory}. */
  String value();
}
