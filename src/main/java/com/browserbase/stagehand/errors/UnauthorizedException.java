package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** HTTP 401 Unauthorized: a credential is missing or wrong. */
public final class UnauthorizedException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public UnauthorizedException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
