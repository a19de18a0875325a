package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.cache.redis.RedisActionCacheStore;
import com.browserbase.stagehand.local.LocalServer;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each property bound, each bad value failing the start with the property's name, and secrets never shown. */
class StagehandPropertiesTest {
  private static final String SIGNING_KEY = "signing-key-0123456789-0123456789-abcdef";
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StagehandAutoConfiguration.class, StagehandHealthAutoConfiguration.class));

  @Test
  void everyPropertyIsBound() {
    runner.withBean(ActionCache.class, ActionCache::memory).withPropertyValues(
        "stagehand.base-url=https://stagehand.example.com", "stagehand.browserbase-api-key=bb-1",
        "stagehand.browserbase-project-id=p-1", "stagehand.model-api-key=sk-1", "stagehand.max-retries=5",
        "stagehand.timeout=2m", "stagehand.connect-timeout=3s", "stagehand.allow-plain-http=true",
        "stagehand.local.server=/opt/server", "stagehand.local.node=/opt/node", "stagehand.local.chrome-path=/opt/chrome",
        "stagehand.local.headless=false", "stagehand.local.port=4123", "stagehand.local.ready-timeout=45s",
        "stagehand.cache.signing-key=" + SIGNING_KEY, "stagehand.cache.redis.uri=redis://cache.internal:6379",
        "stagehand.cache.redis.key-prefix=app:", "stagehand.cache.redis.ttl=7d", "stagehand.cache.redis.timeout=1s")
        .run(context -> {
          StagehandProperties p = context.getBean(StagehandProperties.class);
          assertThat(p.getBaseUrl()).isEqualTo("https://stagehand.example.com");
          assertThat(p.getBrowserbaseApiKey()).isEqualTo("bb-1");
          assertThat(p.getBrowserbaseProjectId()).isEqualTo("p-1");
          assertThat(p.getModelApiKey()).isEqualTo("sk-1");
          assertThat(p.getMaxRetries()).isEqualTo(5);
          assertThat(p.getTimeout()).isEqualTo(Duration.ofMinutes(2));
          assertThat(p.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(p.isAllowPlainHttp()).isTrue();
          assertThat(p.getLocal().isEnabled()).isFalse();
          assertThat(p.getLocal().getServer()).isEqualTo(Paths.get("/opt/server"));
          assertThat(p.getLocal().getNode()).isEqualTo(Paths.get("/opt/node"));
          assertThat(p.getLocal().getChromePath()).isEqualTo(Paths.get("/opt/chrome"));
          assertThat(p.getLocal().isHeadless()).isFalse();
          assertThat(p.getLocal().getPort()).isEqualTo(4123);
          assertThat(p.getLocal().getReadyTimeout()).isEqualTo(Duration.ofSeconds(45));
          assertThat(p.getCache().getSigningKey()).isEqualTo(SIGNING_KEY);
          assertThat(p.getCache().getRedis().getUri()).isEqualTo("redis://cache.internal:6379");
          assertThat(p.getCache().getRedis().getKeyPrefix()).isEqualTo("app:");
          assertThat(p.getCache().getRedis().getTtl()).isEqualTo(Duration.ofDays(7));
          assertThat(p.getCache().getRedis().getTimeout()).isEqualTo(Duration.ofSeconds(1));
        });
  }

  @Test
  void theLocalPropertiesMakeTheLocalServer() {
    StagehandProperties.Local local = new StagehandProperties.Local();
    local.setEnabled(true);
    local.setServer(Paths.get("/opt/server"));
    local.setNode(Paths.get("/opt/node"));
    local.setChromePath(Paths.get("/opt/chrome"));
    local.setHeadless(false);
    local.setPort(4123);
    local.setReadyTimeout(Duration.ofSeconds(45));
    local.setEnvironment(java.util.Map.of("OPENAI_BASE_URL", "http://gateway.internal/v1"));

    LocalServer server = StagehandClients.localServer(local);

    assertThat(server.server()).isEqualTo(Paths.get("/opt/server"));
    assertThat(server.node()).contains(Paths.get("/opt/node"));
    assertThat(server.chromePath()).contains(Paths.get("/opt/chrome"));
    assertThat(server.headless()).isFalse();
    assertThat(server.port()).isEqualTo(4123);
    assertThat(server.readyTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(server.environment()).containsEntry("OPENAI_BASE_URL", "http://gateway.internal/v1");
    assertThat(local.toString()).contains("environment=[OPENAI_BASE_URL] (values masked)")
        .doesNotContain("gateway.internal");
    assertThat(StagehandClients.localServer(new StagehandProperties.Local() {{ setServer(Paths.get("/s")); }}))
        .satisfies(defaults -> {
          assertThat(defaults.headless()).isTrue();
          assertThat(defaults.chromePath()).isEmpty();
          assertThat(defaults.node()).isEmpty();
          assertThat(defaults.port()).isZero();
        });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "stagehand.max-retries=-1          | stagehand.max-retries",
      "stagehand.max-retries=many        | stagehand.max-retries",
      "stagehand.timeout=abc             | stagehand.timeout",
      "stagehand.timeout=0s              | stagehand.timeout",
      "stagehand.connect-timeout=-1s     | stagehand.connect-timeout",
      "stagehand.base-url=not a url      | stagehand.base-url",
      "stagehand.base-url=ftp://example.com | stagehand.base-url",
      "stagehand.base-url=example.com    | stagehand.base-url",
      "stagehand.allow-plain-http=maybe  | stagehand.allow-plain-http",
      "stagehand.local.enabled=sure      | stagehand.local.enabled",
      "stagehand.local.enabled=true      | stagehand.local.server",
      "stagehand.local.port=70000        | stagehand.local.port",
      "stagehand.local.ready-timeout=0s  | stagehand.local.ready-timeout",
      "stagehand.cache.redis.ttl=0ms     | stagehand.cache.redis.ttl",
      "stagehand.cache.redis.timeout=0s  | stagehand.cache.redis.timeout",
      "stagehand.cache.redis.uri=http://cache.internal | stagehand.cache.redis.uri",
  })
  void aBadValueFailsTheStartNamingTheProperty(String property, String name) {
    runner.withPropertyValues(property).run(context ->
        assertThat(Failures.messages(context.getStartupFailure())).contains(name));
  }

  @Test
  void localModeAndABaseUrlTogetherFailNamingBoth() {
    runner.withPropertyValues("stagehand.local.enabled=true", "stagehand.local.server=/opt/server",
        "stagehand.base-url=http://127.0.0.1:3000").run(context ->
        assertThat(Failures.messages(context.getStartupFailure()))
            .contains("stagehand.base-url and stagehand.local.enabled=true both say where the server is"));
  }

  @Test
  void twoCachesFailNamingBoth() {
    runner.withPropertyValues("stagehand.cache.directory=target/cache", "stagehand.cache.redis.uri=redis://127.0.0.1:1")
        .run(context -> assertThat(Failures.messages(context.getStartupFailure()))
            .contains("stagehand.cache.directory and stagehand.cache.redis.uri are both set"));
  }

  @Test
  void aSigningKeyWithoutRedisFails() {
    runner.withPropertyValues("stagehand.cache.directory=target/cache", "stagehand.cache.signing-key=" + SIGNING_KEY)
        .run(context -> assertThat(Failures.messages(context.getStartupFailure()))
            .contains("stagehand.cache.signing-key signs the entries of the Redis action cache")
            .doesNotContain(SIGNING_KEY));
  }

  @Test
  void aShortSigningKeyFailsWithoutShowingIt() {
    runner.withBean(ActionCache.class, ActionCache::memory)
        .withPropertyValues("stagehand.cache.redis.uri=redis://127.0.0.1:1", "stagehand.cache.signing-key=short-secret-key")
        .run(context -> assertThat(Failures.messages(context.getStartupFailure()))
            .contains("stagehand.cache.signing-key must be at least 32 bytes").doesNotContain("short-secret-key"));
  }

  @Test
  void aRedisUriWithoutTheRedisArtifactFailsSayingWhatToAdd() {
    runner.withClassLoader(new FilteredClassLoader(RedisActionCacheStore.class))
        .withPropertyValues("stagehand.cache.redis.uri=redis://:hunter2-secret@127.0.0.1:1").run(context ->
            assertThat(Failures.messages(context.getStartupFailure()))
                .contains("stagehand.cache.redis.uri is set").contains("com.browserbase:stagehand-java-redis")
                .doesNotContain("hunter2-secret"));
  }

  @Test
  void toStringShowsNoSecret() {
    runner.withBean(ActionCache.class, ActionCache::memory).withPropertyValues("stagehand.browserbase-api-key=bb-secret-1",
        "stagehand.model-api-key=sk-secret-2", "stagehand.cache.signing-key=" + SIGNING_KEY,
        "stagehand.cache.redis.uri=redis://user:pw-secret-3@cache.internal:6379").run(context -> {
          String text = context.getBean(StagehandProperties.class).toString();
          assertThat(text).doesNotContain("bb-secret-1", "sk-secret-2", SIGNING_KEY, "pw-secret-3", "user:")
              .contains("browserbaseApiKey=******", "modelApiKey=******", "signingKey=******",
                  "uri=redis://******@cache.internal:6379");
        });
    assertThat(new StagehandProperties().toString()).contains("browserbaseApiKey=unset", "modelApiKey=unset");
  }

  @Test
  void theStartFailureOfABadKeyNeverShowsAnotherKey() {
    runner.withPropertyValues("stagehand.model-api-key=sk-secret-4", "stagehand.max-retries=-1").run(context ->
        assertThat(Failures.messages(context.getStartupFailure())).contains("stagehand.max-retries")
            .doesNotContain("sk-secret-4"));
  }
}
