/**
 * A Redis or Valkey store for the Stagehand Java SDK's action cache, {@link
 * com.browserbase.stagehand.cache.redis.RedisActionCacheStore}: machines and JVMs that share one server share the
 * cache. Built on Lettuce; uses only the core's public API.
 */
package com.browserbase.stagehand.cache.redis;
