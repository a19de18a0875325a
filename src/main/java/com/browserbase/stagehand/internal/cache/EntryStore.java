package com.browserbase.stagehand.internal.cache;

/**
 * A store of act cache entries that this SDK does not implement: the user's, adapted by {@code ActionCache.of} (this
 * package never sees the public interface). Its calls may throw anything, hang or be slow; {@link ExternalStore}
 * bounds them. Not API.
 */
public interface EntryStore {
  /** The entry's JSON text under {@code key}, or {@code null} when there is none. */
  String get(String key) throws Exception;

  /** Stores {@code entry} under {@code key}, replacing what was there. */
  void put(String key, String entry) throws Exception;
}
