package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.internal.Checks;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Map;

/**
 * The status of a streamed operation. An open enumeration: {@link #of(String)} accepts values this
 * SDK version does not know.
 */
public final class StreamEventStatus extends OpenEnum {
  /** {@code starting} */
  public static final StreamEventStatus STARTING = new StreamEventStatus("starting", true);
  /** {@code connected} */
  public static final StreamEventStatus CONNECTED = new StreamEventStatus("connected", true);
  /** {@code running} */
  public static final StreamEventStatus RUNNING = new StreamEventStatus("running", true);
  /** {@code finished} */
  public static final StreamEventStatus FINISHED = new StreamEventStatus("finished", true);
  /** {@code error} */
  public static final StreamEventStatus ERROR = new StreamEventStatus("error", true);

  private static final Map<String, StreamEventStatus> KNOWN =
      index(STARTING, CONNECTED, RUNNING, FINISHED, ERROR);

  private StreamEventStatus(String value, boolean known) {
    super(value, known);
  }

  /** The constant for {@code value}, or a new value this SDK version does not know. */
  @JsonCreator
  public static StreamEventStatus of(String value) {
    StreamEventStatus constant = KNOWN.get(Checks.notNull(value, "value"));
    return constant != null ? constant : new StreamEventStatus(value, false);
  }
}
