package com.browserbase.stagehand.internal.http;

import java.time.Duration;

/** The eight operations of the API: how each is sent, retried and timed. Not API. */
public enum Endpoint {
  START("POST", null, "start", true, Duration.ofMinutes(5)),
  NAVIGATE("POST", "navigate", null, false, Duration.ofMinutes(5)),
  ACT("POST", "act", null, true, Duration.ofMinutes(5)),
  OBSERVE("POST", "observe", null, false, Duration.ofMinutes(5)),
  EXTRACT("POST", "extract", null, false, Duration.ofMinutes(5)),
  EXECUTE_AGENT("POST", "agentExecute", null, true, Duration.ofMinutes(30)),
  REPLAY("GET", "replay", null, false, Duration.ofMinutes(5)),
  END("POST", "end", null, false, Duration.ofMinutes(5));

  /** The HTTP method. */
  public final String method;
  /** The path segment after the session id, or {@code null} for {@code start}. */
  public final String action;
  /** The path segment after {@code /v1/sessions/} of an operation without a session id. */
  public final String fixedSegment;
  /**
   * Whether the operation changes the browser or starts something billable, so that it is retried
   * only when the server cannot have acted on it.
   */
  public final boolean sideEffects;
  /** The HTTP timeout of a blocking call when neither the client nor the request set one. */
  public final Duration defaultTimeout;

  Endpoint(String method, String action, String fixedSegment, boolean sideEffects, Duration defaultTimeout) {
    this.method = method;
    this.action = action;
    this.fixedSegment = fixedSegment;
    this.sideEffects = sideEffects;
    this.defaultTimeout = defaultTimeout;
  }
}
