package com.browserbase.stagehand.spring.boot;

import com.browserbase.stagehand.client.StagehandClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code stagehand} health indicator (bean {@code stagehandHealthIndicator}), with the actuator, when there is a
 * {@link StagehandClient} bean: in local mode up when the client's server answers {@code GET /readyz} with 200,
 * otherwise up when the client's base URL answers with a status below 500. It never starts a session and never sends a key. Off with
 * {@code management.health.stagehand.enabled=false} (or {@code management.health.defaults.enabled=false}). On Boot 3.5
 * it is an {@code org.springframework.boot.actuate.health.HealthIndicator}, on Boot 4.0 an {@code
 * org.springframework.boot.health.contributor.HealthIndicator}.
 */
@AutoConfiguration(after = StagehandAutoConfiguration.class)
@ConditionalOnBean(StagehandClient.class)
@Conditional(OnStagehandHealthEnabledCondition.class)
public class StagehandHealthAutoConfiguration {
  static final String BEAN = "stagehandHealthIndicator";
  private static final String BOOT4_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";
  private static final String BOOT3_INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";

  /** Creates the auto-configuration; Spring does. */
  public StagehandHealthAutoConfiguration() {
  }

  /** Probes the client's server; local mode as {@code stagehand.local.enabled} says. */
  static StagehandHealthProbe probe(StagehandClient client, ObjectProvider<StagehandProperties> properties) {
    StagehandProperties settings = properties.getIfAvailable();
    boolean local = settings != null && settings.getLocal().isEnabled();
    return new StagehandHealthProbe(client::baseUrl, local, StagehandHealthProbe.TIMEOUT);
  }

  /** Spring Boot 4: {@code spring-boot-health}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = BOOT4_INDICATOR)
  static class Boot4Configuration {
    @Bean(name = BEAN)
    @ConditionalOnMissingBean(name = BEAN)
    org.springframework.boot.health.contributor.HealthIndicator stagehandHealthIndicator(StagehandClient client,
        ObjectProvider<StagehandProperties> properties) {
      return new Boot4HealthIndicator(probe(client, properties));
    }
  }

  /** Spring Boot 3: {@code spring-boot-actuator}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = BOOT3_INDICATOR)
  @ConditionalOnMissingClass(BOOT4_INDICATOR)
  static class Boot3Configuration {
    @Bean(name = BEAN)
    @ConditionalOnMissingBean(name = BEAN)
    org.springframework.boot.actuate.health.HealthIndicator stagehandHealthIndicator(StagehandClient client,
        ObjectProvider<StagehandProperties> properties) {
      return new Boot3HealthIndicator(probe(client, properties));
    }
  }
}
