package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** HTTP 400 Bad Request: the request was invalid (a validation error names the field). */
public final class BadRequestException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public BadRequestException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
