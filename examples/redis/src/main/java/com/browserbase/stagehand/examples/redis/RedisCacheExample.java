package com.browserbase.stagehand.examples.redis;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.cache.redis.RedisActionCacheStore;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.examples.ExampleClient;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.time.Duration;
import java.util.Base64;

/**
 * The action cache in Redis, shared as two machines would share it: "machine A" acts by instruction, the model
 * chooses, and the entry goes to Redis; "machine B", with a store and a cache of its own, replays it with no model
 * call. With a signing key, B replays only entries signed with it.
 *
 * <p>Needs a Redis or Valkey: {@code REDIS_URL} (default {@code redis://127.0.0.1:6379}; for example {@code
 * redis-server --port 6379 --save '' --appendonly no}). {@code STAGEHAND_CACHE_SIGNING_KEY}, base64 of 32 or more
 * random bytes ({@code openssl rand -base64 32}), turns signing on. The Stagehand server is the one configured as for
 * the other examples ({@code STAGEHAND_BASE_URL}, or {@code BROWSERBASE_API_KEY} and {@code MODEL_API_KEY}); with none,
 * a demo server in this process, which calls no model.
 *
 * <p>Run from the repository's root: {@code ./mvnw -q -f all -pl :stagehand-java-redis -am -Predis-example verify
 * -DskipUnitTests}.
 */
public final class RedisCacheExample {
  private RedisCacheExample() {}

  private static final String INSTRUCTION = "click the 'Learn more' link";

  public static void main(String[] args) {
    String redisUrl = env("REDIS_URL", "redis://127.0.0.1:6379");
    String signingKey = env("STAGEHAND_CACHE_SIGNING_KEY", null);

    // Each machine has its own store (its own connection); they meet in Redis, under the same key prefix.
    try (RedisActionCacheStore storeA = store(redisUrl);
         RedisActionCacheStore storeB = store(redisUrl)) {
      ActionCache cacheA = cache(storeA, signingKey);
      ActionCache cacheB = cache(storeB, signingKey);
      System.out.println("Cache: " + cacheA + (signingKey == null
          ? "\n  unsigned: anyone who can write to this Redis can plant entries; set STAGEHAND_CACHE_SIGNING_KEY" : ""));

      // In your code: StagehandOkHttpClient.builder().fromEnv().actionCache(cache).build()
      try (StagehandClient machineA = ExampleClient.create(builder -> builder.actionCache(cacheA))) {
        System.out.println("\nMachine A:");
        clickLearnMore(machineA);
        System.out.println("  " + cacheA.stats());

        StagehandClient machineB = machineA.withOptions(builder -> builder.actionCache(cacheB));
        System.out.println("\nMachine B:");
        clickLearnMore(machineB);
        System.out.println("  " + cacheB.stats() + " (a hit: replayed from Redis, no model call)");
      }
    }
  }

  private static RedisActionCacheStore store(String redisUrl) {
    return RedisActionCacheStore.builder()
        .uri(redisUrl)                        // rediss://... for TLS; user and password in the URI
        .keyPrefix("stagehand-example:act:")  // one prefix per application and environment
        .ttl(Duration.ofDays(1))              // entries expire a day after they were written
        .build();                             // connects now: a wrong password or host fails here, clearly
  }

  private static ActionCache cache(RedisActionCacheStore store, String signingKey) {
    return signingKey == null ? ActionCache.of(store) : ActionCache.of(store, Base64.getDecoder().decode(signingKey));
  }

  /** Opens a session on example.com and clicks its link by instruction, through the client's cache. */
  private static void clickLearnMore(StagehandClient client) {
    try (StagehandSession session = client.sessions().open(
        SessionStartParams.builder().modelName("openai/gpt-5-nano").build())) {
      session.navigate("https://example.com");
      long started = System.nanoTime();
      ActResultData clicked = session.act(INSTRUCTION);
      long millis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("  act \"" + INSTRUCTION + "\": success=" + clicked.success() + ", cache "
          + ActionCache.status(clicked).map(Enum::name).orElse("not used") + ", " + millis + " ms");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.trim().isEmpty() ? fallback : value.trim();
  }
}
