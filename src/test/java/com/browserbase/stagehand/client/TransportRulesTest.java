package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.errors.UnexpectedStatusCodeException;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rules of the transport that hold for every answer: unusable answers, deadlines, OkHttp's own resends, threads. */
class TransportRulesTest {
  private static final String UNAVAILABLE = """
      {"success":true,"data":{"sessionId":"sess-9","available":false}}""";

  private final WireFixtures.RecordingSleeper sleeper = new WireFixtures.RecordingSleeper();
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.sleeper(sleeper));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  private static SessionStartParams startParams() {
    return SessionStartParams.builder().modelName("openai/gpt-5-nano").build();
  }

  @Test
  void aStartedSessionThatIsNotAvailableIsAnErrorNotASessionId() {
    server.enqueue(json(UNAVAILABLE));

    assertThatThrownBy(() -> client.sessions().start(startParams()))
        .isExactlyInstanceOf(StagehandServiceException.class)
        .hasMessage("200 OK: session sess-9 was created but is not available (available: false)"
            + " (POST /v1/sessions/start)")
        .satisfies(e -> {
          StagehandServiceException error = (StagehandServiceException) e;
          assertThat(error.statusCode()).isEqualTo(200);
          assertThat(error.body()).contains("sess-9");
        });
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
  }

  @Test
  void anUnavailableSessionFailsTheAsyncAndTheRawStartToo() {
    server.enqueue(json(UNAVAILABLE));
    server.enqueue(json(UNAVAILABLE));

    assertThat(failureOf(client.async().sessions().start(startParams())))
        .isExactlyInstanceOf(StagehandServiceException.class)
        .hasMessageContaining("not available");
    HttpResponseFor<SessionStartResponse> raw = client.sessions().withRawResponse().start(startParams());
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThatThrownBy(raw::parse).isExactlyInstanceOf(StagehandServiceException.class)
        .hasMessageContaining("session sess-9 was created but is not available");
  }

  @Test
  void aTwoHundredThatSaysSuccessFalseIsTheServersError() {
    server.enqueue(json("{\"success\":false,\"error\":\"boom\",\"code\":\"E_BOOM\"}"));

    assertThatThrownBy(() -> client.sessions().observe(
            SessionObserveParams.builder().id("s-1").instruction("x").build()))
        .isInstanceOfSatisfying(UnexpectedStatusCodeException.class, e -> {
          assertThat(e.message()).isEqualTo("boom");
          assertThat(e.code()).contains("E_BOOM");
          assertThat(e.getMessage()).isEqualTo("200 OK: boom (POST /v1/sessions/s-1/observe)");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aBlockingCallsTimeoutBoundsItsRetries() {
    // The server asks for a retry in 1.5 s; the call may take 1 s in all: no retry is made.
    server.enqueue(new MockResponse.Builder().code(503).setHeader("retry-after-ms", "1500").body("{\"error\":\"busy\"}").build());
    RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(1)).build();

    assertThatThrownBy(() -> client.sessions().replay(SessionReplayParams.builder().id("s-1").build(), options))
        .isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aRetryThatFitsTheTimeoutIsMade() {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("retry-after-ms", "10").body("{\"error\":\"busy\"}").build());
    server.enqueue(json(WireFixtures.REPLAY_OK));
    RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(5)).build();

    assertThat(client.sessions().replay(SessionReplayParams.builder().id("s-1").build(), options).success()).isTrue();
    assertThat(sleeper.sleeps).containsExactly(10L);
  }

  @Test
  void aGzippedServiceUnavailableBodyStillGivesAReadableMessage() throws Exception {
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new GzipSink(gzipped))) {
      sink.writeUtf8("{\"error\":\"overloaded, try later\"}");
    }
    server.enqueue(new MockResponse.Builder().code(503)
        .setHeader("Content-Encoding", "gzip")
        .setHeader("Content-Type", "application/json")
        .body(gzipped)
        .build());

    assertThatThrownBy(() -> client.sessions().replay(SessionReplayParams.builder().id("s-1").build(),
            RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOfSatisfying(InternalServerException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(503);
          assertThat(e.message()).isEqualTo("overloaded, try later");
        });
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theSdksOwnThreadsAreDaemonThreads() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(WireFixtures.REPLAY_OK));
    }
    List<java.util.concurrent.CompletableFuture<?>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(client.async().sessions().replay(SessionReplayParams.builder().id("s-" + i).build()));
    }
    calls.forEach(WireFixtures::await);

    Set<String> nonDaemon = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive() && !t.isDaemon())
        .filter(t -> !t.getName().startsWith("MockWebServer"))
        .map(Thread::getName)
        .collect(Collectors.toSet());
    assertThat(nonDaemon).as("threads that would keep the JVM alive").isEmpty();
  }

  @Test
  void callsRunOnVirtualThreadsFromJdk21() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("data: {\"data\":{\"status\":\"finished\",\"result\":{}},\"type\":\"system\",\"id\":\"1\"}\n\n")
        .build());
    java.util.concurrent.CompletableFuture<Thread> thread = new java.util.concurrent.CompletableFuture<>();
    client.async().sessions()
        .navigateStreaming(com.browserbase.stagehand.models.sessions.SessionNavigateParams.builder()
            .id("s-1").url("https://example.com").build())
        .subscribe(event -> thread.complete(Thread.currentThread())); // the handler runs on the SDK's thread
    Thread completedOn = await(thread);

    boolean virtualExpected = Runtime.version().feature() >= 21;
    if (virtualExpected) {
      assertThat((boolean) Thread.class.getMethod("isVirtual").invoke(completedOn)).isTrue();
    }
    assertThat(completedOn.isDaemon()).isTrue();
    assertThat(completedOn.getName()).startsWith(virtualExpected ? "stagehand-virtual-" : "stagehand-dispatcher-");
  }
}
