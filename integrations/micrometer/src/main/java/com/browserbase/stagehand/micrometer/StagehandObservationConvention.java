package com.browserbase.stagehand.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a Stagehand call. Implement it, or extend
 * {@link DefaultStagehandObservationConvention}, and give it to {@link MicrometerCallListener.Builder#convention} to
 * change them; a {@code GlobalObservationConvention<StagehandObservationContext>} registered on the observation
 * registry serves too.
 */
public interface StagehandObservationConvention extends ObservationConvention<StagehandObservationContext> {
  @Override
  default boolean supportsContext(Observation.Context context) {
    return context instanceof StagehandObservationContext;
  }
}
