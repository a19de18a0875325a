package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionReplayResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-request options over the client's: timeout, retries, response validation, headers, query
 * parameters; and what response validation checks.
 */
class RequestOptionsTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final String ERROR = "{\"success\":false,\"error\":\"busy\"}";
  /** An act answer without the required {@code data.result.message}. */
  private static final String ACT_WITHOUT_MESSAGE = """
      {"success":true,"data":{"result":{"success":true,"actionDescription":"clicked","actions":[]},"actionId":"a-9"}}""";
  private static final String STARTING =
      "event: starting\ndata: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n";
  private static final String FINISHED = "event: finished\ndata: {\"data\":{\"status\":\"finished\","
      + "\"result\":{\"success\":true}},\"type\":\"system\",\"id\":\"e3\"}\n\n";
  /** An event without its required {@code id}. */
  private static final String RUNNING_WITHOUT_ID =
      "event: running\ndata: {\"data\":{\"status\":\"running\",\"message\":\"m\"},\"type\":\"log\"}\n\n";

  private final WireFixtures.RecordingSleeper sleeper = new WireFixtures.RecordingSleeper();
  private final WireFixtures.RecordingScheduler scheduler = WireFixtures.RecordingScheduler.immediate();
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.sleeper(sleeper).scheduler(scheduler));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  private StagehandClient client(Consumer<StagehandOkHttpClient.Builder> change) {
    return mock.newClient(change);
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    return mock.closeAfter(closeable);
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id("s-1").input("click the login button").build();
  }

  private static SessionObserveParams observeParams() {
    return SessionObserveParams.builder().id("s-1").instruction("find the login button").build();
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  // ---- timeout

  /** What each call ran with: its call timeout and its read timeout, in milliseconds. */
  private final List<long[]> timeouts = new CopyOnWriteArrayList<>();

  /** A client over a canned HTTP client that answers {@code body} and records each call's timeouts. */
  private StagehandClient timingClient(String body, Consumer<StagehandOkHttpClient.Builder> change) {
    OkHttpClient http = WireFixtures.cannedHttp(body, chain -> timeouts.add(new long[] {
        TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()), chain.readTimeoutMillis()}));
    mock.closeAfter(() -> {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    });
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .baseUrl("https://stagehand.invalid")
        .okHttpClient(http);
    change.accept(builder);
    return keep(builder.build());
  }

  private List<Long> callTimeouts() {
    return timeouts.stream().map(t -> t[0]).collect(Collectors.toList());
  }

  @Test
  void theRequestTimeoutWinsOverTheTimeoutOfAClientDerivedWithOptionsWhichWinsOverItsParents() {
    StagehandClient parent = timingClient(WireFixtures.ACT_OK, b -> b.timeout(Duration.ofSeconds(90)));
    StagehandClient derived = keep(parent.withOptions(b -> b.timeout(Duration.ofSeconds(60))));

    parent.sessions().act(actParams());
    derived.sessions().act(actParams());
    derived.sessions().act(actParams(), RequestOptions.builder().timeout(Duration.ofSeconds(42)).build());

    assertThat(callTimeouts()).containsExactly(90_000L, 60_000L, 42_000L);
  }

  @Test
  void theRequestTimeoutWinsOverTheClientTimeoutForAsyncCalls() {
    StagehandClient timed = timingClient(WireFixtures.ACT_OK, b -> b.timeout(Duration.ofSeconds(90)));

    await(timed.async().sessions().act(actParams()));
    await(timed.async().sessions().act(actParams(), RequestOptions.builder().timeout(Duration.ofSeconds(7)).build()));
    await(timed.async().sessions().withRawResponse()
        .act(actParams(), RequestOptions.builder().timeout(Duration.ofSeconds(8)).build()));

    assertThat(callTimeouts()).containsExactly(90_000L, 7_000L, 8_000L);
  }

  @Test
  void theRequestTimeoutOfAStreamIsItsLongestWaitBetweenEventsOverTheClients() {
    StagehandClient timed = timingClient(WireFixtures.ACT_OK, b -> b.timeout(Duration.ofSeconds(90)));

    try (StreamResponse<StreamEvent> events = timed.sessions().actStreaming(actParams())) {
      assertThat(events.stream().count()).isEqualTo(1);
    }
    try (StreamResponse<StreamEvent> events = timed.sessions().actStreaming(
        actParams(), RequestOptions.builder().timeout(Duration.ofSeconds(5)).build())) {
      assertThat(events.stream().count()).isEqualTo(1);
    }
    try (AsyncStreamResponse<StreamEvent> events = timed.async().sessions().actStreaming(
        actParams(), RequestOptions.builder().timeout(Duration.ofSeconds(6)).build())) {
      await(events.subscribe(e -> {}).onCompleteFuture());
    }

    assertThat(timeouts).extracting(t -> t[1]).containsExactly(90_000L, 5_000L, 6_000L);
    assertThat(timeouts).extracting(t -> t[0]).as("a stream has no overall deadline").containsOnly(0L);
  }

  @Test
  void aShortRequestTimeoutFailsACallThatTheClientWouldHaveWaitedFor() {
    WireFixtures.Gate gate = new WireFixtures.Gate(json(WireFixtures.OBSERVE_OK));
    server.setDispatcher(gate);
    RequestOptions quick = RequestOptions.builder().timeout(Duration.ofMillis(300)).maxRetries(0).build();
    try {
      assertTimeoutPreemptively(LIMIT, () -> {
        assertThatThrownBy(() -> client.sessions().observe(observeParams(), quick))
            .isInstanceOf(StagehandIoException.class);
        assertThat(failureOf(client.async().sessions().observe(observeParams(), quick)))
            .isInstanceOf(StagehandIoException.class);
      });
    } finally {
      gate.release.countDown();
    }
  }

  @Test
  void aLongRequestTimeoutOutlastsTheClientTimeoutThatFailsTheOtherCalls() {
    WireFixtures.Gate gate = new WireFixtures.Gate(json(WireFixtures.OBSERVE_OK));
    server.setDispatcher(gate);
    StagehandClient quick = keep(client.withOptions(b -> b.timeout(Duration.ofMillis(300)).maxRetries(0)));
    try {
      assertTimeoutPreemptively(LIMIT, () -> {
        CompletableFuture<SessionObserveResponse> patient = quick.async().sessions()
            .observe(observeParams(), RequestOptions.builder().timeout(Duration.ofSeconds(30)).build());
        gate.awaitArrival();

        // The same client without the request's timeout gives up after 300 ms: by then the first call
        // has been held longer than the client's timeout.
        assertThatThrownBy(() -> quick.sessions().observe(observeParams())).isInstanceOf(StagehandIoException.class);
        assertThat(patient).isNotDone();
        gate.release.countDown();

        assertThat(await(patient).success()).isTrue();
      });
    } finally {
      gate.release.countDown();
    }
  }

  // ---- maxRetries

  @Test
  void requestMaxRetriesZeroOverridesTheClientsRetriesForAnAsyncCall() {
    server.enqueue(json(503, ERROR));
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    Throwable failure = failureOf(client.async().sessions()
        .observe(observeParams(), RequestOptions.builder().maxRetries(0).build()));

    assertThat(failure).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(scheduler.delays).isEmpty();
  }

  @Test
  void requestMaxRetriesOverridesAClientDerivedWithoutRetries() {
    StagehandClient noRetries = keep(client.withOptions(b -> b.maxRetries(0)));
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, ERROR));
    }
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    SessionObserveResponse response = await(noRetries.async().sessions()
        .observe(observeParams(), RequestOptions.builder().maxRetries(3).build()));

    assertThat(response.success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(scheduler.delays).hasSize(3);
  }

  @Test
  void requestMaxRetriesAppliesToAStreamBeforeItStarts() {
    StagehandClient noRetries = keep(client.withOptions(b -> b.maxRetries(0)));
    server.enqueue(json(503, ERROR));
    server.enqueue(sse(STARTING + FINISHED));

    try (StreamResponse<StreamEvent> events = noRetries.sessions()
        .observeStreaming(observeParams(), RequestOptions.builder().maxRetries(1).build())) {
      assertThat(events.stream().map(StreamEvent::id)).containsExactly("e1", "e3");
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps).hasSize(1);
  }

  // ---- responseValidation

  @Test
  void clientLevelValidationRejectsAResponseMissingARequiredPropertyNamingIt() {
    StagehandClient validating = keep(client(b -> b.responseValidation(true)));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));

    assertThatThrownBy(() -> validating.sessions().act(actParams()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("message");
  }

  @Test
  void clientLevelValidationRejectsTheResponseOfAnAsyncCall() {
    StagehandClient validating = keep(client(b -> b.responseValidation(true)));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));

    Throwable failure = failureOf(validating.async().sessions().act(actParams()));

    assertThat(failure).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("message");
  }

  @Test
  void clientLevelValidationRejectsARawResponseWhenItIsParsed() {
    StagehandClient validating = keep(client(b -> b.responseValidation(true)));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));

    HttpResponseFor<SessionActResponse> raw = validating.sessions().withRawResponse().act(actParams());
    HttpResponseFor<SessionActResponse> asyncRaw = await(validating.async().sessions().withRawResponse().act(actParams()));

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThatThrownBy(raw::parse).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("message");
    assertThatThrownBy(asyncRaw::parse).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("message");
  }

  @Test
  void withoutValidationTheCallSucceedsAndOnlyTheAccessorOfTheMissingPropertyThrows() {
    server.enqueue(json(ACT_WITHOUT_MESSAGE));

    SessionActResponse response = client.sessions().act(actParams());

    assertThat(response.success()).isTrue();
    assertThat(response.data().result().success()).isTrue();
    assertThat(response.data().result().actionDescription()).isEqualTo("clicked");
    assertThat(response.data().actionId()).contains("a-9");
    assertThatThrownBy(() -> response.data().result().message())
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("message");
  }

  @Test
  void requestLevelValidationFalseOverridesAClientLevelTrue() {
    StagehandClient validating = keep(client(b -> b.responseValidation(true)));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));
    RequestOptions lenient = RequestOptions.builder().responseValidation(false).build();

    SessionActResponse blocking = validating.sessions().act(actParams(), lenient);
    SessionActResponse async = await(validating.async().sessions().act(actParams(), lenient));

    assertThat(blocking.data().actionId()).contains("a-9");
    assertThat(async).isEqualTo(blocking);
  }

  @Test
  void requestLevelValidationTrueOverridesAClientWithoutIt() {
    server.enqueue(json(ACT_WITHOUT_MESSAGE));

    assertThatThrownBy(() -> client.sessions().act(actParams(), RequestOptions.builder().responseValidation(true).build()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("message");
  }

  @Test
  void validationSetWithOptionsAppliesToTheDerivedClientOnly() {
    StagehandClient validating = keep(client.withOptions(b -> b.responseValidation(true)));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));
    server.enqueue(json(ACT_WITHOUT_MESSAGE));

    assertThatThrownBy(() -> validating.sessions().act(actParams())).isInstanceOf(StagehandInvalidDataException.class);
    assertThat(client.sessions().act(actParams()).data().actionId()).contains("a-9");
  }

  @Test
  void validationRejectsAStreamEventMissingARequiredPropertyAndWithoutItTheEventIsDelivered() {
    server.enqueue(sse(STARTING + RUNNING_WITHOUT_ID + FINISHED));
    server.enqueue(sse(STARTING + RUNNING_WITHOUT_ID + FINISHED));

    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = client.sessions()
          .actStreaming(actParams(), RequestOptions.builder().responseValidation(true).build())) {
        events.stream().forEach(e -> {});
      }
    }).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("id");
    try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(actParams())) {
      assertThat(events.stream().count()).isEqualTo(3);
    }
  }

  @Test
  void validateOnAParsedResponseNamesTheMissingProperty() {
    server.enqueue(json(ACT_WITHOUT_MESSAGE));
    server.enqueue(json("""
        {"success":true,"data":{"result":[{"selector":"#a","description":"A"},{"description":"no selector"}]}}"""));
    server.enqueue(json("""
        {"success":true,"data":{"pages":[{"timestamp":1,"duration":2,"actions":[]}]}}"""));

    SessionActResponse act = client.sessions().act(actParams());
    SessionObserveResponse observe = client.sessions().observe(observeParams());
    SessionReplayResponse replay = client.sessions().replay(SessionReplayParams.builder().id("s-1").build());

    assertThatThrownBy(act::validate).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("message");
    assertThatThrownBy(observe::validate).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("selector");
    assertThatThrownBy(replay::validate).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("url");
  }

  @Test
  void validateReturnsTheSameResponseWhenNothingIsMissing() {
    server.enqueue(json(WireFixtures.ACT_OK));

    SessionActResponse response = client.sessions().act(actParams());

    assertThat(response.validate()).isSameAs(response);
  }

  @Test
  void validationNamesThePathOfTheMissingPropertyFromTheRoot() {
    server.enqueue(json(ACT_WITHOUT_MESSAGE));

    assertThatThrownBy(() -> client.sessions().act(actParams(), RequestOptions.builder().responseValidation(true).build()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("data.result.message");
  }

  @Test
  void validationRejectsAPropertyOfTheWrongJsonType() {
    server.enqueue(json("""
        {"success":true,"data":{"result":{"success":true,"message":42,"actionDescription":"d","actions":[]}}}"""));
    server.enqueue(json("""
        {"success":"true","data":{"result":{"success":true,"message":"m","actionDescription":"d","actions":[]}}}"""));
    RequestOptions validating = RequestOptions.builder().responseValidation(true).build();

    assertThatThrownBy(() -> client.sessions().act(actParams(), validating))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("message");
    assertThatThrownBy(() -> client.sessions().act(actParams(), validating))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("success");
  }

  @Test
  void aPropertyOfAnUnreadableTypeIsNamedInTheError() {
    server.enqueue(json("""
        {"success":true,"data":{"result":{"success":true,"message":"m","actionDescription":"d","actions":"none"}}}"""));

    assertThatThrownBy(() -> client.sessions().act(actParams(), RequestOptions.builder().responseValidation(true).build()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("actions");
  }

  @Test
  void aPropertyOfAnUnreadableTypeFailsTheCallWithInvalidData() {
    server.enqueue(json("""
        {"success":true,"data":{"result":{"success":true,"message":"m","actionDescription":"d","actions":"none"}}}"""));

    assertThatThrownBy(() -> client.sessions().act(actParams())).isInstanceOf(StagehandInvalidDataException.class);
  }

  // ---- headers, query parameters, additional body properties

  @Test
  void requestHeadersAndQueryParamsOverrideTheClientsAndTheParamsForAnAsyncCall() {
    StagehandClient layered = keep(client.withOptions(b -> b.putHeader("x-layer", "client").putHeader("x-client", "c")));
    server.enqueue(json(WireFixtures.OBSERVE_OK));
    SessionObserveParams params = observeParams().toBuilder()
        .putAdditionalHeader("x-layer", "params")
        .putAdditionalHeader("x-params", "p")
        .putAdditionalQueryParam("q", "params")
        .putAdditionalQueryParam("keep", "1")
        .putAdditionalBodyProperty("futureFlag", true)
        .build();

    await(layered.async().sessions().observe(params, RequestOptions.builder()
        .putHeader("X-Layer", "options")
        .putQueryParam("q", "options")
        .putQueryParam("q", "again")
        .putQueryParam("extra", "2")
        .build()));

    RecordedRequest request = take(server);
    assertThat(request.getHeaders().values("x-layer")).containsExactly("options");
    assertThat(request.getHeaders().get("x-client")).isEqualTo("c");
    assertThat(request.getHeaders().get("x-params")).isEqualTo("p");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/sessions/s-1/observe");
    assertThat(request.getUrl().queryParameterValues("q")).containsExactly("options", "again");
    assertThat(request.getUrl().queryParameter("keep")).isEqualTo("1");
    assertThat(request.getUrl().queryParameter("extra")).isEqualTo("2");
    assertThat(bodyTree(request)).isEqualTo(tree("""
        {"instruction":"find the login button","futureFlag":true}"""));
  }

  @Test
  void aRequestHeaderReplacesAHeaderSetOnTheClientBuilder() {
    StagehandClient withHeader = keep(client(b -> b.putHeader("x-team", "builder").browserbaseApiKey("bb_client")));
    server.enqueue(json(WireFixtures.OBSERVE_OK));
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    withHeader.sessions().observe(observeParams(), RequestOptions.builder()
        .putHeader("x-team", "request")
        .putHeader("x-bb-api-key", "bb_request")
        .build());
    withHeader.sessions().observe(observeParams());

    RecordedRequest overridden = take(server);
    assertThat(overridden.getHeaders().values("x-team")).containsExactly("request");
    assertThat(overridden.getHeaders().values("x-bb-api-key")).containsExactly("bb_request");
    RecordedRequest plain = take(server);
    assertThat(plain.getHeaders().values("x-team")).containsExactly("builder");
    assertThat(plain.getHeaders().values("x-bb-api-key")).containsExactly("bb_client");
  }

  @Test
  void aStreamingRequestCarriesTheOptionsHeadersQueryParamsAndAdditionalBodyProperties() {
    server.enqueue(sse(STARTING + FINISHED));
    server.enqueue(sse(STARTING + FINISHED));
    SessionActParams params = actParams().toBuilder()
        .putAdditionalHeader("x-params", "p")
        .putAdditionalQueryParam("q", "params")
        .putAdditionalBodyProperty("futureObject", Map.of("depth", 2))
        .build();
    RequestOptions options = RequestOptions.builder().putHeader("x-options", "o").putQueryParam("q", "options").build();

    try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(params, options)) {
      assertThat(events.stream().count()).isEqualTo(2);
    }
    try (AsyncStreamResponse<StreamEvent> events = client.async().sessions().actStreaming(params, options)) {
      await(events.subscribe(e -> {}).onCompleteFuture());
    }

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = take(server);
      assertThat(request.getHeaders().get("x-params")).isEqualTo("p");
      assertThat(request.getHeaders().get("x-options")).isEqualTo("o");
      assertThat(request.getHeaders().get("x-stream-response")).isEqualTo("true");
      assertThat(request.getUrl().queryParameterValues("q")).containsExactly("options");
      assertThat(bodyTree(request)).isEqualTo(tree("""
          {"input":"click the login button","futureObject":{"depth":2},"streamResponse":true}"""));
    }
  }

  @Test
  void requestOptionsAreImmutableOnceBuilt() {
    RequestOptions.Builder builder = RequestOptions.builder().putHeader("x-a", "1").putQueryParam("q", "1");
    RequestOptions built = builder.build();

    builder.putHeader("x-a", "2").putHeader("x-b", "3").putQueryParam("q", "2").maxRetries(5);

    assertThat(built.headers()).containsOnlyKeys("x-a");
    assertThat(built.headers().get("x-a")).containsExactly("1");
    assertThat(built.queryParams().get("q")).containsExactly("1");
    assertThat(built.maxRetries()).isEmpty();
    assertThatThrownBy(() -> built.headers().put("x-c", List.of("4"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> built.headers().get("x-a").add("5")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requestOptionsRejectANonPositiveTimeoutAndNegativeRetriesNamingThem() {
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> RequestOptions.builder().timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    assertThatThrownBy(() -> RequestOptions.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries");
  }
}
