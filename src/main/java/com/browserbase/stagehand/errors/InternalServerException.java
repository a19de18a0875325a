package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** HTTP 5xx: the server failed; retried automatically where that is safe. */
public final class InternalServerException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public InternalServerException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
