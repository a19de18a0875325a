package com.browserbase.stagehand.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link ActionCache#builder}'s settings and their checks, and the bound of an entry in a user's store; the acts go
 * through the cache's flow with calls that answer at once (ActionCacheCustomStoreTest has the wire).
 */
class ActionCacheBuilderTest {
  private static final String PAGE = "https://example.com/login";
  private final Map<String, String> entries = new ConcurrentHashMap<>();
  private final ActionCacheStore store = new ActionCacheStore() {
    @Override
    public Optional<String> get(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String entry) {
      entries.put(key, entry);
    }

    @Override
    public String toString() {
      return "MapStore";
    }
  };
  private Logger cacheLogger;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() {
    cacheLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.cache");
    log = new ListAppender<>();
    log.start();
    cacheLogger.addAppender(log);
    cacheLogger.setLevel(Level.DEBUG);
    cacheLogger.setAdditive(false);
  }

  @AfterEach
  void stop() {
    cacheLogger.detachAppender(log);
    cacheLogger.setLevel(null);
    cacheLogger.setAdditive(true);
  }

  private static ActCache.Calls clicking() {
    ActResultData clicked = ActResultData.builder().success(true).message("clicked").actionDescription("Login button")
        .addAction(Action.builder().selector("xpath=/html/body/button").description("Login button").method("click").build())
        .build();
    return new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return CompletableFuture.completedFuture(clicked);
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        return CompletableFuture.completedFuture(clicked);
      }
    };
  }

  private static Optional<ActionCache.Status> click(ActionCache cache) {
    return ActionCache.status(ActCache.of(cache).actBlocking("click the login button", null, PAGE, clicking()));
  }

  private java.util.List<String> warnings() {
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }

  @Test
  void settingsThatAreNotPositiveOrNullAreRefusedNamingThem() {
    ActionCache.Builder builder = ActionCache.builder(store);

    assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive: PT0S");
    assertThatThrownBy(() -> builder.timeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive: PT-1S");
    assertThatThrownBy(() -> builder.timeout(null)).isInstanceOf(NullPointerException.class).hasMessage("timeout == null");
    assertThatThrownBy(() -> builder.maxConcurrentCalls(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrentCalls must be positive: 0");
    assertThatThrownBy(() -> builder.maxEntryBytes(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntryBytes must be positive: -1");
    assertThatThrownBy(() -> builder.signingKey(null)).isInstanceOf(NullPointerException.class).hasMessage("signingKey == null");
    assertThatThrownBy(() -> ActionCache.of(null)).isInstanceOf(NullPointerException.class).hasMessage("store == null");
    assertThatThrownBy(() -> ActionCache.builder(null)).isInstanceOf(NullPointerException.class).hasMessage("store == null");
  }

  @Test
  void aCacheInAStoreWorksWithAnyPositiveTimeoutAndSaysWhereItsEntriesAre() {
    ActionCache cache = ActionCache.builder(store).timeout(Duration.ofSeconds(Long.MAX_VALUE)).maxConcurrentCalls(1).build();

    assertThat(click(cache)).contains(ActionCache.Status.MISS);
    assertThat(click(cache)).contains(ActionCache.Status.HIT);
    assertThat(cache.toString()).isEqualTo("ActionCache{store=MapStore}");
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=1, heals=0}");
  }

  @Test
  void aBlockingActInterruptedWhileTheStoreHangsWaitsForTheBoundAndKeepsTheInterrupt() {
    CountDownLatch release = new CountDownLatch(1);
    ActionCacheStore hung = new ActionCacheStore() {
      @Override
      public Optional<String> get(String key) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return Optional.empty();
      }

      @Override
      public void put(String key, String entry) {}
    };
    ActionCache cache = ActionCache.builder(hung).timeout(Duration.ofMillis(100)).build();
    try {
      Thread.currentThread().interrupt();
      assertThat(click(cache)).contains(ActionCache.Status.MISS);
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
      assertThat(cache.toString()).startsWith("ActionCache{store=" + ActionCacheBuilderTest.class.getName() + "$");
    } finally {
      release.countDown();
    }
  }

  @Test
  void anEntryLargerThanTheBoundIsNeitherWrittenNorReplayed() {
    ActionCache small = ActionCache.builder(store).maxEntryBytes(100).build();

    assertThat(click(small)).contains(ActionCache.Status.MISS);
    assertThat(entries).isEmpty();
    assertThat(warnings()).singleElement().asString()
        .matches("Not storing the action cache entry [0-9a-f]{64} in MapStore: it is \\d+ bytes, more than the limit of 100 bytes");

    assertThat(click(ActionCache.of(store))).contains(ActionCache.Status.MISS); // stored: about 300 bytes
    assertThat(click(small)).contains(ActionCache.Status.MISS);
    assertThat(warnings()).hasSize(3).element(1).asString()
        .matches("Ignoring the action cache entry [0-9a-f]{64} in MapStore: it is \\d+ bytes, more than the limit of 100 bytes");
  }
}
