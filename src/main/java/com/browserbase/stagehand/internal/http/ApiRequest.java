package com.browserbase.stagehand.internal.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One call as the services describe it to the transport. Not API. */
public final class ApiRequest {
  final Endpoint endpoint;
  final String sessionId;
  final Object body;
  final Map<String, List<String>> headers;
  final Map<String, List<String>> queryParams;
  final Integer operationTimeoutMs;

  private ApiRequest(
      Endpoint endpoint,
      String sessionId,
      Object body,
      Map<String, List<String>> headers,
      Map<String, List<String>> queryParams,
      Integer operationTimeoutMs) {
    this.endpoint = endpoint;
    this.sessionId = sessionId;
    this.body = body;
    this.headers = headers;
    this.queryParams = queryParams;
    this.operationTimeoutMs = operationTimeoutMs;
  }

  /**
   * Describes a call.
   *
   * @param endpoint the operation
   * @param sessionId the session id, or {@code null} for {@code start}
   * @param body the JSON body, or {@code null} to send none
   * @param headers headers of this request only
   * @param queryParams query parameters of this request only
   * @param operationTimeoutMs the operation's own timeout from its options, or {@code null}
   */
  public static ApiRequest of(
      Endpoint endpoint,
      String sessionId,
      Object body,
      Map<String, List<String>> headers,
      Map<String, List<String>> queryParams,
      Integer operationTimeoutMs) {
    return new ApiRequest(
        endpoint,
        sessionId,
        body,
        headers != null ? headers : Collections.<String, List<String>>emptyMap(),
        queryParams != null ? queryParams : Collections.<String, List<String>>emptyMap(),
        operationTimeoutMs);
  }
}
