package com.browserbase.stagehand.errors;

/**
 * A response that does not have the expected shape: not JSON, a property of the wrong type, or a
 * required property missing. The message names the property.
 */
public class StagehandInvalidDataException extends StagehandException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception naming what is wrong with the data. */
  public StagehandInvalidDataException(String message) {
    super(message);
  }

  /** Creates an exception naming what is wrong with the data, with the parse failure as cause. */
  public StagehandInvalidDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
