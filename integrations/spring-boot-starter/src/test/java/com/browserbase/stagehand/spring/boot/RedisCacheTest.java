package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.cache.redis.RedisActionCacheStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code stagehand.cache.redis.*} with {@code stagehand-java-redis} on the classpath: the cache in a real {@code
 * redis-server} (skipped without one, unless {@code CI=true}), closed after the client.
 */
class RedisCacheTest {
  private static final String PASSWORD = "redis-pass-secret-1";
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StagehandAutoConfiguration.class));

  @Test
  void aRedisUriMakesASignedCacheInRedisClosedAfterTheClient() throws Exception {
    Path program = redisServer();
    int port = freePort();
    Process redis = new ProcessBuilder(program.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--requirepass", PASSWORD).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      awaitListening(port);
      RedisActionCacheStore[] store = new RedisActionCacheStore[1];
      runner.withPropertyValues("stagehand.cache.redis.uri=redis://:" + PASSWORD + "@127.0.0.1:" + port,
          "stagehand.cache.redis.key-prefix=shop:test:", "stagehand.cache.redis.ttl=1h",
          "stagehand.cache.redis.timeout=500ms", "stagehand.cache.signing-key=0123456789abcdef0123456789abcdef")
          .run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ActionCache.class);
            store[0] = context.getBean(RedisActionCacheStore.class);
            assertThat(store[0].toString()).contains("keyPrefix=shop:test:", "ttl=PT1H", "timeout=PT0.5S")
                .doesNotContain(PASSWORD);
            assertThat(context.getBean(ActionCache.class).toString()).contains("signed").doesNotContain(PASSWORD);
            store[0].put("k", "{\"entry\":1}");
            assertThat(store[0].get("k")).contains("{\"entry\":1}");
            // Spring closes the client first, then the cache and its store.
            assertThat(context.getBeanFactory().getDependenciesForBean("stagehandClient")).contains("stagehandActionCache");
            assertThat(context.getBeanFactory().getDependenciesForBean("stagehandActionCache"))
                .contains("stagehandActionCacheStore");
          });
      assertThat(store[0].toString()).endsWith(", closed}");
    } finally {
      redis.destroy();   // our own process, by its handle
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anUnreachableRedisFailsTheStartNamingThePropertyNotThePassword() throws IOException {
    runner.withPropertyValues("stagehand.cache.redis.uri=redis://:" + PASSWORD + "@127.0.0.1:" + freePort())
        .run(context -> assertThat(Failures.messages(context.getStartupFailure()))
            .contains("Cannot open the action cache of stagehand.cache.redis.uri").doesNotContain(PASSWORD));
  }

  @Test
  void theApplicationsOwnActionCacheWinsOverRedis() throws IOException {
    runner.withBean(ActionCache.class, ActionCache::memory)
        .withPropertyValues("stagehand.cache.redis.uri=redis://127.0.0.1:" + freePort())
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RedisActionCacheStore.class));
  }

  /** {@code redis-server} on the PATH, or skips (fails with {@code CI=true}) saying why. */
  private static Path redisServer() {
    Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .map(dir -> Paths.get(dir, "redis-server")).filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      String reason = "no redis-server on the PATH (apt-get install -y redis-server)";
      if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("stagehand.integration.required")) {
        throw new IllegalStateException("The Redis test cannot run, and must (CI=true): " + reason);
      }
      Assumptions.abort("Redis test skipped: " + reason);
    }
    return found.get();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void awaitListening(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    throw new AssertionError("redis-server did not listen on port " + port + " within 10 s");
  }
}
