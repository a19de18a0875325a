package com.browserbase.stagehand.core.events;

/** How a call ended; a tag of low cardinality for metrics. */
public enum CallOutcome {
  /** Answered with success (a stream: read to its {@code finished} event). */
  SUCCESS,
  /** Answered with a 4xx status, or {@code "success": false}. */
  CLIENT_ERROR,
  /** Answered with a 5xx status, or a stream's {@code error} event. */
  SERVER_ERROR,
  /** No usable answer: the connection failed, was cut, or timed out. */
  NETWORK_ERROR,
  /** An answer the SDK could not use: not JSON, not the expected shape, or larger than {@code maxResponseBytes}. */
  INVALID_RESPONSE,
  /**
   * The caller gave up: interrupted, the future cancelled (an async stream closed before it began), a stream closed
   * before its end, or the client closed (a stream neither read to its end nor closed by then included).
   */
  CANCELLED
}
