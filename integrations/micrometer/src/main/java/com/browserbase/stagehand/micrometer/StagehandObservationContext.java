package com.browserbase.stagehand.micrometer;

import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallStarted;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;

/** What a convention reads of one call: the event that started it and, once it has ended, the one that ended it. */
public final class StagehandObservationContext extends Observation.Context {
  private final CallStarted started;
  private volatile CallEnded ended;

  /** Made by {@link MicrometerCallListener}; public so that a convention's tests can make one of a running call. */
  public StagehandObservationContext(CallStarted started) {
    this.started = Objects.requireNonNull(started, "started == null");
  }

  /** The context of a call that has ended, for a convention's tests. */
  public StagehandObservationContext(CallStarted started, CallEnded ended) {
    this(started);
    setEnded(ended);
  }

  /** The call's start. */
  public CallStarted started() {
    return started;
  }

  /** The call's end; empty while it runs. */
  public Optional<CallEnded> ended() {
    return Optional.ofNullable(ended);
  }

  /** Records the call's end, before the observation stops. */
  void setEnded(CallEnded ended) {
    this.ended = Objects.requireNonNull(ended, "ended == null");
  }

  /** The call's operation: {@code start}, {@code act}, ... */
  public String operation() {
    return started.operation();
  }

  /** The call's session: the end's (a {@code start} has one only once it has ended), else the start's. */
  public Optional<String> sessionId() {
    CallEnded end = ended;
    return end != null && end.sessionId().isPresent() ? end.sessionId() : started.sessionId();
  }
}
