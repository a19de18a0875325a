package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link ExternalStore} called directly, as the directory store's tests call theirs: its bounds and its waiting. */
class ExternalStoreTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** A map, whose calls wait for {@link #go} when {@link #slow}. */
  private static final class MapStore implements EntryStore {
    final Map<String, String> entries = new ConcurrentHashMap<>();
    final CountDownLatch go = new CountDownLatch(1);
    volatile boolean slow;

    @Override
    public String get(String key) throws InterruptedException {
      if (slow) {
        go.await(10, TimeUnit.SECONDS);
      }
      return entries.get(key);
    }

    @Override
    public void put(String key, String entry) {
      entries.put(key, entry);
    }

    @Override
    public String toString() {
      return "MapStore";
    }
  }

  @Test
  void readAndWriteWaitForTheStoreAndTheBoundIsChecked() throws IOException {
    MapStore map = new MapStore();
    ExternalStore store = new ExternalStore(map, SECOND, 4, 10);
    store.check();

    store.write("k", "{\"a\": 1}");

    assertThat(store.read("k")).isEqualTo("{\"a\": 1}");
    assertThat(store.read("other")).isNull();
    assertThat(store.where("k")).isEqualTo("k in MapStore");
    assertThatThrownBy(() -> store.write("k", "{\"a\": 1000}")).isInstanceOf(ActCacheStore.Refused.class)
        .hasMessage("it is 11 bytes, more than the limit of 10 bytes");
    assertThat(map.entries).containsEntry("k", "{\"a\": 1}");
  }

  @Test
  void aCallerInterruptedWhileWaitingWaitsForTheBoundThenKeepsItsInterrupt() throws Exception {
    MapStore map = new MapStore();
    map.slow = true;
    ExternalStore store = new ExternalStore(map, TimeUnit.MILLISECONDS.toNanos(100), 1, 100);
    try {
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> store.read("k")).isInstanceOf(ActCacheStore.Unavailable.class)
          .hasMessage("get of k did not answer within 100 ms");
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    } finally {
      map.go.countDown();
    }
  }

  @Test
  void boundsThatAreNotPositiveAreRefused() {
    assertThatThrownBy(() -> new ExternalStore(new MapStore(), 0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive");
    assertThatThrownBy(() -> new ExternalStore(new MapStore(), 1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxConcurrentCalls must be positive: 0");
  }

  @Test
  void utf8LengthsAreThoseOfTheEncodedText() {
    for (String text : new String[] {"", "abc", "é", "€", "😀", "\ud800", "a\udc00b", "x\ud83d"}) {
      assertThat(ActCacheStore.utf8Length(text)).as(text).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
  }
}
