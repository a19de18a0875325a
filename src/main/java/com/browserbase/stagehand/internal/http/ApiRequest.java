package com.browserbase.stagehand.internal.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One call as the services describe it to the transport. Not API. */
public final class ApiRequest {
  final Endpoint endpoint;
  /** The session id, or {@code null} for {@code start}. */
  final String sessionId;
  /** The JSON body, or {@code null} to send none. */
  final Object body;
  /** Headers of this request only; never null. */
  final Map<String, List<String>> headers;
  /** Query parameters of this request only; never null. */
  final Map<String, List<String>> queryParams;
  /** The operation's own timeout from its options, or {@code null}. */
  final Integer operationTimeoutMs;

  private ApiRequest(Endpoint endpoint, String sessionId, Object body, Map<String, List<String>> headers,
      Map<String, List<String>> queryParams, Integer operationTimeoutMs) {
    this.endpoint = endpoint;
    this.sessionId = sessionId;
    this.body = body;
    this.headers = headers != null ? headers : Collections.<String, List<String>>emptyMap();
    this.queryParams = queryParams != null ? queryParams : Collections.<String, List<String>>emptyMap();
    this.operationTimeoutMs = operationTimeoutMs;
  }

  /** Describes a call; {@code null} headers or query parameters are none (see the fields). */
  public static ApiRequest of(Endpoint endpoint, String sessionId, Object body, Map<String, List<String>> headers,
      Map<String, List<String>> queryParams, Integer operationTimeoutMs) {
    return new ApiRequest(endpoint, sessionId, body, headers, queryParams, operationTimeoutMs);
  }
}
