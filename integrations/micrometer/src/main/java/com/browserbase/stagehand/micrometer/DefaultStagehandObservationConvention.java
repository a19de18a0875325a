package com.browserbase.stagehand.micrometer;

import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.micrometer.StagehandObservationDocumentation.HighCardinalityKeys;
import com.browserbase.stagehand.micrometer.StagehandObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;
import java.util.Optional;

/**
 * The observation {@code stagehand.client.requests}, named {@code stagehand <operation>} (a span's name). Its
 * low-cardinality keys (meter tags) are {@code operation} and, once the call has ended, {@code outcome} and
 * {@code status}; its high-cardinality keys (span tags only) {@code session.id} and {@code attempts}. Extend it to
 * add keys of your own.
 */
public class DefaultStagehandObservationConvention implements StagehandObservationConvention {
  /** The observation's name, and the timer's. */
  public static final String NAME = "stagehand.client.requests";
  /** The {@code status} of a call that got no answer. */
  public static final String NO_STATUS = "NONE";

  /** A convention; it has no state. */
  public DefaultStagehandObservationConvention() {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getContextualName(StagehandObservationContext context) {
    return "stagehand " + context.operation();
  }

  @Override
  public KeyValues getLowCardinalityKeyValues(StagehandObservationContext context) {
    KeyValues keys = KeyValues.of(LowCardinalityKeys.OPERATION.withValue(context.operation()));
    Optional<CallEnded> ended = context.ended();
    if (!ended.isPresent()) {
      return keys;
    }
    String status = ended.get().status().isPresent() ? String.valueOf(ended.get().status().getAsInt()) : NO_STATUS;
    return keys.and(LowCardinalityKeys.OUTCOME.withValue(ended.get().outcome().name()),
        LowCardinalityKeys.STATUS.withValue(status));
  }

  @Override
  public KeyValues getHighCardinalityKeyValues(StagehandObservationContext context) {
    KeyValues keys = KeyValues.empty();
    if (context.sessionId().isPresent()) {
      keys = keys.and(HighCardinalityKeys.SESSION_ID.withValue(context.sessionId().get()));
    }
    if (context.ended().isPresent()) {
      keys = keys.and(HighCardinalityKeys.ATTEMPTS.withValue(String.valueOf(context.ended().get().attempts())));
    }
    return keys;
  }
}
