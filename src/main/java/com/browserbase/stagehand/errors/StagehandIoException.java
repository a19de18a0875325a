package com.browserbase.stagehand.errors;

/**
 * A network failure or a timeout: the server could not be reached, the connection broke, or no answer
 * came in time; also a call its thread's interrupt ended (the cause is then an {@link
 * java.io.InterruptedIOException}, and the interrupt flag stays set), and a call cancelled by closing the
 * client. The underlying {@link java.io.IOException} is the cause.
 */
public class StagehandIoException extends StagehandException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception wrapping the I/O failure {@code cause}. */
  public StagehandIoException(String message, Throwable cause) {
    super(message, cause);
  }
}
