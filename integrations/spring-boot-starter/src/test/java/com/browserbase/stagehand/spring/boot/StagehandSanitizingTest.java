package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The starter's secrets stay masked in {@code /actuator/env} and {@code /actuator/configprops}, even when shown. */
class StagehandSanitizingTest {
  private static final String BB_KEY = "bb-secret-0001";
  private static final String MODEL_KEY = "sk-secret-0002";
  private static final String SIGNING_KEY = "signing-secret-0003-0123456789-0123456789";
  private static final String REDIS_PASSWORD = "redis-secret-0004";
  private static final String ENV_MODEL_KEY = "sk-secret-from-env-0005";
  private static final String SERVER_ENV_KEY = "sk-secret-server-env-0006";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StagehandAutoConfiguration.class))
      .withBean(ActionCache.class, ActionCache::memory)   // so that no Redis is needed for stagehand.cache.redis.uri
      .withPropertyValues("stagehand.browserbase-api-key=" + BB_KEY, "stagehand.model-api-key=" + MODEL_KEY,
          "stagehand.cache.signing-key=" + SIGNING_KEY,
          "stagehand.cache.redis.uri=redis://app:" + REDIS_PASSWORD + "@cache.internal:6379/2",
          "stagehand.browserbase-project-id=project-visible",
          "stagehand.local.environment.OPENAI_API_KEY=" + SERVER_ENV_KEY)
      .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
          new SystemEnvironmentPropertySource("test-env", Map.of("STAGEHAND_MODEL_API_KEY", ENV_MODEL_KEY))));

  @Test
  void theEnvironmentEndpointMasksTheSecretsInEveryForm() {
    runner.run(context -> {
      EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(), functions(context), Show.ALWAYS);
      String shown = new ObjectMapper().writeValueAsString(endpoint.environment("stagehand.*|STAGEHAND_.*"));
      assertThat(shown).doesNotContain(BB_KEY, MODEL_KEY, SIGNING_KEY, REDIS_PASSWORD, ENV_MODEL_KEY, SERVER_ENV_KEY)
          .contains("redis://******@cache.internal:6379/2", "project-visible", "STAGEHAND_MODEL_API_KEY",
              "stagehand.local.environment.OPENAI_API_KEY");
      String entry = new ObjectMapper().writeValueAsString(endpoint.environmentEntry("stagehand.model-api-key"));
      assertThat(entry).doesNotContain(MODEL_KEY, ENV_MODEL_KEY).contains("******");
    });
  }

  @Test
  void theConfigurationPropertiesEndpointMasksTheSecrets() {
    runner.run(context -> {
      ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(functions(context),
          Show.ALWAYS);
      endpoint.setApplicationContext(context);
      String shown = new ObjectMapper().writeValueAsString(endpoint.configurationPropertiesWithPrefix("stagehand"));
      assertThat(shown).doesNotContain(BB_KEY, MODEL_KEY, SIGNING_KEY, REDIS_PASSWORD, ENV_MODEL_KEY, SERVER_ENV_KEY)
          .contains("redis://******@cache.internal:6379/2", "project-visible", "modelApiKey", "OPENAI_API_KEY");
    });
  }

  @Test
  void otherPropertiesAreLeftAlone() {
    StagehandSanitizingFunction function = new StagehandSanitizingFunction();
    org.springframework.boot.actuate.endpoint.SanitizableData data =
        new org.springframework.boot.actuate.endpoint.SanitizableData(null, "stagehand.base-url", "https://x.example");
    assertThat(function.apply(data).getValue()).isEqualTo("https://x.example");
    assertThat(function.apply(new org.springframework.boot.actuate.endpoint.SanitizableData(null, "other.model-api-key",
        "v")).getValue()).isEqualTo("v");
  }

  private static List<SanitizingFunction> functions(ApplicationContext context) {
    return context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
  }
}
