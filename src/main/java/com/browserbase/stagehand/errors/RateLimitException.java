package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** HTTP 429 Too Many Requests: retried automatically, thrown once retries are used up. */
public final class RateLimitException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public RateLimitException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
