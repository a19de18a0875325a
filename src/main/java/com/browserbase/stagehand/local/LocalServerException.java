package com.browserbase.stagehand.local;

import com.browserbase.stagehand.errors.StagehandException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A local Stagehand server could not be started, or logged errors while a call to it failed. Thrown by
 * building a client in local mode when the server or node is missing, exits early, or is not ready in
 * time; added as a suppressed exception to a failed {@code start} when the server logged why (such as
 * {@code spawn /usr/bin/chromium ENOENT}). The message ends with the server's lines it is about (its
 * last lines, or the errors it logged), which {@link #output()} also returns.
 */
public class LocalServerException extends StagehandException {
  private static final long serialVersionUID = 1L;

  private final List<String> output;

  /**
   * Creates an exception whose message is {@code message}, followed (when there are any) by a colon
   * and the lines of {@code output}, oldest first, one per line.
   */
  public LocalServerException(String message, List<String> output, Throwable cause) {
    super(withOutput(message, output), cause);
    this.output = Collections.unmodifiableList(new ArrayList<>(output));
  }

  /** The server's lines this is about (JSON log lines shortened to level, message and error), oldest first. */
  public List<String> output() {
    return output;
  }

  private static String withOutput(String message, List<String> output) {
    return output.isEmpty() ? message : message + ":\n  " + String.join("\n  ", output);
  }
}
