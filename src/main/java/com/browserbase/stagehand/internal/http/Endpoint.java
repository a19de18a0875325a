package com.browserbase.stagehand.internal.http;

import java.time.Duration;

/**
 * How an operation is sent, retried and timed; each {@code Operation} has one. Not API.
 */
public final class Endpoint {
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
  /**
   * The operation's name in call events: the path segment ({@code start}, {@code act}, ...), except {@code execute}
   * for {@code agentExecute}.
   */
  public final String operation;

  /** An endpoint; {@code Operation} has those of the API. */
  public Endpoint(String method, String action, String fixedSegment, boolean sideEffects, Duration defaultTimeout) {
    this.method = method;
    this.action = action;
    this.fixedSegment = fixedSegment;
    this.sideEffects = sideEffects;
    this.defaultTimeout = defaultTimeout;
    String segment = action != null ? action : fixedSegment;
    this.operation = "agentExecute".equals(segment) ? "execute" : segment;
  }
}
