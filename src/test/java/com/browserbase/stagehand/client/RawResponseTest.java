package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionEndResponse;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionReplayResponse;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code withRawResponse()}: status, headers and the parsed value, blocking and async, for calls and streams. */
class RawResponseTest {
  private static final String STARTING =
      "event: starting\ndata: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n";
  private static final String FINISHED = "event: finished\ndata: {\"data\":{\"status\":\"finished\","
      + "\"result\":{\"success\":true,\"message\":\"done\"}},\"type\":\"system\",\"id\":\"e3\"}\n\n";

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  private static MockResponse answer(int code, String body, String requestId) {
    return new MockResponse.Builder(json(code, body))
        .setHeader("X-Request-Id", requestId)
        .addHeader("X-Multi", "one")
        .addHeader("x-multi", "two")
        .build();
  }

  private static MockResponse sse(String body, String requestId) {
    return new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("X-Request-Id", requestId)
        .body(body)
        .build();
  }

  private static SessionStartParams startParams() {
    return SessionStartParams.builder().modelName("openai/gpt-5-nano").build();
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id("s-1").input("click the login button").build();
  }

  private static void assertHeaders(HttpResponseFor<?> raw, String requestId) {
    Map<String, List<String>> headers = raw.headers();
    assertThat(headers.get("x-request-id")).containsExactly(requestId);
    assertThat(headers.keySet()).allSatisfy(name -> assertThat(name).isEqualTo(name.toLowerCase(Locale.ROOT)));
    assertThat(headers).doesNotContainKey("X-Request-Id");
  }

  // ---- blocking

  @Test
  void aBlockingRawStartGivesTheStatusTheLowerCaseHeadersAndTheParsedValueOnce() {
    server.enqueue(answer(201, WireFixtures.START_OK, "req-start"));

    HttpResponseFor<SessionStartResponse> raw = client.sessions().withRawResponse().start(startParams());

    assertThat(raw.statusCode()).isEqualTo(201);
    assertHeaders(raw, "req-start");
    assertThat(raw.headers().get("x-multi")).containsExactly("one", "two");
    assertThat(raw.headers().get("content-type")).singleElement().asString().startsWith("application/json");
    SessionStartResponse parsed = raw.parse();
    assertThat(parsed.data().sessionId()).isEqualTo("s-1");
    assertThat(raw.parse()).isSameAs(parsed);
    raw.close();
    assertThat(take(server).getTarget()).isEqualTo("/v1/sessions/start");
  }

  @Test
  void blockingRawActReplayAndEndGiveTheirStatusHeadersAndValues() {
    server.enqueue(answer(200, WireFixtures.ACT_OK, "req-act"));
    server.enqueue(answer(203, WireFixtures.REPLAY_OK, "req-replay"));
    server.enqueue(answer(202, WireFixtures.END_OK, "req-end"));

    HttpResponseFor<SessionActResponse> act = client.sessions().withRawResponse().act(actParams());
    HttpResponseFor<SessionReplayResponse> replay =
        client.sessions().withRawResponse().replay(SessionReplayParams.builder().id("s-1").build());
    HttpResponseFor<SessionEndResponse> end =
        client.sessions().withRawResponse().end(SessionEndParams.builder().id("s-1").build());

    assertThat(act.statusCode()).isEqualTo(200);
    assertHeaders(act, "req-act");
    assertThat(act.parse().data().result().message()).isEqualTo("done");
    assertThat(act.parse()).isSameAs(act.parse());
    assertThat(replay.statusCode()).isEqualTo(203);
    assertHeaders(replay, "req-replay");
    assertThat(replay.parse().data().pages()).isEmpty();
    assertThat(end.statusCode()).isEqualTo(202);
    assertHeaders(end, "req-end");
    assertThat(end.parse().success()).isTrue();
    assertThat(take(server).getTarget()).isEqualTo("/v1/sessions/s-1/act");
    assertThat(take(server).getMethod()).isEqualTo("GET");
    assertThat(take(server).getTarget()).isEqualTo("/v1/sessions/s-1/end");
  }

  @Test
  void aRawResponseParsesToTheSameValueAsTheParsedCall() {
    server.enqueue(answer(200, WireFixtures.OBSERVE_OK, "r1"));
    server.enqueue(answer(200, WireFixtures.OBSERVE_OK, "r2"));
    SessionObserveParams params = SessionObserveParams.builder().id("s-1").instruction("find").build();

    SessionObserveResponse plain = client.sessions().observe(params);
    SessionObserveResponse viaRaw = client.sessions().withRawResponse().observe(params).parse();

    assertThat(viaRaw).isEqualTo(plain);
    assertThat(viaRaw.data().result()).singleElement().satisfies(a -> assertThat(a.selector()).isEqualTo("#login"));
  }

  @Test
  void anErrorStatusThrowsTheMappedExceptionInsteadOfGivingARawResponse() {
    server.enqueue(answer(404, "{\"success\":false,\"error\":\"Session not found\"}", "req-404"));

    assertThatThrownBy(() -> client.sessions().withRawResponse().act(actParams()))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).headers().get("x-request-id")).containsExactly("req-404"));
  }

  @Test
  void anInvalidBodyFailsOnParseNotOnTheCallAndTheStatusIsStillThere() {
    server.enqueue(answer(200, "not json", "req-bad"));

    HttpResponseFor<SessionActResponse> raw = client.sessions().withRawResponse().act(actParams());

    assertThat(raw.statusCode()).isEqualTo(200);
    assertHeaders(raw, "req-bad");
    assertThatThrownBy(raw::parse).isInstanceOf(StagehandInvalidDataException.class);
  }

  @Test
  void aBlockingRawStreamGivesStatusAndHeadersAndParsesToTheStreamOfEvents() {
    server.enqueue(sse(STARTING + FINISHED, "req-stream"));

    List<String> ids;
    HttpResponseFor<StreamResponse<StreamEvent>> raw = client.sessions().withRawResponse().actStreaming(actParams());
    try {
      assertThat(raw.statusCode()).isEqualTo(200);
      assertHeaders(raw, "req-stream");
      assertThat(raw.headers().get("content-type")).containsExactly("text/event-stream");
      StreamResponse<StreamEvent> events = raw.parse();
      assertThat(raw.parse()).isSameAs(events);
      try (StreamResponse<StreamEvent> stream = events) {
        ids = stream.stream().map(StreamEvent::id).collect(Collectors.toList());
      }
    } finally {
      raw.close();
    }

    assertThat(ids).containsExactly("e1", "e3");
    RecordedRequest request = take(server);
    assertThat(request.getHeaders().get("x-stream-response")).isEqualTo("true");
  }

  @Test
  void closingARawStreamResponseWithoutParsingLetsTheNextCallSucceed() {
    server.enqueue(sse(STARTING + FINISHED, "req-1"));
    server.enqueue(json(WireFixtures.ACT_OK));

    HttpResponseFor<StreamResponse<StreamEvent>> raw = client.sessions().withRawResponse().actStreaming(actParams());
    assertThat(raw.statusCode()).isEqualTo(200);
    raw.close();
    raw.close(); // idempotent

    assertThat(client.sessions().act(actParams()).data().result().message()).isEqualTo("done");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void closingARawStreamResponseWithoutParsingReleasesTheStreamUnread() {
    StreamingTest.EndlessBody body = new StreamingTest.EndlessBody(STARTING);
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(body)
        .removeHeader("Content-Length")
        .build());
    try {
      HttpResponseFor<StreamResponse<StreamEvent>> raw = client.sessions().withRawResponse().actStreaming(actParams());
      raw.close();

      assertThat(body.clientGone.await(30, java.util.concurrent.TimeUnit.SECONDS))
          .as("the server saw the connection closed")
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      body.release.countDown();
    }
  }

  @Test
  void closingARawStreamResponseWithoutParsingReturnsItsCompleteConnectionToThePool() {
    server.enqueue(sse(STARTING + FINISHED, "req-1"));
    server.enqueue(json(WireFixtures.ACT_OK));

    HttpResponseFor<StreamResponse<StreamEvent>> raw = client.sessions().withRawResponse().actStreaming(actParams());
    raw.close();
    client.sessions().act(actParams());

    RecordedRequest first = take(server);
    RecordedRequest second = take(server);
    assertThat(second.getConnectionIndex()).as("the same connection").isEqualTo(first.getConnectionIndex());
    assertThat(second.getExchangeIndex()).isEqualTo(first.getExchangeIndex() + 1);
  }

  @Test
  void aFullyReadRawStreamReleasesItsConnectionForTheNextCall() {
    server.enqueue(sse(STARTING + FINISHED, "req-1"));
    server.enqueue(json(WireFixtures.ACT_OK));

    try (HttpResponseFor<StreamResponse<StreamEvent>> raw = client.sessions().withRawResponse().actStreaming(actParams());
        StreamResponse<StreamEvent> events = raw.parse()) {
      assertThat(events.stream().count()).isEqualTo(2);
    }
    client.sessions().act(actParams());

    RecordedRequest first = take(server);
    RecordedRequest second = take(server);
    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
  }

  // ---- async

  @Test
  void anAsyncRawStartCompletesWithTheStatusTheLowerCaseHeadersAndTheParsedValueOnce() {
    server.enqueue(answer(201, WireFixtures.START_OK, "req-async-start"));

    HttpResponseFor<SessionStartResponse> raw = await(client.async().sessions().withRawResponse().start(startParams()));

    assertThat(raw.statusCode()).isEqualTo(201);
    assertHeaders(raw, "req-async-start");
    assertThat(raw.headers().get("x-multi")).containsExactly("one", "two");
    SessionStartResponse parsed = raw.parse();
    assertThat(parsed.data().sessionId()).isEqualTo("s-1");
    assertThat(raw.parse()).isSameAs(parsed);
    raw.close();
  }

  @Test
  void asyncRawActAndReplayCompleteWithTheirStatusHeadersAndValues() {
    server.enqueue(answer(200, WireFixtures.ACT_OK, "req-act"));
    server.enqueue(answer(203, WireFixtures.REPLAY_OK, "req-replay"));

    HttpResponseFor<SessionActResponse> act = await(client.async().sessions().withRawResponse().act(actParams()));
    HttpResponseFor<SessionReplayResponse> replay = await(client.async().sessions().withRawResponse()
        .replay(SessionReplayParams.builder().id("s-1").build()));

    assertThat(act.statusCode()).isEqualTo(200);
    assertHeaders(act, "req-act");
    assertThat(act.parse().data().result().success()).isTrue();
    assertThat(act.parse()).isSameAs(act.parse());
    assertThat(replay.statusCode()).isEqualTo(203);
    assertHeaders(replay, "req-replay");
    assertThat(replay.parse().success()).isTrue();
  }

  @Test
  void anAsyncRawCallWithAnErrorStatusCompletesExceptionallyWithTheMappedException() {
    server.enqueue(answer(404, "{\"success\":false,\"error\":\"Session not found\"}", "req-404"));

    CompletableFuture<HttpResponseFor<SessionActResponse>> future =
        client.async().sessions().withRawResponse().act(actParams());

    assertThat(failureOf(future)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anAsyncRawStreamCompletesWithStatusAndHeadersAndParsesToTheStreamOfEvents() {
    server.enqueue(sse(STARTING + FINISHED, "req-async-stream"));

    List<String> ids;
    HttpResponseFor<StreamResponse<StreamEvent>> raw =
        await(client.async().sessions().withRawResponse().actStreaming(actParams()));
    try {
      assertThat(raw.statusCode()).isEqualTo(200);
      assertHeaders(raw, "req-async-stream");
      StreamResponse<StreamEvent> events = raw.parse();
      assertThat(raw.parse()).isSameAs(events);
      try (StreamResponse<StreamEvent> stream = events) {
        ids = stream.stream().map(StreamEvent::id).collect(Collectors.toList());
      }
    } finally {
      raw.close();
    }

    assertThat(ids).containsExactly("e1", "e3");
  }

  @Test
  void closingAnAsyncRawStreamResponseWithoutParsingLetsTheNextCallSucceed() {
    server.enqueue(sse(STARTING + FINISHED, "req-1"));
    server.enqueue(json(WireFixtures.ACT_OK));

    HttpResponseFor<StreamResponse<StreamEvent>> raw =
        await(client.async().sessions().withRawResponse().actStreaming(actParams()));
    raw.close();

    assertThat(await(client.async().sessions().act(actParams())).data().result().message()).isEqualTo("done");
  }
}
