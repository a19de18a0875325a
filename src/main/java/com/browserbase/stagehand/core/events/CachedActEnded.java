package com.browserbase.stagehand.core.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An act by instruction through the client's action cache ended: served from the cache ({@code HIT}), by the model
 * ({@code MISS}), or replayed and its entry rewritten ({@code HEALED}). Its {@link #operation()} is {@code act}, and
 * its {@link #callId()} is its own: the calls it made are reported as calls of their own.
 */
public final class CachedActEnded extends CallEvent {
  private final String cacheStatus;
  private final Duration duration;
  private final Class<? extends Throwable> failure;

  /** Made by the SDK; public so that a listener's tests can make one. {@code failure} is {@code null} on success. */
  public CachedActEnded(long callId, String sessionId, Object context, String cacheStatus, Duration duration,
      Class<? extends Throwable> failure) {
    super(callId, "act", sessionId, context);
    this.cacheStatus = Objects.requireNonNull(cacheStatus, "cacheStatus");
    this.duration = Objects.requireNonNull(duration, "duration");
    this.failure = failure;
  }

  /**
   * How the cache served the act: {@code HIT}, {@code MISS} or {@code HEALED}, as {@code ActionCache.Status} names
   * them and counts them (an act that threw counts as a {@code MISS}).
   */
  public String cacheStatus() {
    return cacheStatus;
  }

  /** From the act's start to its end, the cache's reads and writes included. */
  public Duration duration() {
    return duration;
  }

  /** The type of the exception the act ended with; empty when it returned. */
  public Optional<Class<? extends Throwable>> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "CachedActEnded{" + fields() + ", cacheStatus=" + cacheStatus + ", duration=" + duration.toMillis()
        + " ms" + (failure != null ? ", failure=" + failure.getName() : "") + "}";
  }
}
