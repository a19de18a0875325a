package com.browserbase.stagehand.errors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Thrown by {@code StagehandClient.close()} when sessions still open could not be ended, after retries: their
 * browsers may keep running, and be billed, until the server ends them on its own (end them later by id with
 * {@code sessions().end}, from another client). The client is closed all the same. Why each session could not
 * be ended is a {@linkplain #getSuppressed() suppressed} exception, in the order of {@link #sessionIds()}.
 */
public class SessionsNotEndedException extends StagehandException {
  private static final long serialVersionUID = 1L;

  private final List<String> sessionIds;

  /** Creates the exception naming the sessions left running; their ids are not secret. */
  public SessionsNotEndedException(String message, List<String> sessionIds) {
    super(message);
    this.sessionIds = Collections.unmodifiableList(new ArrayList<>(sessionIds));
  }

  /** The ids of the sessions that could not be ended, oldest first. */
  public List<String> sessionIds() {
    return sessionIds;
  }
}
