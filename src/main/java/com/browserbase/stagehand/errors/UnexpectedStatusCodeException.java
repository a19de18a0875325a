package com.browserbase.stagehand.errors;

import java.util.List;
import java.util.Map;

/** An HTTP error status with no class of its own (for example 409 or 418). */
public final class UnexpectedStatusCodeException extends StagehandServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link StagehandServiceException}. */
  public UnexpectedStatusCodeException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(statusCode, headers, body, message, code, summary);
  }
}
