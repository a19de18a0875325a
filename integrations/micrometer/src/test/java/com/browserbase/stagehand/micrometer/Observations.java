package com.browserbase.stagehand.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * What the tests look up in a {@link TestObservationRegistry}, with only what Micrometer 1.10's test kit has, so
 * that the tests also run against it ({@code -Dmicrometer.version=1.10.13}); and the events, which it does not keep.
 */
final class Observations {
  private final TestObservationRegistry registry;
  private final List<String> events = new CopyOnWriteArrayList<>();

  Observations(TestObservationRegistry registry) {
    this.registry = registry;
    registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
      @Override
      public void onEvent(Observation.Event event, Observation.Context context) {
        events.add(context.getLowCardinalityKeyValue("operation").getValue() + ": " + event.getName() + ": "
            + event.getContextualName());
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
  }

  /** The one observation of that contextual name. */
  ObservationContextAssert<?> named(String contextualName) {
    List<Observation.Context> found = contexts().stream()
        .filter(c -> contextualName.equals(c.getContextualName()))
        .collect(Collectors.toList());
    assertThat(found).as("observations named %s", contextualName).hasSize(1);
    return ObservationContextAssert.assertThat(found.get(0));
  }

  /** The one observation whose {@code outcome} is that. */
  ObservationContextAssert<?> withOutcome(String outcome) {
    List<Observation.Context> found = contexts().stream()
        .filter(c -> c.getLowCardinalityKeyValue("outcome") != null)
        .filter(c -> outcome.equals(c.getLowCardinalityKeyValue("outcome").getValue()))
        .collect(Collectors.toList());
    assertThat(found).as("observations with outcome %s", outcome).hasSize(1);
    return ObservationContextAssert.assertThat(found.get(0));
  }

  /** The outcome of each observation that has one (it is set as it stops). */
  List<String> outcomes() {
    return contexts().stream()
        .map(c -> c.getLowCardinalityKeyValue("outcome"))
        .filter(Objects::nonNull)
        .map(KeyValue::getValue)
        .collect(Collectors.toList());
  }

  /** Each event, as {@code <operation>: <name>: <contextual name>}. */
  List<String> events() {
    return events;
  }

  private List<Observation.Context> contexts() {
    List<Observation.Context> contexts = new ArrayList<>();
    TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts::addAll);
    return contexts;
  }
}
