package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import com.browserbase.stagehand.models.sessions.StreamEventType;
import com.browserbase.stagehand.services.SessionService;
import com.browserbase.stagehand.services.SessionServiceAsync;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The streaming operations: what they send, how events arrive, how streams end, fail and close. */
class StreamingTest {
  private static final String SESSION = "sess-1";
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final String STARTING =
      "event: starting\ndata: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n";
  private static final String LOG =
      "event: running\ndata: {\"data\":{\"status\":\"running\",\"message\":\"clicking\"},\"type\":\"log\",\"id\":\"e2\"}\n\n";
  private static final String FINISHED = "event: finished\ndata: {\"data\":{\"status\":\"finished\","
      + "\"result\":{\"success\":true,\"message\":\"done\"}},\"type\":\"system\",\"id\":\"e3\"}\n\n";

  private final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.sleeper(sleeps::add));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  private SessionService sessions() {
    return client.sessions();
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id(SESSION).input("click the login button").build();
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("Cache-Control", "no-cache")
        .body(body)
        .build();
  }

  private static MockResponse sse(MockResponseBody body) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(body)
        .build();
  }

  /** An event stream without a Content-Length, read until the server closes the connection. */
  private static MockResponse endlessSse(MockResponseBody body) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(body)
        .removeHeader("Content-Length")
        .build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static List<StreamEvent> readAll(StreamResponse<StreamEvent> events) {
    return events.stream().collect(Collectors.toList());
  }

  private List<StreamEvent> actEvents() {
    try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
      return readAll(events);
    }
  }

  /**
   * A body written in parts, each flushed at once; before each part after the first the writer
   * waits for its gate. A client that buffered the whole body would never see the first part.
   */
  static final class GatedBody implements MockResponseBody {
    private final List<byte[]> parts = new ArrayList<>();
    private final List<CountDownLatch> gates = new ArrayList<>();

    GatedBody(String first) {
      parts.add(first.getBytes(StandardCharsets.UTF_8));
    }

    CountDownLatch then(String part) {
      CountDownLatch gate = new CountDownLatch(1);
      gates.add(gate);
      parts.add(part.getBytes(StandardCharsets.UTF_8));
      return gate;
    }

    @Override
    public long getContentLength() {
      return parts.stream().mapToLong(p -> p.length).sum();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) {
          try {
            if (!gates.get(i - 1).await(LIMIT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
              throw new IOException("The client never asked for part " + i);
            }
          } catch (InterruptedException e) {
            throw new InterruptedIOException();
          }
        }
        sink.write(parts.get(i));
        sink.flush();
      }
    }
  }

  /**
   * Writes {@code first}, then keep-alive comments every few milliseconds until writing fails
   * because the client went away, or until {@link #release} opens.
   */
  static final class EndlessBody extends WireFixtures.TricklingBody {
    EndlessBody(String first) {
      super(first, ": keep-alive\n\n");
    }
  }

  // --- what a streaming request sends

  /** Each streaming method, with one request and the calls that open its stream, blocking and async. */
  enum StreamingOperation {
    NAVIGATE("/v1/sessions/sess-1/navigate",
        SessionNavigateParams.builder().id(SESSION).url("https://example.com").build(),
        SessionService::navigateStreaming, SessionServiceAsync::navigateStreaming),
    ACT("/v1/sessions/sess-1/act", actParams(), SessionService::actStreaming, SessionServiceAsync::actStreaming),
    OBSERVE("/v1/sessions/sess-1/observe",
        SessionObserveParams.builder().id(SESSION).instruction("find the login button").build(),
        SessionService::observeStreaming, SessionServiceAsync::observeStreaming),
    EXTRACT("/v1/sessions/sess-1/extract",
        SessionExtractParams.builder().id(SESSION).instruction("the page title").build(),
        SessionService::extractStreaming, SessionServiceAsync::extractStreaming),
    EXECUTE_AGENT("/v1/sessions/sess-1/agentExecute",
        SessionExecuteAgentParams.builder()
            .id(SESSION)
            .agentConfig(AgentConfig.builder().model("openai/gpt-5-nano").build())
            .executeOptions(AgentExecuteOptions.builder().instruction("log in").build())
            .build(),
        SessionService::executeAgentStreaming, SessionServiceAsync::executeAgentStreaming);

    final String path;
    final Function<SessionService, StreamResponse<StreamEvent>> open;
    final Function<SessionServiceAsync, AsyncStreamResponse<StreamEvent>> openAsync;

    <P> StreamingOperation(String path, P params,
        BiFunction<SessionService, P, StreamResponse<StreamEvent>> open,
        BiFunction<SessionServiceAsync, P, AsyncStreamResponse<StreamEvent>> openAsync) {
      this.path = path;
      this.open = service -> open.apply(service, params);
      this.openAsync = service -> openAsync.apply(service, params);
    }
  }

  @ParameterizedTest(name = "{0} asks for a stream in its headers and body")
  @EnumSource(StreamingOperation.class)
  void aStreamingMethodAsksForAStreamInItsHeadersAndBody(StreamingOperation operation) throws Exception {
    server.enqueue(sse(STARTING + FINISHED));

    List<StreamEvent> events;
    try (StreamResponse<StreamEvent> stream = operation.open.apply(sessions())) {
      events = readAll(stream);
    }

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo(operation.path);
    assertThat(request.getHeaders().get("x-stream-response")).isEqualTo("true");
    // Events first; JSON accepted at a lower preference, for servers that negotiate and cannot stream.
    assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream, application/json;q=0.9");
    JsonNode body = MAPPER.readTree(request.getBody().utf8());
    assertThat(body.get("streamResponse")).isNotNull();
    assertThat(body.get("streamResponse").isBoolean()).isTrue();
    assertThat(body.get("streamResponse").booleanValue()).isTrue();
    assertThat(events).hasSize(2);
  }

  @Test
  void aBlockingCallDoesNotAskForAStream() throws Exception {
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"done\","
        + "\"actionDescription\":\"click\",\"actions\":[]}}}"));

    sessions().act(actParams());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("x-stream-response")).isNull();
    assertThat(MAPPER.readTree(request.getBody().utf8()).has("streamResponse")).isFalse();
  }

  // --- how events arrive

  @Test
  void eachEventIsDeliveredBeforeTheRestOfTheBodyIsWritten() {
    GatedBody body = new GatedBody(STARTING);
    CountDownLatch secondPart = body.then(LOG);
    CountDownLatch thirdPart = body.then(FINISHED);
    server.enqueue(sse(body));

    List<String> seen = assertTimeoutPreemptively(LIMIT, () -> {
      List<String> ids = new ArrayList<>();
      try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
        Iterator<StreamEvent> it = events.stream().iterator();
        ids.add(it.next().id());
        secondPart.countDown();
        ids.add(it.next().id());
        thirdPart.countDown();
        ids.add(it.next().id());
        assertThat(it.hasNext()).isFalse();
      }
      return ids;
    });

    assertThat(seen).containsExactly("e1", "e2", "e3");
  }

  @Test
  void openingAStreamReturnsBeforeTheFirstEventIsWritten() {
    GatedBody body = new GatedBody(": connected\n\n");
    CountDownLatch rest = body.then(STARTING + FINISHED);
    server.enqueue(sse(body));

    List<StreamEvent> events = assertTimeoutPreemptively(LIMIT, () -> {
      try (StreamResponse<StreamEvent> stream = sessions().actStreaming(actParams())) {
        rest.countDown();
        return readAll(stream);
      }
    });

    assertThat(events).extracting(StreamEvent::id).containsExactly("e1", "e3");
  }

  @Test
  void theStreamEndsAtTheFinishedEventEvenIfTheServerKeepsTheConnectionOpen() {
    EndlessBody body = new EndlessBody(STARTING + LOG + FINISHED);
    server.enqueue(endlessSse(body));
    try {
      List<StreamEvent> events = assertTimeoutPreemptively(LIMIT, this::actEvents);

      assertThat(events).extracting(StreamEvent::id).containsExactly("e1", "e2", "e3");
    } finally {
      body.release.countDown();
    }
  }

  @Test
  void eventsCarryTheirIdTypeStatusMessageAndResult() {
    server.enqueue(sse(STARTING + LOG + FINISHED));

    List<StreamEvent> events = actEvents();

    assertThat(events).hasSize(3);
    assertThat(events.get(0).type()).isEqualTo(StreamEventType.SYSTEM);
    assertThat(events.get(0).data().status()).isEqualTo(StreamEventStatus.STARTING);
    assertThat(events.get(1).id()).isEqualTo("e2");
    assertThat(events.get(1).type()).isEqualTo(StreamEventType.LOG);
    assertThat(events.get(1).data().status()).isEqualTo(StreamEventStatus.RUNNING);
    assertThat(events.get(1).data().message()).contains("clicking");
    assertThat(events.get(2).data().status()).isEqualTo(StreamEventStatus.FINISHED);
    assertThat(events.get(2).data().result()).isPresent();
    assertThat(events.get(2).data().result().get().get("message").asText()).isEqualTo("done");
  }

  @Test
  void theWholeSseSyntaxIsUnderstood() {
    String body = ": a comment before anything\n"
        + "retry: 3000\n"
        + "event: starting\r\n"
        + "id: 7\r\n"
        + "data: {\"data\":{\"status\":\"starting\"},\r\n"
        + "data: \"type\":\"system\",\"id\":\"e1\"}\r\n"
        + "\r\n"
        + ":keep-alive\r\r"
        + "data:{\"data\":{\"status\":\"running\",\"message\":\"cr only\"},\"type\":\"log\",\"id\":\"e2\"}\r\r"
        + "unknown: field\n"
        + "data: {\"data\":{\"status\":\"running\",\"message\":{\"category\":\"action\","
        + "\"message\":\"structured line\",\"level\":2}},\"type\":\"log\",\"id\":\"e3\"}\n"
        + "\n"
        + "data: {\"data\":{\"status\":\"finished\",\"result\":[1,2]},\"type\":\"system\",\"id\":\"e4\"}\n\n";
    server.enqueue(sse(body));

    List<StreamEvent> events = actEvents();

    assertThat(events).extracting(StreamEvent::id).containsExactly("e1", "e2", "e3", "e4");
    assertThat(events).extracting(e -> e.data().status()).containsExactly(
        StreamEventStatus.STARTING, StreamEventStatus.RUNNING, StreamEventStatus.RUNNING, StreamEventStatus.FINISHED);
    assertThat(events.get(1).data().message()).contains("cr only");
    assertThat(events.get(2).data().message()).contains("structured line");
    assertThat(events.get(2).data().level()).contains(2);
    assertThat(events.get(2).data().category()).contains("action");
    assertThat(events.get(3).data().result().get().toString()).isEqualTo("[1,2]");
  }

  @Test
  void aDataOnlyFrameIsARealEventWithItsStatusFromTheData() {
    server.enqueue(sse(
        "data: {\"data\":{\"status\":\"connected\"},\"type\":\"system\",\"id\":\"e1\"}\n\n"
            + "data: {\"data\":{\"status\":\"finished\",\"result\":{}},\"type\":\"system\",\"id\":\"e2\"}\n\n"));

    List<StreamEvent> events = actEvents();

    assertThat(events).extracting(e -> e.data().status())
        .containsExactly(StreamEventStatus.CONNECTED, StreamEventStatus.FINISHED);
  }

  @Test
  void theEventNameGivesTheStatusWhenTheDataHasNone() {
    server.enqueue(sse(
        "event: running\ndata: {\"data\":{\"message\":\"no status\"},\"type\":\"log\",\"id\":\"e1\"}\n\n"
            + "event: finished\ndata: {\"data\":{\"result\":{\"ok\":true}},\"type\":\"system\",\"id\":\"e2\"}\n\n"
            + "event: running\ndata: {\"data\":{\"message\":\"after the end\"},\"type\":\"log\",\"id\":\"e3\"}\n\n"));

    List<StreamEvent> events = actEvents();

    assertThat(events).extracting(StreamEvent::id).containsExactly("e1", "e2");
    assertThat(events.get(1).data().result().get().get("ok").booleanValue()).isTrue();
  }

  @Test
  void anUnknownStatusPassesThrough() {
    server.enqueue(sse(
        "event: thinking\ndata: {\"data\":{\"status\":\"thinking\"},\"type\":\"progress\",\"id\":\"e1\"}\n\n"
            + FINISHED));

    List<StreamEvent> events = actEvents();

    assertThat(events.get(0).data().status().value()).isEqualTo("thinking");
    assertThat(events.get(0).type().value()).isEqualTo("progress");
  }

  @Test
  void aFinishedResultOverOneMegabyteStreamsWhole() {
    StringBuilder big = new StringBuilder(1_500_000);
    for (int i = 0; i < 150_000; i++) {
      big.append("0123456789");
    }
    server.enqueue(sse(STARTING + "event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":{\"page\":\""
        + big + "\"}},\"type\":\"system\",\"id\":\"e3\"}\n\n"));

    List<StreamEvent> events = actEvents();

    assertThat(events).hasSize(2);
    assertThat(events.get(1).data().result().get().get("page").asText()).hasSize(1_500_000).isEqualTo(big.toString());
  }

  // --- how streams fail

  @Test
  void anErrorEventRaisesSseExceptionWithTheServersMessage() {
    server.enqueue(sse(STARTING
        + "event: error\ndata: {\"data\":{\"status\":\"error\",\"error\":\"Element not found: #login\"},"
        + "\"type\":\"system\",\"id\":\"e9\"}\n\n"));

    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
        events.stream().forEach(e -> seen.add(e.id()));
      }
    }).isInstanceOf(SseException.class).hasMessage("Element not found: #login");
    assertThat(seen).containsExactly("e1");
  }

  @Test
  void anErrorEventWithValidationIssuesRaisesSseExceptionNamingEachIssue() {
    server.enqueue(sse("event: error\ndata: {\"data\":{\"status\":\"error\",\"error\":["
        + "{\"path\":\"instruction\",\"message\":\"Required\"},"
        + "{\"path\":[\"options\",\"timeout\"],\"message\":\"Expected number\"}]},"
        + "\"type\":\"system\",\"id\":\"e9\"}\n\n"));

    assertThatThrownBy(this::actEvents)
        .isInstanceOf(SseException.class)
        .hasMessageContaining("instruction")
        .hasMessageContaining("Required")
        .hasMessageContaining("options.timeout")
        .hasMessageContaining("Expected number")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("{"));
  }

  @Test
  void anErrorEventWithoutEventNameStillRaisesSseException() {
    server.enqueue(sse(
        "data: {\"data\":{\"status\":\"error\",\"error\":\"quota exceeded\"},\"type\":\"system\",\"id\":\"e1\"}\n\n"));

    assertThatThrownBy(this::actEvents).isInstanceOf(SseException.class).hasMessage("quota exceeded");
  }

  @Test
  void aStreamThatEndsBeforeFinishedRaisesStagehandIoExceptionAfterTheEventsItHad() {
    server.enqueue(sse(STARTING + LOG));

    List<String> seen = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
        events.stream().forEach(e -> seen.add(e.id()));
      }
    }).isInstanceOf(StagehandIoException.class);
    assertThat(seen).containsExactly("e1", "e2");
  }

  @Test
  void anEmptyStreamRaisesStagehandIoException() {
    server.enqueue(sse(""));

    assertThatThrownBy(this::actEvents).isInstanceOf(StagehandIoException.class);
  }

  @Test
  void aConnectionCutInTheMiddleOfAnEventRaisesStagehandIoExceptionAfterTheEventsBefore() {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(STARTING + FINISHED)
        .onResponseBody(new SocketEffect.CloseSocket())
        .build());

    List<String> seen = new ArrayList<>();
    assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
        events.stream().forEach(e -> seen.add(e.id()));
      }
    }).isInstanceOf(StagehandIoException.class));
    assertThat(seen).containsExactly("e1");
  }

  @Test
  void aStreamSilentForLongerThanTheTimeoutRaisesStagehandIoException() {
    GatedBody body = new GatedBody(STARTING);
    CountDownLatch never = body.then(FINISHED);
    server.enqueue(sse(body));
    try {
      List<String> seen = new ArrayList<>();
      assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> {
        try (StreamResponse<StreamEvent> events = sessions().actStreaming(
            actParams(), RequestOptions.builder().timeout(Duration.ofMillis(300)).build())) {
          events.stream().forEach(e -> seen.add(e.id()));
        }
      }).isInstanceOf(StagehandIoException.class));
      assertThat(seen).containsExactly("e1");
    } finally {
      never.countDown();
    }
  }

  @Test
  void anEventThatIsNotJsonRaisesAStagehandException() {
    server.enqueue(sse("event: running\ndata: not json\n\n" + FINISHED));

    assertThatThrownBy(this::actEvents).isInstanceOf(StagehandException.class);
  }

  @Test
  void anErrorStatusBeforeTheStreamRaisesTheMappedServiceException() {
    server.enqueue(json(404, "{\"success\":false,\"error\":\"Session not found\",\"code\":\"SESSION_NOT_FOUND\"}"));

    assertThatThrownBy(this::actEvents)
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).message()).isEqualTo("Session not found"));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aValidationErrorBeforeTheStreamRaisesBadRequestException() {
    server.enqueue(json(400, "{\"error\":[{\"path\":\"url\",\"message\":\"Invalid url\"}]}"));

    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = sessions().navigateStreaming(
          SessionNavigateParams.builder().id(SESSION).url("nope").build())) {
        readAll(events);
      }
    }).isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid url");
  }

  @Test
  void aStreamingObserveIsRetriedAfterServiceUnavailableBeforeTheStreamStarts() {
    server.enqueue(json(503, "{\"success\":false,\"error\":\"busy\"}"));
    server.enqueue(sse(STARTING + FINISHED));

    List<StreamEvent> events;
    try (StreamResponse<StreamEvent> stream = StreamingOperation.OBSERVE.open.apply(sessions())) {
      events = readAll(stream);
    }

    assertThat(events).hasSize(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void aStreamingActIsNotRetriedAfterAnInternalServerError() {
    server.enqueue(json(500, "{\"success\":false,\"error\":\"boom\"}"));
    server.enqueue(sse(STARTING + FINISHED));

    assertThatThrownBy(this::actEvents).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aJsonAnswerToAStreamingRequestIsOneFinishedEventWithTheOperationResult() throws Exception {
    // A real stream's finished event carries data.result of the JSON answer, so the fallback does too.
    String result = "{\"success\":true,\"message\":\"done\",\"actionDescription\":\"click\",\"actions\":[]}";
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"result\":" + result + ",\"actionId\":\"a-1\"}}"));

    List<StreamEvent> events = actEvents();

    assertThat(events).hasSize(1);
    StreamEvent event = events.get(0);
    assertThat(event.type()).isEqualTo(StreamEventType.SYSTEM);
    assertThat(event.data().status()).isEqualTo(StreamEventStatus.FINISHED);
    assertThat(event.data().result()).contains(MAPPER.readTree(result));
  }

  // --- closing

  @Test
  void closingAStreamEarlyCancelsTheCall() throws Exception {
    EndlessBody body = new EndlessBody(STARTING + LOG);
    server.enqueue(endlessSse(body));
    try {
      StreamResponse<StreamEvent> events = sessions().actStreaming(actParams());
      try {
        Iterator<StreamEvent> it = events.stream().iterator();
        assertThat(it.next().id()).isEqualTo("e1");
      } finally {
        events.close();
      }

      assertThat(body.clientGone.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
          .as("the server saw the connection closed")
          .isTrue();
    } finally {
      body.release.countDown();
    }
  }

  @Test
  void closingTheJavaStreamClosesTheResponse() throws Exception {
    EndlessBody body = new EndlessBody(STARTING + LOG);
    server.enqueue(endlessSse(body));
    try {
      StreamResponse<StreamEvent> events = sessions().actStreaming(actParams());
      try (Stream<StreamEvent> stream = events.stream()) {
        assertThat(stream.findFirst()).map(StreamEvent::id).contains("e1");
      }

      assertThat(body.clientGone.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
          .as("the server saw the connection closed")
          .isTrue();
      events.close(); // idempotent
    } finally {
      body.release.countDown();
    }
  }

  @Test
  void aClosedStreamCannotBeReadAndClosingAgainIsHarmless() {
    server.enqueue(sse(STARTING + LOG + FINISHED));

    StreamResponse<StreamEvent> events = sessions().actStreaming(actParams());
    events.close();
    events.close();

    assertThatThrownBy(() -> events.stream().findFirst())
        .isInstanceOfAny(IllegalStateException.class, StagehandException.class);
  }

  @Test
  void aStreamCanBeConsumedOnlyOnce() {
    server.enqueue(sse(STARTING + FINISHED));

    try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
      assertThat(readAll(events)).hasSize(2);
      assertThatThrownBy(events::stream).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aFullyReadStreamReleasesItsConnectionForTheNextCall() throws Exception {
    server.enqueue(sse(STARTING + FINISHED));
    server.enqueue(sse(STARTING + FINISHED));

    assertThat(actEvents()).hasSize(2);
    assertThat(actEvents()).hasSize(2);

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(second.getExchangeIndex()).isEqualTo(first.getExchangeIndex() + 1);
  }

  @Test
  void manyStreamsClosedEarlyLeaveTheClientUsable() throws Exception {
    List<EndlessBody> bodies = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        EndlessBody body = new EndlessBody(STARTING);
        bodies.add(body);
        server.enqueue(endlessSse(body));
      }
      server.enqueue(sse(STARTING + FINISHED));

      assertTimeoutPreemptively(LIMIT, () -> {
        for (int i = 0; i < 20; i++) {
          try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
            assertThat(events.stream().findFirst()).isPresent();
          }
        }
        assertThat(actEvents()).hasSize(2);
      });
      for (EndlessBody body : bodies) {
        assertThat(body.clientGone.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      }
    } finally {
      bodies.forEach(b -> b.release.countDown());
    }
  }

  @Test
  void eventIdsAreKeptInOrderAcrossManySmallWrites() {
    StringBuilder all = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.append("event: running\ndata: {\"data\":{\"status\":\"running\",\"message\":\"line ")
          .append(i).append("\"},\"type\":\"log\",\"id\":\"l").append(i).append("\"}\n\n");
      expected.add("l" + i);
    }
    all.append(FINISHED);
    expected.add("e3");
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .chunkedBody(all.toString(), 7)
        .build());

    assertThat(actEvents()).extracting(StreamEvent::id).containsExactlyElementsOf(expected);
  }
}
