package com.browserbase.stagehand.core.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** A call ended: answered, failed, cancelled, or (a stream) read to its end or closed. */
public final class CallEnded extends CallEvent {
  private final boolean streaming;
  private final int attempts;
  private final Integer status;
  private final Duration duration;
  private final CallOutcome outcome;
  private final Class<? extends Throwable> failure;

  /**
   * Made by the SDK; public so that a listener's tests can make one. {@code status} is {@code null} when no attempt
   * was answered; {@code failure} is {@code null} when the call succeeded.
   */
  public CallEnded(long callId, String operation, String sessionId, Object context, boolean streaming, int attempts,
      Integer status, Duration duration, CallOutcome outcome, Class<? extends Throwable> failure) {
    super(callId, operation, sessionId, context);
    this.streaming = streaming;
    this.attempts = attempts;
    this.status = status;
    this.duration = Objects.requireNonNull(duration, "duration");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.failure = failure;
  }

  /** Whether the call asked for a stream of events. */
  public boolean streaming() {
    return streaming;
  }

  /** How many times the request was sent: 1, plus one per retry; 0 when the call ended before it was sent. */
  public int attempts() {
    return attempts;
  }

  /** The HTTP status of the last answer; empty when no attempt was answered. */
  public OptionalInt status() {
    return status != null ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /** From the call's start to its end, retries and their waits included (a stream: until it ended or was closed). */
  public Duration duration() {
    return duration;
  }

  /** How it ended. */
  public CallOutcome outcome() {
    return outcome;
  }

  /** The type of the exception the call ended with; empty when it succeeded. */
  public Optional<Class<? extends Throwable>> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public String toString() {
    return "CallEnded{" + fields() + ", streaming=" + streaming + ", attempts=" + attempts
        + (status != null ? ", status=" + status : "") + ", duration=" + duration.toMillis() + " ms, outcome=" + outcome
        + (failure != null ? ", failure=" + failure.getName() : "") + "}";
  }
}
