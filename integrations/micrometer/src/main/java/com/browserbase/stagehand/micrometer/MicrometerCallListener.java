package com.browserbase.stagehand.micrometer;

import com.browserbase.stagehand.core.events.CachedActEnded;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.RetryScheduled;
import com.browserbase.stagehand.micrometer.StagehandObservationDocumentation.Events;
import com.browserbase.stagehand.micrometer.StagehandObservationDocumentation.LowCardinalityKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micrometer instrumentation of a Stagehand client, given to {@code StagehandOkHttpClient.builder().callListener}:
 * an {@link Observation} per call ({@link StagehandObservationDocumentation#CLIENT_REQUESTS}: the timer
 * {@code stagehand.client.requests} through Micrometer's meter handler, a span through Micrometer Tracing, child of
 * the observation current on the calling thread), the counter {@code stagehand.cache.acts} (tag {@code status}) and
 * the gauge {@code stagehand.sessions.open}.
 *
 * <p>The events reach it on the client's listener thread, a little after the fact: the observation's start and stop,
 * hence its timer and span, lag the call's by the time the event waited there (microseconds, unless listeners fall
 * behind). A failed call's observation gets an error standing for its exception's type (never its message). A call
 * whose end is never told (the core tells every end: this is a guard) is stopped with outcome {@code UNKNOWN} once
 * 65,536 newer calls are open.
 * One listener may serve several clients.
 */
public final class MicrometerCallListener implements CallListener {
  private static final Logger LOG = LoggerFactory.getLogger(MicrometerCallListener.class);
  private static final DefaultStagehandObservationConvention DEFAULT_CONVENTION =
      new DefaultStagehandObservationConvention();
  /** The {@code outcome} of a call stopped without its end: see {@link OpenCalls}. */
  static final String UNKNOWN_OUTCOME = "UNKNOWN";

  private final ObservationRegistry observations;
  private final MeterRegistry meters;
  private final StagehandObservationConvention convention;
  private final OpenCalls calls;
  private final OpenSessions sessions;
  private final AtomicBoolean evictionLogged = new AtomicBoolean();

  MicrometerCallListener(ObservationRegistry observations, MeterRegistry meters,
      StagehandObservationConvention convention, int maxOpenCalls) {
    this.observations = observations;
    this.meters = meters;
    this.convention = convention;
    this.calls = new OpenCalls(maxOpenCalls);
    this.sessions = OpenSessions.of(meters);
  }

  /**
   * A listener observing calls in {@code observations} (give it a {@code DefaultMeterObservationHandler} for the
   * timer) and counting cached acts and open sessions in {@code meters}.
   */
  public static MicrometerCallListener create(ObservationRegistry observations, MeterRegistry meters) {
    return builder(observations, meters).build();
  }

  /** A builder of a listener on these registries, to set a convention of your own. */
  public static Builder builder(ObservationRegistry observations, MeterRegistry meters) {
    return new Builder(observations, meters);
  }

  /** The observation current on the calling thread, to be the parent of the call's. */
  @Override
  public Object captureContext() {
    return new Captured(observations.getCurrentObservation());
  }

  @Override
  public void callStarted(CallStarted call) {
    StagehandObservationContext context = new StagehandObservationContext(call);
    Observation observation =
        StagehandObservationDocumentation.CLIENT_REQUESTS.observation(convention, DEFAULT_CONVENTION, () -> context,
            observations);
    if (observation.isNoop()) {
      return;
    }
    Object captured = call.context().orElse(null);
    if (captured instanceof Captured && ((Captured) captured).parent != null) {
      observation.parentObservation(((Captured) captured).parent);
    }
    observation.start();
    Observation stale = calls.add(call, observation);
    if (stale != null) {
      stopUnknown(stale);
    }
  }

  @Override
  public void retryScheduled(RetryScheduled retry) {
    Observation observation = calls.get(retry);
    if (observation != null) {
      observation.event(Observation.Event.of(Events.RETRY.getName(), describe(retry)));
    }
  }

  @Override
  public void callEnded(CallEnded call) {
    sessions.ended(call);
    Observation observation = calls.remove(call);
    if (observation == null) {
      return; // its start was not observed: dropped, or a no-op observation
    }
    ((StagehandObservationContext) observation.getContext()).setEnded(call);
    if (call.failure().isPresent()) {
      observation.error(new CallFailure(call.failure().get()));
    }
    observation.stop();
  }

  @Override
  public void cachedActEnded(CachedActEnded act) {
    Counter.builder("stagehand.cache.acts")
        .description("Acts by instruction through the action cache, by how the cache served them")
        .tag("status", act.cacheStatus())
        .register(meters)
        .increment();
  }

  /** Stops the observation of a call whose end was not told, with outcome {@code UNKNOWN}. */
  private void stopUnknown(Observation observation) {
    if (evictionLogged.compareAndSet(false, true)) {
      LOG.warn("A Stagehand call's observation was stopped before its end was told, with outcome {}: more than {}"
          + " calls open at once (logged once)", UNKNOWN_OUTCOME, calls.max());
    }
    observation.lowCardinalityKeyValue(LowCardinalityKeys.OUTCOME.withValue(UNKNOWN_OUTCOME))
        .lowCardinalityKeyValue(LowCardinalityKeys.STATUS.withValue(DefaultStagehandObservationConvention.NO_STATUS))
        .stop();
  }

  /** A retry's span event: {@code retry 1 in 500 ms after HTTP 503}, or after the failure's simple class name. */
  private static String describe(RetryScheduled retry) {
    String why = retry.status().isPresent() ? " after HTTP " + retry.status().getAsInt()
        : retry.failure().isPresent() ? " after " + retry.failure().get().getSimpleName() : "";
    return Events.RETRY.getName() + " " + retry.retry() + " in " + retry.delay().toMillis() + " ms" + why;
  }

  /** What {@link #captureContext()} returns: one per call, holding the caller's observation. */
  private static final class Captured {
    final Observation parent;

    Captured(Observation parent) {
      this.parent = parent;
    }
  }

  /** Builds a {@link MicrometerCallListener}. */
  public static final class Builder {
    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private StagehandObservationConvention convention;

    private Builder(ObservationRegistry observations, MeterRegistry meters) {
      this.observations = notNull(observations, "observations");
      this.meters = notNull(meters, "meters");
    }

    /**
     * Names and tags the observations with {@code custom} instead of {@link DefaultStagehandObservationConvention}
     * (or a {@code GlobalObservationConvention} registered on the observation registry).
     */
    public Builder convention(StagehandObservationConvention custom) {
      this.convention = notNull(custom, "custom");
      return this;
    }

    /** The listener, registering the gauge {@code stagehand.sessions.open} on the meter registry if not yet there. */
    public MicrometerCallListener build() {
      return new MicrometerCallListener(observations, meters, convention, OpenCalls.MAX);
    }

    private static <T> T notNull(T value, String name) {
      if (value == null) {
        throw new NullPointerException(name + " == null");
      }
      return value;
    }
  }
}
