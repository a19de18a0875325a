package com.browserbase.stagehand.cache;

import java.util.Optional;

/**
 * Where an {@link ActionCache} keeps its entries, so that any storage can hold them: a directory and this JVM's
 * memory are built in ({@link ActionCache#directory}, {@link ActionCache#memory}); {@code stagehand-java-redis} adds
 * Redis and Valkey; {@link ActionCache#of(ActionCacheStore)} takes any other. An entry is the JSON text the directory
 * store writes to its files (the TypeScript library's format), under a key of 64 lowercase hexadecimal characters; a
 * store gives it back exactly as it was given (a signed entry is checked on those characters).
 *
 * <p>The cache never lets a store fail an act: each call is waited for at most the cache's timeout (1 s by default,
 * {@link ActionCache.Builder#timeout}), on a bounded pool of the cache's threads. A {@code get} that throws, returns
 * {@code null}, or does not answer in time is a miss; a {@code put} that does is skipped; the act's result stands. The
 * first failure of an outage is logged at WARN naming the store by its {@code toString()} (so keep passwords out of
 * it), never an entry's content; later ones at DEBUG until a call succeeds again.
 *
 * <p>Implementations must be thread-safe; they may throw any unchecked exception. A call that timed out is
 * interrupted, but may not notice: give the store its own timeouts as well. Anyone who can write to the store can
 * plant entries; see {@link ActionCache.Builder#signingKey(byte[])}.
 */
public interface ActionCacheStore {
  /** The entry stored under {@code key}, or empty when there is none. */
  Optional<String> get(String key);

  /** Stores {@code entry} under {@code key}, replacing what was there; a reader sees the old entry or the new one, whole. */
  void put(String key, String entry);
}
