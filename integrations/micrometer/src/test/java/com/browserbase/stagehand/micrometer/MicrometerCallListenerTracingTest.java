package com.browserbase.stagehand.micrometer;

import static com.browserbase.stagehand.micrometer.Calls.failed;
import static com.browserbase.stagehand.micrometer.Calls.retry;
import static com.browserbase.stagehand.micrometer.Calls.started;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.errors.InternalServerException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With Micrometer Tracing: a call is a span, child of the span current on the calling thread as the call began. */
class MicrometerCallListenerTracingTest {
  private final SimpleTracer tracer = new SimpleTracer();
  private final ObservationRegistry observations = ObservationRegistry.create();

  @Test
  void aCallIsAChildSpanOfTheCallersWithItsTagsRetriesAndError() throws Exception {
    observations.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));
    MicrometerCallListener listener = MicrometerCallListener.create(observations, new SimpleMeterRegistry());
    Observation request = Observation.createNotStarted("checkout", observations).contextualName("checkout").start();
    Object context;
    Observation.Scope scope = request.openScope();
    try {
      context = listener.captureContext();
    } finally {
      scope.close();
    }

    CompletableFuture.runAsync(() -> {
      listener.callStarted(started(1, "act", "s-1", context));
      listener.retryScheduled(retry(1, "act", "s-1", context, 1, 250, 502, null));
      listener.callEnded(failed(1, "act", "s-1", context, 2, 500, CallOutcome.SERVER_ERROR,
          InternalServerException.class));
    }).get(5, TimeUnit.SECONDS);
    request.stop();

    SimpleSpan call = tracer.getSpans().stream().filter(s -> s.getName().equals("stagehand act")).findFirst()
        .orElseThrow(() -> new AssertionError("no span stagehand act in " + tracer.getSpans()));
    SimpleSpan checkout = tracer.getSpans().stream().filter(s -> s.getName().equals("checkout")).findFirst().get();
    assertThat(call.getTraceId()).isEqualTo(checkout.getTraceId());
    assertThat(call.getParentId()).isEqualTo(checkout.getSpanId());
    assertThat(call.getTags()).containsEntry("operation", "act").containsEntry("outcome", "SERVER_ERROR")
        .containsEntry("status", "500").containsEntry("session.id", "s-1").containsEntry("attempts", "2");
    assertThat(call.getEvents()).extracting(Map.Entry::getValue).containsExactly("retry 1 in 250 ms after HTTP 502");
    assertThat(call.getError()).isInstanceOf(CallFailure.class).hasMessage(InternalServerException.class.getName());
    assertThat(call.getError().getStackTrace()).isEmpty();
  }
}
