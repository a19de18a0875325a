package com.browserbase.stagehand.cache.redis;

import static com.browserbase.stagehand.cache.redis.ReplayInAnotherJvm.CLICK;
import static com.browserbase.stagehand.cache.redis.ReplayInAnotherJvm.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.e2e.TestPage;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action cache in Redis against the real Stagehand server, a real Chromium and a real {@code redis-server}, with
 * the model requests counted at the e2e kit's fake model: two JVMs share entries, an outage makes misses, signing
 * keeps planted entries out, and Redis holds the directory store's bytes.
 */
@ExtendWith(RealStagehand.class)
@Timeout(300)
class RedisActionCacheIT {
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @TempDir
  Path dir;

  private <T extends AutoCloseable> T closing(T closeable) {
    toClose.add(0, closeable);
    return closeable;
  }

  @AfterEach
  void closeAll() throws Exception {
    Exception first = null;
    for (AutoCloseable closeable : toClose) {
      try {
        closeable.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static SessionStartParams start() {
    return SessionStartParams.builder().modelName("openai/gpt-4o-mini").build();
  }

  private static ActOptions name(String value) {
    return ActOptions.builder().putVariable("name", value).build();
  }

  private RedisActionCacheStore store(RedisServer redis, String prefix) {
    return closing(RedisActionCacheStore.builder().uri(redis.uri()).keyPrefix(prefix).build());
  }

  @Test
  void theFirstJvmAsksTheModelAndASecondJvmWithItsOwnStoreReplaysWithNone(RealStagehand.Stack stack) throws Exception {
    RedisServer redis = closing(RedisServer.start("it-shared-pw"));
    String url = stack.page.serve("/redis/shared", TestPage.HTML);
    ActionCache cache = ActionCache.of(store(redis, "it:shared:"));
    StagehandClient client = stack.client.withOptions(b -> b.actionCache(cache));
    int before = stack.model.calls().size();
    try (StagehandSession session = client.sessions().open(start())) {
      session.navigate(url);
      ActResultData typed = session.act(TYPE, name("Hedy Lamarr"));
      ActResultData clicked = session.act(CLICK);

      assertThat(typed.success()).as(typed.message()).isTrue();
      assertThat(clicked.success()).as(clicked.message()).isTrue();
      assertThat(ActionCache.status(typed)).contains(ActionCache.Status.MISS);
      assertThat(ActionCache.status(clicked)).contains(ActionCache.Status.MISS);
    }
    assertThat(stack.model.calls().size() - before).as("model requests of the first JVM").isGreaterThanOrEqualTo(2);
    assertThat(redis.keys()).hasSize(2).allSatisfy(key -> assertThat(key).matches("it:shared:[0-9a-f]{64}"));
    for (String key : redis.keys()) {
      assertThat(redis.string("GET", key)).doesNotContain("Hedy");
    }

    before = stack.model.calls().size();
    String chromium = stack.localServer.chromePath().orElseThrow().toString();
    List<String> child = ReplayInAnotherJvm.run(dir, redis.uri(), stack.client.baseUrl(), "it:shared:", url, chromium);

    assertThat(child).contains("act HIT true").filteredOn(line -> line.startsWith("act ")).hasSize(2)
        .allMatch(line -> line.equals("act HIT true"));
    assertThat(child).anySatisfy(line -> assertThat(line).startsWith("page ").contains("Submitted: Grace Hopper"));
    assertThat(stack.model.calls().size() - before).as("model requests of the second JVM").isZero();
  }

  @Test
  void whileRedisIsDownEveryActIsAMissThatSucceedsAndOnceBackItServesAgain(RealStagehand.Stack stack) throws Exception {
    RedisServer redis = closing(RedisServer.start());
    String url = stack.page.serve("/redis/outage", TestPage.HTML);
    RedisActionCacheStore store = store(redis, "it:outage:");
    ActionCache cache = ActionCache.of(store);
    StagehandClient client = stack.client.withOptions(b -> b.actionCache(cache));
    try (StagehandSession session = client.sessions().open(start())) {
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.MISS);
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.HIT);

      redis.stop();
      for (int i = 0; i < 2; i++) {
        session.navigate(url);
        int before = stack.model.calls().size();
        ActResultData clicked = session.act(CLICK);

        assertThat(clicked.success()).as(clicked.message()).isTrue();
        assertThat(ActionCache.status(clicked)).contains(ActionCache.Status.MISS);
        assertThat(stack.model.calls().size() - before).as("model requests while Redis is down").isPositive();
      }

      redis.restart();   // empty: nothing was persisted
      awaitServing(store);
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.MISS);
      session.navigate(url);
      int before = stack.model.calls().size();
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.HIT);
      assertThat(stack.model.calls().size() - before).isZero();
    }
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=2, misses=4, heals=0}");
  }

  @Test
  void withSigningATamperedOrPlantedEntryIsNeverReplayed(RealStagehand.Stack stack) throws Exception {
    RedisServer redis = closing(RedisServer.start());
    String url = stack.page.serve("/redis/signed", TestPage.HTML);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    ActionCache cache = ActionCache.of(store(redis, "it:signed:"), key);
    StagehandClient client = stack.client.withOptions(b -> b.actionCache(cache));
    try (StagehandSession session = client.sessions().open(start())) {
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.MISS);
      assertThat(redis.keys()).hasSize(1);
      String redisKey = redis.keys().get(0);
      String signed = redis.string("GET", redisKey);
      assertThat(signed).contains("\"signature\": \"hmac-sha256:");
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).as("the signed entry replays").contains(ActionCache.Status.HIT);

      // Tampered: the selector changed, the signature kept.
      String tampered = signed.replaceFirst("\"selector\": \"[^\"]*\"", "\"selector\": \"xpath=/html/body/p\"");
      assertThat(tampered).isNotEqualTo(signed);
      // Planted: a well-formed entry, without a signature; and one signed with another key.
      String unsigned = signed.replaceFirst(",\n  \"signature\": \"hmac-sha256:[0-9a-f]{64}\"", "");
      assertThat(unsigned).isNotEqualTo(signed).doesNotContain("signature");
      // Forged: the entry as it was, with a signature made up.
      String forged = signed.replaceFirst("hmac-sha256:[0-9a-f]{64}", "hmac-sha256:" + "ab".repeat(32));
      assertThat(forged).isNotEqualTo(signed);

      for (String planted : List.of(tampered, unsigned, forged)) {
        redis.command("SET", redisKey, planted);
        session.navigate(url);
        int before = stack.model.calls().size();
        ActResultData clicked = session.act(CLICK);

        assertThat(clicked.success()).as(clicked.message()).isTrue();
        assertThat(ActionCache.status(clicked)).as("status with a planted entry").isNotEqualTo(Optional.of(
            ActionCache.Status.HIT));
        assertThat(stack.model.calls().size() - before).as("model requests with a planted entry").isPositive();
        assertThat(redis.string("GET", redisKey)).as("the model's answer replaces it, signed")
            .isNotEqualTo(planted).contains("\"signature\": \"hmac-sha256:");
      }
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).as("the rewritten entry replays").contains(
          ActionCache.Status.HIT);
    }
  }

  @Test
  void redisHoldsTheDirectoryStoresEntryByteForByte(RealStagehand.Stack stack) throws Exception {
    RedisServer redis = closing(RedisServer.start());
    String url = stack.page.serve("/redis/bytes", TestPage.HTML);
    Path files = Files.createDirectory(dir.resolve("cache"));
    for (ActionCache cache : List.of(ActionCache.directory(files), ActionCache.of(store(redis, "it:bytes:")))) {
      StagehandClient client = stack.client.withOptions(b -> b.actionCache(cache));
      try (StagehandSession session = client.sessions().open(start())) {
        session.navigate(url);
        assertThat(ActionCache.status(session.act(TYPE, name("Ada")))).contains(ActionCache.Status.MISS);
      }
    }

    List<Path> entries;
    try (Stream<Path> listed = Files.list(files)) {
      entries = listed.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList());
    }
    assertThat(entries).hasSize(1);
    String key = entries.get(0).getFileName().toString().replace(".json", "");
    assertThat(redis.keys()).containsExactly("it:bytes:" + key);
    byte[] inRedis = (byte[]) redis.command("GET", "it:bytes:" + key);
    assertThat(inRedis).isEqualTo(Files.readAllBytes(entries.get(0)));
    assertThat(new String(inRedis, StandardCharsets.UTF_8)).contains("\"instruction\": \"" + TYPE + "\"");
  }

  /** Waits until the store answers again after a restart: it reconnects in the background. */
  private static void awaitServing(RedisActionCacheStore store) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        store.get("0".repeat(64));
        return;
      } catch (IllegalStateException stillDown) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("The store did not serve again within 30 s of the restart", stillDown);
        }
        Thread.sleep(100);
      }
    }
  }
}
