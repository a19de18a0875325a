package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** HTTP 403 Forbidden: the credentials may not do this. */
public final class PermissionDeniedException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public PermissionDeniedException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
