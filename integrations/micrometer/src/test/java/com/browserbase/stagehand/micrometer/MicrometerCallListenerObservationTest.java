package com.browserbase.stagehand.micrometer;

import static com.browserbase.stagehand.micrometer.Calls.failed;
import static com.browserbase.stagehand.micrometer.Calls.retry;
import static com.browserbase.stagehand.micrometer.Calls.started;
import static com.browserbase.stagehand.micrometer.Calls.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.errors.RateLimitException;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.GlobalObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What each call's observation holds, fed hand-made events as the core's listener thread would. */
class MicrometerCallListenerObservationTest {
  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final Observations found = new Observations(observations);
  private final MicrometerCallListener listener =
      MicrometerCallListener.create(observations, new SimpleMeterRegistry());
  /** The client's listener thread: never the caller's. */
  private final ExecutorService listenerThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopListenerThread() {
    listenerThread.shutdownNow();
  }

  private void deliver(Runnable events) throws Exception {
    listenerThread.submit(events).get(5, TimeUnit.SECONDS);
  }

  @Test
  void anActIsAnObservationWithItsOperationOutcomeStatusAndSession() throws Exception {
    Object context = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(7, "act", "s-1", context));
      listener.callEnded(succeeded(7, "act", "s-1", context));
    });

    TestObservationRegistryAssert.assertThat(observations)
        .hasNumberOfObservationsEqualTo(1)
        .hasSingleObservationThat()
        .hasNameEqualTo("stagehand.client.requests")
        .hasContextualNameEqualTo("stagehand act")
        .hasLowCardinalityKeyValue("operation", "act")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasLowCardinalityKeyValue("status", "200")
        .hasHighCardinalityKeyValue("session.id", "s-1")
        .hasHighCardinalityKeyValue("attempts", "1")
        .doesNotHaveLowCardinalityKeyValue("session.id", "s-1")
        .doesNotHaveParentObservation()
        .doesNotHaveError()
        .hasBeenStarted()
        .hasBeenStopped();
  }

  @Test
  void theParentIsTheObservationCurrentOnTheCallingThreadAsTheCallBegan() throws Exception {
    Observation request = Observation.start("http.server.requests", observations);
    Object insideRequest;
    Observation.Scope scope = request.openScope();
    try {
      insideRequest = listener.captureContext();
    } finally {
      scope.close();
    }
    Object outside = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(1, "observe", "s-1", insideRequest));
      listener.callStarted(started(2, "extract", "s-1", outside));
      listener.callEnded(succeeded(1, "observe", "s-1", insideRequest));
      listener.callEnded(succeeded(2, "extract", "s-1", outside));
    });
    request.stop();

    found.named("stagehand observe").hasParentObservationEqualTo(request);
    found.named("stagehand extract").doesNotHaveParentObservation();
  }

  @Test
  void aRetryIsAnEventSayingWhichAfterHowLongAndWhy() throws Exception {
    Object context = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(3, "navigate", "s-1", context));
      listener.retryScheduled(retry(3, "navigate", "s-1", context, 1, 500, 503, null));
      listener.retryScheduled(retry(3, "navigate", "s-1", context, 2, 1000, null, SocketTimeoutException.class));
      listener.callEnded(failed(3, "navigate", "s-1", context, 3, 200, CallOutcome.SUCCESS, null));
    });

    assertThat(found.events()).containsExactly("navigate: retry: retry 1 in 500 ms after HTTP 503",
        "navigate: retry: retry 2 in 1000 ms after SocketTimeoutException");
    TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
        .hasHighCardinalityKeyValue("attempts", "3");
  }

  @Test
  void aFailureHasItsOutcomeStatusAndAnErrorNamingOnlyTheExceptionsType() throws Exception {
    Object context = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(4, "act", "s-1", context));
      listener.callEnded(failed(4, "act", "s-1", context, 1, 429, CallOutcome.CLIENT_ERROR, RateLimitException.class));
    });

    TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
        .hasLowCardinalityKeyValue("status", "429")
        .assertThatError()
        .isInstanceOf(CallFailure.class)
        .hasMessage(RateLimitException.class.getName())
        .hasNoCause();
    assertThat(observations.getCurrentObservation()).isNull();
  }

  @Test
  void aCallNeverAnsweredHasStatusNone() throws Exception {
    Object context = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(5, "extract", "s-1", context));
      listener.callEnded(failed(5, "extract", "s-1", context, 3, null, CallOutcome.NETWORK_ERROR,
          SocketTimeoutException.class));
    });

    TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
        .hasLowCardinalityKeyValue("outcome", "NETWORK_ERROR")
        .hasLowCardinalityKeyValue("status", "NONE")
        .hasError();
  }

  @Test
  void aStartHasTheSessionIdItOpened() throws Exception {
    Object context = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(6, "start", null, context));
      listener.callEnded(succeeded(6, "start", "s-9", context));
    });

    TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
        .hasContextualNameEqualTo("stagehand start")
        .hasHighCardinalityKeyValue("session.id", "s-9");
  }

  @Test
  void aConventionOfYourOwnNamesAndTagsTheObservations() throws Exception {
    MicrometerCallListener custom = MicrometerCallListener.builder(observations, new SimpleMeterRegistry())
        .convention(new DefaultStagehandObservationConvention() {
          @Override
          public String getContextualName(StagehandObservationContext context) {
            return "browser " + context.operation();
          }

          @Override
          public KeyValues getLowCardinalityKeyValues(StagehandObservationContext context) {
            return super.getLowCardinalityKeyValues(context).and("tenant", "shop");
          }
        })
        .build();
    Object context = custom.captureContext();

    deliver(() -> {
      custom.callStarted(started(1, "act", "s-1", context));
      custom.callEnded(succeeded(1, "act", "s-1", context));
    });

    TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
        .hasContextualNameEqualTo("browser act")
        .hasLowCardinalityKeyValue("tenant", "shop")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS");
  }

  @Test
  void aGlobalConventionOfTheRegistryServesWhenTheListenerHasNone() throws Exception {
    observations.observationConfig().observationConvention(new GlobalObservationConvention<StagehandObservationContext>() {
      @Override
      public boolean supportsContext(Observation.Context context) {
        return context instanceof StagehandObservationContext;
      }

      @Override
      public String getContextualName(StagehandObservationContext context) {
        return "global " + context.operation();
      }
    });
    Object context = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(1, "observe", "s-1", context));
      listener.callEnded(succeeded(1, "observe", "s-1", context));
    });

    TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
        .hasContextualNameEqualTo("global observe");
  }

  @Test
  void eventsOfACallNeverStartedAreIgnored() throws Exception {
    Object context = listener.captureContext();

    deliver(() -> {
      listener.retryScheduled(retry(8, "act", "s-1", context, 1, 100, 503, null));
      listener.callEnded(succeeded(8, "act", "s-1", context));
    });

    TestObservationRegistryAssert.assertThat(observations).doesNotHaveAnyObservation();
  }

  @Test
  void callsOfTwoClientsWithTheSameIdsAreToldApartByTheirContexts() throws Exception {
    Object first = listener.captureContext();
    Object second = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(1, "act", "s-1", first));
      listener.callStarted(started(1, "observe", "s-2", second));
      listener.callEnded(failed(1, "observe", "s-2", second, 1, 500, CallOutcome.SERVER_ERROR, null));
      listener.callEnded(succeeded(1, "act", "s-1", first));
    });

    TestObservationRegistryAssert.assertThat(observations).hasNumberOfObservationsEqualTo(2);
    found.named("stagehand act").hasLowCardinalityKeyValue("outcome", "SUCCESS");
    found.named("stagehand observe").hasLowCardinalityKeyValue("outcome", "SERVER_ERROR");
  }

  @Test
  void eventsWithoutAContextAreStillObservedByCallId() throws Exception {
    deliver(() -> {
      listener.callStarted(started(9, "replay", "s-1", null));
      listener.callEnded(succeeded(9, "replay", "s-1", null));
    });

    TestObservationRegistryAssert.assertThat(observations).hasSingleObservationThat()
        .hasContextualNameEqualTo("stagehand replay")
        .hasLowCardinalityKeyValue("outcome", "SUCCESS")
        .hasBeenStopped();
  }

  @Test
  void beyondTheBoundTheOldestOpenCallIsStoppedAsUnknownAndItsLateEndIgnored() throws Exception {
    MicrometerCallListener bounded = new MicrometerCallListener(observations, new SimpleMeterRegistry(), null, 2);
    Object context = bounded.captureContext();

    deliver(() -> {
      bounded.callStarted(started(1, "act", "s-1", context));
      bounded.callStarted(started(2, "act", "s-1", context));
      bounded.callStarted(started(3, "act", "s-1", context));
    });

    assertThat(found.outcomes()).containsExactly("UNKNOWN");
    found.withOutcome("UNKNOWN").hasLowCardinalityKeyValue("status", "NONE").hasLowCardinalityKeyValue("operation",
        "act");

    deliver(() -> {
      bounded.callEnded(succeeded(1, "act", "s-1", context));
      bounded.callEnded(succeeded(2, "act", "s-1", context));
      bounded.callEnded(succeeded(3, "act", "s-1", context));
    });

    assertThat(found.outcomes()).containsExactlyInAnyOrder("UNKNOWN", "SUCCESS", "SUCCESS");
  }

  @Test
  void aCallStartedTwiceStopsTheFirstObservationAsUnknown() throws Exception {
    Object context = listener.captureContext();

    deliver(() -> {
      listener.callStarted(started(1, "act", "s-1", context));
      listener.callStarted(started(1, "act", "s-1", context));
      listener.callEnded(succeeded(1, "act", "s-1", context));
    });

    assertThat(found.outcomes()).containsExactlyInAnyOrder("UNKNOWN", "SUCCESS");
  }

  @Test
  void aNoopRegistryObservesNothingAndFailsNothing() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    MicrometerCallListener noop = MicrometerCallListener.create(ObservationRegistry.NOOP, meters);
    Object context = noop.captureContext();

    deliver(() -> {
      noop.callStarted(started(1, "start", null, context));
      noop.retryScheduled(retry(1, "start", null, context, 1, 10, 503, null));
      noop.callEnded(succeeded(1, "start", "s-1", context));
    });

    assertThat(meters.get("stagehand.sessions.open").gauge().value()).isEqualTo(1.0);
  }
}
