package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.micrometer.DefaultStagehandObservationConvention;
import com.browserbase.stagehand.micrometer.MicrometerCallListener;
import com.browserbase.stagehand.micrometer.StagehandObservationConvention;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Micrometer listener: made when the application has both registries, given to the client, and backing off. */
class StagehandObservationAutoConfigurationTest {
  private final MockApi api = new MockApi();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StagehandObservationAutoConfiguration.class,
          StagehandAutoConfiguration.class))
      .withPropertyValues("stagehand.base-url=" + api.url());

  @AfterEach
  void closeApi() {
    api.close();
  }

  /** The registries as Boot's actuator makes them: observations become timers in the meter registry. */
  @Configuration(proxyBeanMethods = false)
  static class Registries {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }

    @Bean
    ObservationRegistry observationRegistry(MeterRegistry meters) {
      ObservationRegistry observations = ObservationRegistry.create();
      observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
      return observations;
    }
  }

  private ApplicationContextRunner withRegistries() {
    return runner.withUserConfiguration(Registries.class);
  }

  @Test
  void withBothRegistriesTheClientsCallsAreTimedWithTheDocumentedTags() {
    withRegistries().run(context -> {
      assertThat(context).hasSingleBean(MicrometerCallListener.class);
      api.answer(200, MockApi.STARTED);
      context.getBean(StagehandClient.class).sessions().start(SessionStartParams.builder().modelName("m").build());

      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Timer started = await(meters, "start");
      assertThat(started.getId().getTag("outcome")).isEqualTo("SUCCESS");
      assertThat(started.getId().getTag("status")).isEqualTo("200");
      assertThat(meters.get("stagehand.sessions.open").gauge().value()).isEqualTo(1);
    });
  }

  @Test
  void withoutAMeterRegistryThereIsNoListener() {
    runner.withBean(ObservationRegistry.class, ObservationRegistry::create).run(context ->
        assertThat(context).hasSingleBean(StagehandClient.class).doesNotHaveBean(MicrometerCallListener.class));
  }

  @Test
  void withoutTheMicrometerArtifactThereIsNoListener() {
    withRegistries().withClassLoader(new FilteredClassLoader(MicrometerCallListener.class)).run(context ->
        assertThat(context).hasSingleBean(StagehandClient.class).doesNotHaveBean(MicrometerCallListener.class));
  }

  @Test
  void anApplicationsOwnListenerReplacesIt() {
    withRegistries().withBean("mine", MicrometerCallListener.class,
        () -> MicrometerCallListener.create(ObservationRegistry.NOOP, new SimpleMeterRegistry())).run(context -> {
          assertThat(context).hasSingleBean(MicrometerCallListener.class);
          assertThat(context).hasBean("mine").doesNotHaveBean("stagehandMicrometerCallListener");
        });
  }

  @Test
  void anApplicationsConventionNamesTheObservations() {
    StagehandObservationConvention renamed = new DefaultStagehandObservationConvention() {
      @Override
      public String getName() {
        return "browser.calls";
      }
    };
    withRegistries().withBean(StagehandObservationConvention.class, () -> renamed).run(context -> {
      api.answer(200, MockApi.STARTED);
      context.getBean(StagehandClient.class).sessions().start(SessionStartParams.builder().modelName("m").build());
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (meters.find("browser.calls").timer() == null && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(meters.find("browser.calls").tag("operation", "start").timer()).isNotNull();
      assertThat(meters.find("stagehand.client.requests").timer()).isNull();
    });
  }

  /** The timer of {@code operation}, once the client's listener thread has recorded it. */
  private static Timer await(MeterRegistry meters, String operation) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Timer timer = meters.find("stagehand.client.requests").tag("operation", operation).timer();
      if (timer != null && timer.count() > 0) {
        return timer;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no stagehand.client.requests timer of " + operation + " in " + meters.getMeters());
  }
}
