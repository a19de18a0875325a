package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.internal.Checks;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Map;

/**
 * The kind of a stream event: a status change or a log line. An open enumeration: {@link
 * #of(String)} accepts values this SDK version does not know.
 */
public final class StreamEventType extends OpenEnum {
  /** {@code system} */
  public static final StreamEventType SYSTEM = new StreamEventType("system", true);
  /** {@code log} */
  public static final StreamEventType LOG = new StreamEventType("log", true);

  private static final Map<String, StreamEventType> KNOWN =
      index(SYSTEM, LOG);

  private StreamEventType(String value, boolean known) {
    super(value, known);
  }

  /** The constant for {@code value}, or a new value this SDK version does not know. */
  @JsonCreator
  public static StreamEventType of(String value) {
    StreamEventType constant = KNOWN.get(Checks.notNull(value, "value"));
    return constant != null ? constant : new StreamEventType(value, false);
  }
}
