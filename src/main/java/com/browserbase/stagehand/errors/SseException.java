package com.browserbase.stagehand.errors;

/**
 * The server reported an {@code error} event in a stream: the operation failed after the stream had
 * started. {@link #getMessage()} is the server's error text.
 */
public class SseException extends StagehandException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception carrying the server's error text. */
  public SseException(String message) {
    super(message);
  }
}
