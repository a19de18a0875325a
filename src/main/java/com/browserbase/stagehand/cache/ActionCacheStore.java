package com.browserbase.stagehand.cache;

import java.util.Optional;

/**
 * Where an {@link ActionCache} keeps its entries, so that any storage can hold them: a directory and this JVM's
 * memory are built in ({@link ActionCache#directory}, {@link ActionCache#memory}); {@code stagehand-java-redis} adds
 * Redis and Valkey; {@code ActionCache.of(ActionCacheStore)} takes any other. An entry is the JSON text the directory
 * store writes to its files (the TypeScript library's format), under a key of 64 lowercase hexadecimal characters.
 *
 * <p>The cache never lets a store fail an act: a {@code get} that throws, or does not answer within the cache's
 * bound, is a miss; a {@code put} that throws is logged at WARN (naming the store, never an entry's content) and the
 * act's result stands. Implementations must be thread-safe; they may throw any unchecked exception.
 */
public interface ActionCacheStore {
  /** The entry stored under {@code key}, or empty when there is none. */
  Optional<String> get(String key);

  /** Stores {@code entry} under {@code key}, replacing what was there; a reader sees the old entry or the new one, whole. */
  void put(String key, String entry);
}
