package com.browserbase.stagehand.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Through a real client on a mock Stagehand API: the core's events make the observations and meters. */
class MicrometerCallListenerClientTest {
  private final MockWebServer server = new MockWebServer();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final TestObservationRegistry observations = TestObservationRegistry.create();
  private final Observations found = new Observations(observations);

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new StagehandApi());
    server.start();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void aSessionsCallsAreObservedUnderTheCallersObservationTimedAndCounted() throws Exception {
    StagehandClient client = StagehandOkHttpClient.builder()
        .baseUrl(server.url("/").toString())
        .modelApiKey("sk-mock-secret-0123456789")
        .maxRetries(1)
        .callListener(MicrometerCallListener.create(observations, meters))
        .build();
    Observation checkout = Observation.start("checkout", observations);
    try {
      StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("m").build());
      awaitOpenSessions(1);
      Observation.Scope scope = checkout.openScope();
      try {
        session.act("click the button");
      } finally {
        scope.close();
      }
      session.end();
    } finally {
      client.close(); // delivers the events already made
      checkout.stop();
    }

    for (String operation : new String[] {"start", "act", "end"}) {
      assertThat(meters.get("stagehand.client.requests")
          .tags("operation", operation, "outcome", "SUCCESS", "status", "200").timer().count())
          .as(operation).isEqualTo(1);
    }
    assertThat(meters.get("stagehand.client.requests.retry").tag("operation", "act").counter().count())
        .isEqualTo(1);
    assertThat(meters.get("stagehand.sessions.open").gauge().value()).isEqualTo(0);
    found.named("stagehand act")
        .hasParentObservationEqualTo(checkout)
        .hasHighCardinalityKeyValue("session.id", "s-1")
        .hasHighCardinalityKeyValue("attempts", "2");
    found.named("stagehand start")
        .doesNotHaveParentObservation()
        .hasHighCardinalityKeyValue("session.id", "s-1");
    assertThat(found.events()).hasSize(1).allMatch(event -> event.startsWith("act: retry: retry 1 in "));
  }

  /** Answers by path, so that the client's close still ends the session when a test fails before it did. */
  private static final class StagehandApi extends Dispatcher {
    private final AtomicInteger acts = new AtomicInteger();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.endsWith("/start")) {
        return json(200, "{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true}}");
      }
      if (path.endsWith("/act") && acts.getAndIncrement() == 0) {
        return new MockResponse.Builder().code(503).setHeader("retry-after-ms", "10").body("{}").build();
      }
      if (path.endsWith("/act")) {
        return json(200, "{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"done\","
            + "\"actionDescription\":\"click\",\"actions\":[]}}}");
      }
      if (path.endsWith("/end")) {
        return json(200, "{\"success\":true}");
      }
      return json(404, "{\"message\":\"no route\"}");
    }

    private static MockResponse json(int status, String json) {
      return new MockResponse.Builder().code(status).setHeader("content-type", "application/json").body(json).build();
    }
  }

  private void awaitOpenSessions(double expected) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (meters.get("stagehand.sessions.open").gauge().value() != expected && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(meters.get("stagehand.sessions.open").gauge().value()).as("stagehand.sessions.open").isEqualTo(expected);
  }
}
