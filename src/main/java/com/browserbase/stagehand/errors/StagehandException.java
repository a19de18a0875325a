package com.browserbase.stagehand.errors;

/** Base of every exception the SDK throws; all are unchecked. */
public class StagehandException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message a person can act on. */
  public StagehandException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the failure that caused it. */
  public StagehandException(String message, Throwable cause) {
    super(message, cause);
  }
}
