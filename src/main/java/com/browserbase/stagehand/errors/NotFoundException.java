package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** HTTP 404 Not Found: typically an unknown or already ended session. */
public final class NotFoundException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public NotFoundException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
