package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentResponse;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionExtractResponse;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateResponse;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionReplayResponse;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.services.SessionService;
import com.browserbase.stagehand.services.SessionServiceAsync;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every method of {@code withRawResponse()}, blocking and async: the request it sends (method, path, whether
 * it streams), the status it gives, and the value its {@code parse()} reads. RawResponseTest covers the
 * headers, errors and stream release on a few of them; a method routed to the wrong operation shows here.
 */
class RawOperationsTest {
  private static final String ANSWERED = "{\"success\":true,\"data\":{\"result\":{\"title\":\"Example\"}}}";
  private static final String EVENTS = "data: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n"
      + "data: {\"data\":{\"status\":\"finished\",\"result\":{\"done\":true}},\"type\":\"system\",\"id\":\"e2\"}\n\n";
  private static final SessionNavigateParams NAVIGATE = SessionNavigateParams.builder().id("s-1").url("https://example.com").build();
  private static final SessionActParams ACT = SessionActParams.builder().id("s-1").input("click").build();
  private static final SessionObserveParams OBSERVE = SessionObserveParams.builder().id("s-1").instruction("find").build();
  private static final SessionExtractParams EXTRACT = SessionExtractParams.builder().id("s-1").instruction("title").build();
  private static final SessionExecuteAgentParams AGENT = SessionExecuteAgentParams.builder().id("s-1")
      .agentConfig(AgentConfig.builder().build())
      .executeOptions(AgentExecuteOptions.builder().instruction("log in").build())
      .build();

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));

  /** One raw method: its blocking and its async form, the request it makes, what it answers, and a check of the parsed value. */
  private record Op(String name, String method, String path, boolean streams, int status,
      Function<SessionService.WithRawResponse, HttpResponseFor<?>> blocking,
      Function<SessionServiceAsync.WithRawResponse, CompletableFuture<? extends HttpResponseFor<?>>> async,
      Consumer<Object> parsed) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> operations() {
    return Stream.of(
        op("start", "POST", "/v1/sessions/start", false, 201, r -> r.start(start()), r -> r.start(start()),
            v -> assertThat(((SessionStartResponse) v).data().sessionId()).isEqualTo("s-1")),
        op("navigate", "POST", "/v1/sessions/s-1/navigate", false, 200, r -> r.navigate(NAVIGATE), r -> r.navigate(NAVIGATE),
            v -> assertThat(((SessionNavigateResponse) v).data().result()).hasValueSatisfying(
                r -> assertThat(r.path("title").asText()).isEqualTo("Example"))),
        op("navigateStreaming", "POST", "/v1/sessions/s-1/navigate", true, 200, r -> r.navigateStreaming(NAVIGATE),
            r -> r.navigateStreaming(NAVIGATE), RawOperationsTest::events),
        op("act", "POST", "/v1/sessions/s-1/act", false, 200, r -> r.act(ACT), r -> r.act(ACT),
            v -> assertThat(((com.browserbase.stagehand.models.sessions.SessionActResponse) v).data().result().message())
                .isEqualTo("done")),
        op("actStreaming", "POST", "/v1/sessions/s-1/act", true, 200, r -> r.actStreaming(ACT), r -> r.actStreaming(ACT),
            RawOperationsTest::events),
        op("observe", "POST", "/v1/sessions/s-1/observe", false, 200, r -> r.observe(OBSERVE), r -> r.observe(OBSERVE),
            v -> assertThat(((SessionObserveResponse) v).data().result()).extracting(a -> a.selector())
                .containsExactly("#login")),
        op("observeStreaming", "POST", "/v1/sessions/s-1/observe", true, 200, r -> r.observeStreaming(OBSERVE),
            r -> r.observeStreaming(OBSERVE), RawOperationsTest::events),
        op("extract", "POST", "/v1/sessions/s-1/extract", false, 200, r -> r.extract(EXTRACT), r -> r.extract(EXTRACT),
            v -> assertThat(((SessionExtractResponse) v).data().result().path("title").asText()).isEqualTo("Example")),
        op("extractStreaming", "POST", "/v1/sessions/s-1/extract", true, 200, r -> r.extractStreaming(EXTRACT),
            r -> r.extractStreaming(EXTRACT), RawOperationsTest::events),
        op("executeAgent", "POST", "/v1/sessions/s-1/agentExecute", false, 200, r -> r.executeAgent(AGENT),
            r -> r.executeAgent(AGENT),
            v -> assertThat(((SessionExecuteAgentResponse) v).data().result().completed()).isTrue()),
        op("executeAgentStreaming", "POST", "/v1/sessions/s-1/agentExecute", true, 200, r -> r.executeAgentStreaming(AGENT),
            r -> r.executeAgentStreaming(AGENT), RawOperationsTest::events),
        op("replay", "GET", "/v1/sessions/s-1/replay", false, 200, r -> r.replay(replay()), r -> r.replay(replay()),
            v -> assertThat(((SessionReplayResponse) v).data().pages()).isEmpty()),
        op("end", "POST", "/v1/sessions/s-1/end", false, 202, r -> r.end(end()), r -> r.end(end()),
            v -> assertThat(((com.browserbase.stagehand.models.sessions.SessionEndResponse) v).success()).isTrue()));
  }

  private static Arguments op(String name, String method, String path, boolean streams, int status,
      Function<SessionService.WithRawResponse, HttpResponseFor<?>> blocking,
      Function<SessionServiceAsync.WithRawResponse, CompletableFuture<? extends HttpResponseFor<?>>> async,
      Consumer<Object> parsed) {
    return Arguments.of(new Op(name, method, path, streams, status, blocking, async, parsed));
  }

  private static SessionStartParams start() {
    return SessionStartParams.builder().modelName("openai/gpt-5-nano").build();
  }

  private static SessionReplayParams replay() {
    return SessionReplayParams.builder().id("s-1").build();
  }

  private static SessionEndParams end() {
    return SessionEndParams.builder().id("s-1").build();
  }

  /** The stream a streaming method parses to: both events, in order, then closed. */
  @SuppressWarnings("unchecked")
  private static void events(Object value) {
    List<String> ids;
    try (StreamResponse<StreamEvent> events = (StreamResponse<StreamEvent>) value) {
      ids = events.stream().map(StreamEvent::id).collect(Collectors.toList());
    }
    assertThat(ids).containsExactly("e1", "e2");
  }

  /** The answer of each operation: its status, and a body of the shape its parse reads. */
  private static MockResponse answer(Op op) {
    if (op.streams) {
      return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(EVENTS).build();
    }
    String body = switch (op.name) {
      case "start" -> WireFixtures.START_OK;
      case "navigate", "extract" -> ANSWERED;
      case "act" -> WireFixtures.ACT_OK;
      case "observe" -> WireFixtures.OBSERVE_OK;
      case "executeAgent" -> WireFixtures.AGENT_OK;
      case "replay" -> WireFixtures.REPLAY_OK;
      case "end" -> WireFixtures.END_OK;
      default -> throw new AssertionError(op.name);
    };
    return json(op.status, body);
  }

  private void assertRequest(Op op) {
    RecordedRequest request = mock.take();
    assertThat(request.getMethod()).isEqualTo(op.method);
    assertThat(request.getTarget()).isEqualTo(op.path);
    assertThat(request.getHeaders().get("x-stream-response")).isEqualTo(op.streams ? "true" : null);
    if (op.streams) {
      assertThat(bodyTree(request).path("streamResponse").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void theBlockingRawMethodSendsItsOperationAndParsesItsAnswer(Op op) {
    mock.server().enqueue(answer(op));

    try (HttpResponseFor<?> raw = op.blocking.apply(mock.client().sessions().withRawResponse())) {
      assertThat(raw.statusCode()).isEqualTo(op.status);
      op.parsed.accept(raw.parse());
    }

    assertRequest(op);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void theAsyncRawMethodSendsItsOperationAndParsesItsAnswer(Op op) {
    mock.server().enqueue(answer(op));

    try (HttpResponseFor<?> raw = await(op.async.apply(mock.async().sessions().withRawResponse()))) {
      assertThat(raw.statusCode()).isEqualTo(op.status);
      op.parsed.accept(raw.parse());
    }

    assertRequest(op);
  }
}
