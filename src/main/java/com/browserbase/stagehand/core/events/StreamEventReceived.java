package com.browserbase.stagehand.core.events;

import java.util.Objects;
import java.util.Optional;

/** A streaming call's stream delivered an event. Its content (a log line, a result) is not part of this. */
public final class StreamEventReceived extends CallEvent {
  private final String type;
  private final String status;

  /** Made by the SDK; public so that a listener's tests can make one. {@code status} may be {@code null}. */
  public StreamEventReceived(long callId, String operation, String sessionId, Object context, String type,
      String status) {
    super(callId, operation, sessionId, context);
    this.type = Objects.requireNonNull(type, "type");
    this.status = status;
  }

  /** The event's type as the server sent it: {@code system} or {@code log}. */
  public String type() {
    return type;
  }

  /**
   * The event's status as the server sent it (its {@code data.status}, else its SSE event name): {@code starting},
   * {@code connected}, {@code running} (a log line's), {@code finished} or {@code error}.
   */
  public Optional<String> status() {
    return Optional.ofNullable(status);
  }

  @Override
  public String toString() {
    return "StreamEventReceived{" + fields() + ", type=" + type + (status != null ? ", status=" + status : "") + "}";
  }
}
