package com.browserbase.stagehand.micrometer;

import static com.browserbase.stagehand.micrometer.Calls.cachedAct;
import static com.browserbase.stagehand.micrometer.Calls.failed;
import static com.browserbase.stagehand.micrometer.Calls.retry;
import static com.browserbase.stagehand.micrometer.Calls.started;
import static com.browserbase.stagehand.micrometer.Calls.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The meters, with an observation registry that makes timers of observations, as an application would set it up. */
class MicrometerCallListenerMetricsTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ObservationRegistry observations = ObservationRegistry.create();
  private final MicrometerCallListener listener;

  MicrometerCallListenerMetricsTest() {
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    listener = MicrometerCallListener.create(observations, meters);
  }

  private void call(long id, String operation, String sessionId) {
    Object context = listener.captureContext();
    listener.callStarted(started(id, operation, sessionId, context));
    listener.callEnded(succeeded(id, operation, sessionId, context));
  }

  @Test
  void eachCallIsTimedByOperationOutcomeAndStatus() {
    call(1, "act", "s-1");
    call(2, "act", "s-1");
    Object context = listener.captureContext();
    listener.callStarted(started(3, "act", "s-1", context));
    listener.callEnded(failed(3, "act", "s-1", context, 1, 400, CallOutcome.CLIENT_ERROR, BadRequestException.class));

    Timer succeeded = meters.get("stagehand.client.requests")
        .tags("operation", "act", "outcome", "SUCCESS", "status", "200").timer();
    Timer failed = meters.get("stagehand.client.requests")
        .tags("operation", "act", "outcome", "CLIENT_ERROR", "status", "400").timer();
    assertThat(succeeded.count()).isEqualTo(2);
    assertThat(failed.count()).isEqualTo(1);
    assertThat(keys(succeeded)).containsExactlyInAnyOrder("operation", "outcome", "status", "error");
    assertThat(failed.getId().getTag("error")).isEqualTo("CallFailure");
    assertThat(succeeded.getId().getTag("error")).isEqualTo("none");
  }

  @Test
  void retriesAreCountedByOperation() {
    Object context = listener.captureContext();
    listener.callStarted(started(1, "observe", "s-1", context));
    listener.retryScheduled(retry(1, "observe", "s-1", context, 1, 100, 503, null));
    listener.retryScheduled(retry(1, "observe", "s-1", context, 2, 200, 503, null));
    listener.callEnded(failed(1, "observe", "s-1", context, 3, 200, CallOutcome.SUCCESS, null));

    assertThat(meters.get("stagehand.client.requests.retry").tags("operation", "observe").counter().count())
        .isEqualTo(2);
  }

  @Test
  void cachedActsAreCountedByCacheStatus() {
    listener.cachedActEnded(cachedAct(1, "HIT"));
    listener.cachedActEnded(cachedAct(2, "HIT"));
    listener.cachedActEnded(cachedAct(3, "MISS"));
    listener.cachedActEnded(cachedAct(4, "HEALED"));

    assertThat(meters.get("stagehand.cache.acts").tag("status", "HIT").counter().count()).isEqualTo(2);
    assertThat(meters.get("stagehand.cache.acts").tag("status", "MISS").counter().count()).isEqualTo(1);
    assertThat(meters.get("stagehand.cache.acts").tag("status", "HEALED").counter().count()).isEqualTo(1);
  }

  @Test
  void theGaugeCountsSessionsStartedAndNotEnded() {
    Object context = listener.captureContext();
    assertThat(openSessions()).isEqualTo(0);

    call(1, "start", "s-1");
    assertThat(openSessions()).isEqualTo(1);
    listener.callStarted(started(2, "start", null, context));
    listener.callEnded(failed(2, "start", null, context, 1, 400, CallOutcome.CLIENT_ERROR, BadRequestException.class));
    listener.callEnded(failed(8, "start", "s-8", context, 1, 200, CallOutcome.INVALID_RESPONSE,
        StagehandInvalidDataException.class));
    call(3, "act", "s-1");
    assertThat(openSessions()).isEqualTo(1);
    call(4, "start", "s-2");
    assertThat(openSessions()).isEqualTo(2);

    listener.callStarted(started(5, "end", "s-1", context));
    assertThat(openSessions()).as("until the end has ended").isEqualTo(2);
    listener.callEnded(failed(5, "end", "s-1", context, 1, 500, CallOutcome.SERVER_ERROR, null));
    assertThat(openSessions()).as("an end that failed: the client forgets the session all the same").isEqualTo(1);
    call(6, "end", "s-2");
    call(7, "end", "s-attached");
    assertThat(openSessions()).isEqualTo(0);
  }

  @Test
  void listenersOnOneMeterRegistryShareOneGauge() {
    MicrometerCallListener other = MicrometerCallListener.create(ObservationRegistry.NOOP, meters);

    call(1, "start", "s-1");
    other.callEnded(succeeded(1, "start", "s-2", null));

    assertThat(meters.find("stagehand.sessions.open").gauges()).hasSize(1);
    assertThat(openSessions()).isEqualTo(2);
  }

  @Test
  void theSessionIdIsNoMetersTag() {
    call(1, "start", "s-secretive-1");
    call(2, "act", "s-secretive-1");
    Object context = listener.captureContext();
    listener.callStarted(started(3, "act", "s-secretive-1", context));
    listener.retryScheduled(retry(3, "act", "s-secretive-1", context, 1, 10, 503, null));
    listener.callEnded(succeeded(3, "act", "s-secretive-1", context));
    listener.cachedActEnded(cachedAct(4, "HIT"));

    List<Tag> tags = meters.getMeters().stream().flatMap(m -> m.getId().getTags().stream())
        .collect(Collectors.toList());
    assertThat(meters.getMeters()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(tags).extracting(Tag::getKey).containsOnly("operation", "outcome", "status", "error");
    assertThat(tags).extracting(Tag::getValue).noneMatch(value -> value.contains("secretive"));
  }

  @Test
  void theGaugeOutlivesTheListenersThatFeedIt() {
    startSessionWithAListenerNobodyKeeps("s-1");
    for (int i = 0; i < 3; i++) {
      System.gc();
    }

    assertThat(openSessions()).isEqualTo(1);
  }

  private void startSessionWithAListenerNobodyKeeps(String sessionId) {
    MicrometerCallListener.create(ObservationRegistry.NOOP, meters).callEnded(succeeded(1, "start", sessionId, null));
  }

  private double openSessions() {
    return meters.get("stagehand.sessions.open").gauge().value();
  }

  private static List<String> keys(Meter meter) {
    return meter.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toList());
  }
}
