package com.browserbase.stagehand.core.events;

import java.util.Objects;
import java.util.Optional;

/**
 * What every event of a call carries: the call's id, its operation, its session, and the context the listener
 * captured as it began. The events of one call share its {@link #callId()}.
 */
public abstract class CallEvent {
  private final long callId;
  private final String operation;
  private final String sessionId;
  private final Object context;

  CallEvent(long callId, String operation, String sessionId, Object context) {
    this.callId = callId;
    this.operation = Objects.requireNonNull(operation, "operation");
    this.sessionId = sessionId;
    this.context = context;
  }

  /** The call's id, unique within the client that made it (and the clients derived from it). */
  public long callId() {
    return callId;
  }

  /**
   * The operation: {@code start}, {@code navigate}, {@code act}, {@code observe}, {@code extract}, {@code execute}
   * (the agent), {@code replay} or {@code end}.
   */
  public String operation() {
    return operation;
  }

  /** The session the call is about; empty for {@code start} until it ends (see {@link CallEnded#sessionId()}). */
  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  /** What {@link CallListener#captureContext()} returned on the calling thread as the call began, if anything. */
  public Optional<Object> context() {
    return Optional.ofNullable(context);
  }

  String fields() {
    return "callId=" + callId + ", operation=" + operation + (sessionId != null ? ", sessionId=" + sessionId : "");
  }
}
