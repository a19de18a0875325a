package com.browserbase.stagehand.core.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** An attempt failed and the call will be sent again after {@link #delay()}. */
public final class RetryScheduled extends CallEvent {
  private final int retry;
  private final Duration delay;
  private final Integer status;
  private final Class<? extends Throwable> failure;

  /**
   * Made by the SDK; public so that a listener's tests can make one. {@code status} is {@code null} when the attempt
   * got no answer, and {@code failure} is {@code null} when it did.
   */
  public RetryScheduled(long callId, String operation, String sessionId, Object context, int retry, Duration delay,
      Integer status, Class<? extends Throwable> failure) {
    super(callId, operation, sessionId, context);
    this.retry = retry;
    this.delay = Objects.requireNonNull(delay, "delay");
    this.status = status;
    this.failure = failure;
  }

  /** Which retry this is: 1 for the first. */
  public int retry() {
    return retry;
  }

  /** How long the call waits before it is sent again. */
  public Duration delay() {
    return delay;
  }

  /** The HTTP status that is retried (429, 503, ...); empty when the attempt got no answer. */
  public OptionalInt status() {
    return status != null ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /** The type of the network failure that is retried (a timeout, a reset); empty when it was an answer. */
  public Optional<Class<? extends Throwable>> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "RetryScheduled{" + fields() + ", retry=" + retry + ", delay=" + delay.toMillis() + " ms"
        + (status != null ? ", status=" + status : "") + (failure != null ? ", failure=" + failure.getName() : "") + "}";
  }
}
