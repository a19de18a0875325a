package com.browserbase.stagehand.spring.boot;

import com.browserbase.stagehand.micrometer.MicrometerCallListener;
import com.browserbase.stagehand.micrometer.StagehandObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Metrics and traces of the client's calls ({@code stagehand-java-micrometer}), when the application has an {@link
 * ObservationRegistry} and a {@link MeterRegistry} (Spring Boot's actuator makes both): a {@link
 * MicrometerCallListener} bean, which the client then gets like any other {@code CallListener} bean. It gives the timer
 * {@code stagehand.client.requests}, the counter {@code stagehand.cache.acts}, the gauge {@code
 * stagehand.sessions.open}, and with Micrometer Tracing a span per call. A {@link StagehandObservationConvention} bean
 * replaces the default names and keys; your own {@code MicrometerCallListener} bean replaces this one.
 */
@AutoConfiguration(before = StagehandAutoConfiguration.class, afterName = {
    // Spring Boot 3.5
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    // Spring Boot 4.0
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MicrometerCallListener.class, ObservationRegistry.class, MeterRegistry.class})
@ConditionalOnBean({ObservationRegistry.class, MeterRegistry.class})
public class StagehandObservationAutoConfiguration {
  /** Creates the auto-configuration; Spring does. */
  public StagehandObservationAutoConfiguration() {
  }

  /**
   * The listener that observes every call in {@code observations} and counts in {@code meters}. First among the
   * application's listeners: its observations start and stop as the events are delivered, so no other listener
   * should delay them.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @ConditionalOnMissingBean(MicrometerCallListener.class)
  public MicrometerCallListener stagehandMicrometerCallListener(ObservationRegistry observations, MeterRegistry meters,
      ObjectProvider<StagehandObservationConvention> convention) {
    MicrometerCallListener.Builder listener = MicrometerCallListener.builder(observations, meters);
    convention.ifUnique(listener::convention);
    return listener.build();
  }
}
