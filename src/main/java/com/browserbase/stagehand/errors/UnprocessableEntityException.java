package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** HTTP 422 Unprocessable Entity: the request was well formed but not acceptable. */
public final class UnprocessableEntityException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public UnprocessableEntityException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
