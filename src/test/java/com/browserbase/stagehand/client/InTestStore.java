package com.browserbase.stagehand.client;

import com.browserbase.stagehand.cache.ActionCacheStore;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's {@link ActionCacheStore} as a test needs it: a map, the calls it received, and switches that make its
 * {@code get} and {@code put} throw or hang. A hung call ignores interrupts (the worst a store can do) until {@link
 * #release()}, which a test calls after it, so that no thread outlives it.
 */
final class InTestStore implements ActionCacheStore {
  final Map<String, String> entries = new ConcurrentHashMap<>();
  final AtomicInteger gets = new AtomicInteger();
  final AtomicInteger puts = new AtomicInteger();
  volatile boolean getThrows;
  volatile boolean putThrows;
  volatile boolean getHangs;
  volatile boolean putHangs;
  /** Whether a failing {@code put} quotes the entry in its message, as a careless store might. */
  volatile boolean putQuotesEntry;
  /** What a failing call throws: {@code connection refused} with a secret-looking parameter. */
  volatile String failure = "connection refused (redis://cache.internal:6379/?password=hunter2)";
  private final CountDownLatch released = new CountDownLatch(1);
  private final String name;

  InTestStore(String name) {
    this.name = name;
  }

  @Override
  public Optional<String> get(String key) {
    gets.incrementAndGet();
    if (getHangs) {
      hang();
    }
    if (getThrows) {
      throw new UncheckedIOException(new java.io.IOException(failure));
    }
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public void put(String key, String entry) {
    puts.incrementAndGet();
    if (putHangs) {
      hang();
    }
    if (putThrows) {
      throw new IllegalStateException(putQuotesEntry ? failure + ": " + entry : failure);
    }
    entries.put(key, entry);
  }

  private void hang() {
    boolean interrupted = false;
    while (true) {
      try {
        if (released.await(60, TimeUnit.SECONDS)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true; // a store stuck in a socket read does not notice interrupts either
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends every hung call, now and later. */
  void release() {
    released.countDown();
  }

  /** How many threads are inside this store's calls now. */
  static long threadsInside() {
    return Thread.getAllStackTraces().values().stream()
        .filter(stack -> java.util.Arrays.stream(stack).anyMatch(frame -> frame.getClassName().equals(InTestStore.class.getName())
            && frame.getMethodName().equals("hang")))
        .count();
  }

  @Override
  public String toString() {
    return "InTestStore{" + name + "}";
  }
}
