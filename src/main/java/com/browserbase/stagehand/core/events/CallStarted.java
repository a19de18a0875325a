package com.browserbase.stagehand.core.events;

/** A call began, before its first attempt. */
public final class CallStarted extends CallEvent {
  private final boolean streaming;

  /** Made by the SDK; public so that a listener's tests can make one. */
  public CallStarted(long callId, String operation, String sessionId, Object context, boolean streaming) {
    super(callId, operation, sessionId, context);
    this.streaming = streaming;
  }

  /** Whether the call asked for a stream of events. */
  public boolean streaming() {
    return streaming;
  }

  @Override
  public String toString() {
    return "CallStarted{" + fields() + ", streaming=" + streaming + "}";
  }
}
