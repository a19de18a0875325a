package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.PermissionDeniedException;
import com.browserbase.stagehand.errors.RateLimitException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.errors.UnauthorizedException;
import com.browserbase.stagehand.errors.UnexpectedStatusCodeException;
import com.browserbase.stagehand.errors.UnprocessableEntityException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.services.SessionService;
import com.browserbase.stagehand.services.SessionServiceAsync;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The asynchronous client: same requests as the blocking one, futures that never wait, cancellation, retries. */
class AsyncClientTest {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final String ERROR = "{\"success\":false,\"error\":\"boom\"}";

  private final WireFixtures.RecordingSleeper sleeper = new WireFixtures.RecordingSleeper();
  private final WireFixtures.RecordingScheduler scheduler = WireFixtures.RecordingScheduler.immediate();
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b
      .browserbaseApiKey("bb_key")
      .modelApiKey("sk-model")
      .sleeper(sleeper)
      .scheduler(scheduler));
  private MockWebServer server;
  private StagehandClient client;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  @AfterEach
  void closeDerivedClients() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  private StagehandClient newClient(java.util.function.Consumer<StagehandOkHttpClient.Builder> change) {
    return mock.newClient(change);
  }

  private SessionServiceAsync async() {
    return client.async().sessions();
  }

  private static SessionObserveParams observeParams() {
    return SessionObserveParams.builder().id("s-1").instruction("find the login button").build();
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id("s-1").input("click the login button").build();
  }

  /** Each operation, called the blocking way and the asynchronous way with the same params. */
  enum Operation {
    START("POST", "/v1/sessions/start", WireFixtures.START_OK,
        SessionStartParams.builder().modelName("openai/gpt-5-nano").verbose(1).systemPrompt("Be brief.").build()),
    NAVIGATE("POST", "/v1/sessions/s-1/navigate", """
        {"success":true,"data":{"result":{"status":200},"actionId":"n-1"}}""",
        SessionNavigateParams.builder().id("s-1").url("https://example.com")
            .options(NavigateOptions.builder().waitUntil(NavigateOptions.WaitUntil.LOAD).build()).build()),
    ACT("POST", "/v1/sessions/s-1/act", WireFixtures.ACT_OK,
        SessionActParams.builder().id("s-1").input("click the login button")
            .options(ActOptions.builder().putVariable("user", "alice").build()).build()),
    OBSERVE("POST", "/v1/sessions/s-1/observe", WireFixtures.OBSERVE_OK,
        SessionObserveParams.builder().id("s-1").instruction("find the login button")
            .options(ObserveOptions.builder().selector("#main").build()).build()),
    EXTRACT("POST", "/v1/sessions/s-1/extract", """
        {"success":true,"data":{"result":{"title":"Example Domain"}}}""",
        SessionExtractParams.builder().id("s-1").instruction("the page title")
            .schema(WireFixtures.tree("{\"type\":\"object\"}")).build()),
    EXECUTE_AGENT("POST", "/v1/sessions/s-1/agentExecute", WireFixtures.AGENT_OK,
        SessionExecuteAgentParams.builder().id("s-1")
            .agentConfig(AgentConfig.builder().model("openai/gpt-5-nano").build())
            .executeOptions(AgentExecuteOptions.builder().instruction("log in").maxSteps(3).build())
            .build()),
    REPLAY("GET", "/v1/sessions/s-1/replay", WireFixtures.REPLAY_OK,
        SessionReplayParams.builder().id("s-1").build()),
    END("POST", "/v1/sessions/s-1/end", WireFixtures.END_OK,
        SessionEndParams.builder().id("s-1").build());

    final String method;
    final String path;
    final String okBody;
    final Object params;

    Operation(String method, String path, String okBody, Object params) {
      this.method = method;
      this.path = path;
      this.okBody = okBody;
      this.params = params;
    }

    Object callBlocking(SessionService s) {
      switch (this) {
        case START: return s.start((SessionStartParams) params);
        case NAVIGATE: return s.navigate((SessionNavigateParams) params);
        case ACT: return s.act((SessionActParams) params);
        case OBSERVE: return s.observe((SessionObserveParams) params);
        case EXTRACT: return s.extract((SessionExtractParams) params);
        case EXECUTE_AGENT: return s.executeAgent((SessionExecuteAgentParams) params);
        case REPLAY: return s.replay((SessionReplayParams) params);
        case END: return s.end((SessionEndParams) params);
        default: throw new AssertionError(this);
      }
    }

    CompletableFuture<?> callAsync(SessionServiceAsync s) {
      switch (this) {
        case START: return s.start((SessionStartParams) params);
        case NAVIGATE: return s.navigate((SessionNavigateParams) params);
        case ACT: return s.act((SessionActParams) params);
        case OBSERVE: return s.observe((SessionObserveParams) params);
        case EXTRACT: return s.extract((SessionExtractParams) params);
        case EXECUTE_AGENT: return s.executeAgent((SessionExecuteAgentParams) params);
        case REPLAY: return s.replay((SessionReplayParams) params);
        case END: return s.end((SessionEndParams) params);
        default: throw new AssertionError(this);
      }
    }
  }

  // ---- the same requests, the same answers

  @ParameterizedTest(name = "async {0} sends the same request as the blocking one and completes with the same value")
  @EnumSource(Operation.class)
  void anAsyncOperationSendsTheSameRequestAsTheBlockingOneAndCompletesWithTheParsedResponse(Operation operation) {
    server.enqueue(json(operation.okBody));
    server.enqueue(json(operation.okBody));

    Object blocking = operation.callBlocking(client.sessions());
    Object async = await(operation.callAsync(async()));

    RecordedRequest blockingRequest = take(server);
    RecordedRequest asyncRequest = take(server);
    assertThat(asyncRequest.getMethod()).isEqualTo(operation.method).isEqualTo(blockingRequest.getMethod());
    assertThat(asyncRequest.getTarget()).isEqualTo(operation.path).isEqualTo(blockingRequest.getTarget());
    assertThat(asyncRequest.getBody()).isEqualTo(blockingRequest.getBody());
    assertThat(asyncRequest.getHeaders().toMultimap()).isEqualTo(blockingRequest.getHeaders().toMultimap());
    assertThat(asyncRequest.getHeaders().get("x-bb-api-key")).isEqualTo("bb_key");
    assertThat(async).isInstanceOf(blocking.getClass()).isEqualTo(blocking);
    assertThat(async).isEqualTo(WireFixtures.parse(operation.okBody, blocking.getClass()));
  }

  @ParameterizedTest(name = "async {0} returns its future before the server answers")
  @EnumSource(Operation.class)
  void anAsyncOperationReturnsItsFutureBeforeTheServerAnswersAndCompletesOnAnotherThread(Operation operation) {
    WireFixtures.Gate gate = new WireFixtures.Gate(json(operation.okBody));
    server.setDispatcher(gate);
    try {
      assertTimeoutPreemptively(LIMIT, () -> {
        Thread caller = Thread.currentThread();
        CompletableFuture<?> future = operation.callAsync(async());
        AtomicReference<Thread> completedOn = new AtomicReference<>();
        CompletableFuture<?> observed = future.whenComplete((v, e) -> completedOn.set(Thread.currentThread()));

        RecordedRequest held = gate.awaitArrival();
        assertThat(held.getTarget()).isEqualTo(operation.path);
        assertThat(future).isNotDone();
        gate.release.countDown();

        assertThat(await(observed)).isNotNull();
        assertThat(completedOn.get()).isNotNull().isNotSameAs(caller);
      });
    } finally {
      gate.release.countDown();
    }
  }

  @Test
  void fiftyAsyncCallsFromOneThreadAreAllAtTheServerAtTheSameTime() {
    int calls = 50;
    ConcurrencyTest.Rendezvous rendezvous = new ConcurrencyTest.Rendezvous(calls, "application/json",
        WireFixtures.OBSERVE_OK);
    server.setDispatcher(rendezvous);

    List<SessionObserveResponse> responses = assertTimeoutPreemptively(LIMIT, () -> {
      List<CompletableFuture<SessionObserveResponse>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        futures.add(async().observe(SessionObserveParams.builder().id("s-" + i).instruction("find " + i).build()));
      }
      List<SessionObserveResponse> all = new ArrayList<>();
      for (CompletableFuture<SessionObserveResponse> future : futures) {
        all.add(future.get());
      }
      return all;
    });

    assertThat(responses).hasSize(calls).allSatisfy(r -> assertThat(r.success()).isTrue());
    assertThat(rendezvous.peak.get()).isEqualTo(calls);
  }

  // ---- errors

  static List<Arguments> statuses() {
    return List.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, UnauthorizedException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(503, InternalServerException.class),
        Arguments.of(418, UnexpectedStatusCodeException.class));
  }

  @ParameterizedTest(name = "status {0} completes the future exceptionally with {1}")
  @MethodSource("statuses")
  void anErrorStatusCompletesTheFutureExceptionallyWithTheMappedException(
      int status, Class<? extends StagehandServiceException> type) {
    client.close();
    client = newClient(b -> b.maxRetries(0));
    server.enqueue(json(status, "{\"success\":false,\"error\":\"Session not found\",\"code\":\"E_" + status + "\"}"));

    CompletableFuture<SessionObserveResponse> future = async().observe(observeParams());

    Throwable failure = failureOf(future);
    assertThat(failure).isExactlyInstanceOf(type);
    StagehandServiceException error = (StagehandServiceException) failure;
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.message()).isEqualTo("Session not found");
    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(type);
    assertThat(future).isCompletedExceptionally();
    assertThat(future.isCancelled()).isFalse();
  }

  @Test
  void anAnswerThatIsNotJsonCompletesTheFutureWithInvalidData() {
    server.enqueue(json("not json"));

    Throwable failure = failureOf(async().observe(observeParams()));

    assertThat(failure).isInstanceOf(com.browserbase.stagehand.errors.StagehandInvalidDataException.class);
  }

  @Test
  void aRefusedConnectionCompletesTheFutureWithAnIoException() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String deadUrl = closed.url("/").toString();
    closed.close();
    StagehandClient dead = client.withOptions(b -> b.baseUrl(deadUrl).maxRetries(0));
    toClose.add(dead);

    Throwable failure = failureOf(dead.async().sessions().observe(observeParams()));

    assertThat(failure).isInstanceOf(com.browserbase.stagehand.errors.StagehandIoException.class)
        .hasRootCauseInstanceOf(java.net.ConnectException.class);
  }

  // ---- cancellation

  @Test
  void cancellingTheFutureWhileTheAnswerIsArrivingClosesTheConnection() {
    WireFixtures.TricklingBody body = new WireFixtures.TricklingBody("{\"success\":true,\"data\":{\"result\":[");
    server.enqueue(body.response());
    try {
      assertTimeoutPreemptively(LIMIT, () -> {
        CompletableFuture<SessionObserveResponse> future = async().observe(observeParams());
        take(server);

        assertThat(future.cancel(true)).isTrue();

        assertThat(future.isCancelled()).isTrue();
        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        assertThat(body.clientGone.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
            .as("the server saw the connection closed")
            .isTrue();
      });
    } finally {
      body.release.countDown();
    }
  }

  @Test
  void cancellingTheFutureBeforeTheServerAnswersCancelsTheCall() {
    WireFixtures.TricklingBody body = new WireFixtures.TricklingBody("{\"success\":true,");
    WireFixtures.Gate gate = new WireFixtures.Gate(body.response());
    server.setDispatcher(gate);
    try {
      assertTimeoutPreemptively(LIMIT, () -> {
        CompletableFuture<SessionActResponse> future = async().act(actParams());
        gate.awaitArrival();

        assertThat(future.cancel(true)).isTrue();
        gate.release.countDown();

        assertThat(future.isCancelled()).isTrue();
        assertThat(body.clientGone.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
            .as("the server could not answer: the client had closed the connection")
            .isTrue();
      });
    } finally {
      gate.release.countDown();
      body.release.countDown();
    }
  }

  @Test
  void cancellingTheFutureWhileWaitingToRetryMeansTheScheduledRetrySendsNothing() {
    OkHttpClient own = new OkHttpClient();
    WireFixtures.RecordingScheduler manual = WireFixtures.RecordingScheduler.manual();
    StagehandClient retrying = StagehandOkHttpClient.builder()
        .baseUrl(server.url("/").toString())
        .okHttpClient(own)
        .sleeper(sleeper)
        .scheduler(manual)
        .build();
    try {
      server.enqueue(json(503, ERROR));
      server.enqueue(json(WireFixtures.OBSERVE_OK));
      server.enqueue(json(WireFixtures.END_OK));

      CompletableFuture<SessionObserveResponse> future = retrying.async().sessions().observe(observeParams());
      Runnable retry = manual.nextPending();
      assertThat(future).isNotDone();

      assertThat(future.cancel(true)).isTrue();
      retry.run();

      assertThat(future.isCancelled()).isTrue();
      List<Call> live = new ArrayList<>(own.dispatcher().queuedCalls());
      live.addAll(own.dispatcher().runningCalls());
      assertThat(live).as("calls the retry started").allSatisfy(call -> assertThat(call.isCanceled()).isTrue());
      retrying.sessions().end(SessionEndParams.builder().id("s-1").build());
      assertThat(take(server).getTarget()).isEqualTo("/v1/sessions/s-1/observe");
      assertThat(take(server).getTarget()).as("the next request is not the retry").isEqualTo("/v1/sessions/s-1/end");
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(manual.delays).hasSize(1);
      assertThat(sleeper.sleeps).isEmpty();
    } finally {
      retrying.close();
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }

  // ---- retries

  @Test
  void anAsyncCallSucceedsAfterTwoServiceUnavailableAnswersWithTwoScheduledDelaysAndNoSleep() {
    server.enqueue(json(503, ERROR));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    SessionObserveResponse response = await(async().observe(observeParams()));

    assertThat(response.data().result()).singleElement().satisfies(a -> assertThat(a.selector()).isEqualTo("#login"));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(scheduler.delays).hasSize(2);
    assertThat(scheduler.delays.get(0)).isBetween(375L, 500L);
    assertThat(scheduler.delays.get(1)).isBetween(750L, 1000L);
    assertThat(sleeper.sleeps).as("no thread slept").isEmpty();
  }

  @Test
  void aRetryWaitsForTheSchedulerWithoutHoldingAnHttpThread() {
    WireFixtures.RecordingScheduler manual = WireFixtures.RecordingScheduler.manual();
    client.close();
    client = newClient(b -> b.scheduler(manual));
    server.enqueue(new mockwebserver3.MockResponse.Builder(json(429, ERROR)).setHeader("retry-after-ms", "1234").build());
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    CompletableFuture<SessionObserveResponse> future = async().observe(observeParams());
    Runnable retry = manual.nextPending();

    assertThat(manual.delays).containsExactly(1234L);
    assertThat(future).isNotDone();
    assertThat(server.getRequestCount()).isEqualTo(1);
    retry.run();
    assertThat(await(future).success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void anAsyncActIsNotRetriedAfterAnInternalServerError() {
    server.enqueue(json(500, ERROR));
    server.enqueue(json(WireFixtures.ACT_OK));

    Throwable failure = failureOf(async().act(actParams()));

    assertThat(failure).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(scheduler.delays).isEmpty();
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void anAsyncCallGivesUpAfterMaxRetriesWithTheLastError() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, ERROR));
    }

    Throwable failure = failureOf(async().observe(observeParams()));

    assertThat(failure).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(scheduler.delays).hasSize(2);
  }

  // ---- the views of one client

  @Test
  void theBlockingViewOfTheAsyncClientIsTheClientItself() {
    assertThat(client.async().sync()).isSameAs(client);
    assertThat(client.async()).isSameAs(client.async());
  }

  @Test
  void asyncWithOptionsGivesAnAsyncClientWithTheChangedOptionsAndLeavesTheParentAlone() {
    StagehandClientAsync derived = client.async().withOptions(b -> b.maxRetries(0).putHeader("x-derived", "yes"));
    toClose.add(derived);
    server.enqueue(json(503, ERROR));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    Throwable failure = failureOf(derived.sessions().observe(observeParams()));
    SessionObserveResponse parentResponse = await(async().observe(observeParams()));

    assertThat(failure).isInstanceOf(InternalServerException.class);
    assertThat(take(server).getHeaders().get("x-derived")).isEqualTo("yes");
    assertThat(parentResponse.success()).isTrue();
    assertThat(take(server).getHeaders().get("x-derived")).isNull();
    assertThat(server.getRequestCount()).as("the derived client did not retry, the parent did").isEqualTo(3);
    assertThat(derived.sync()).isNotSameAs(client);
    assertThat(derived.sync().async()).isSameAs(derived);
  }

  @Test
  void closingAnAsyncClientDerivedWithOptionsLeavesTheParentWorking() {
    StagehandClientAsync derived = client.async().withOptions(b -> b.timeout(Duration.ofSeconds(30)));
    derived.close();
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    assertThatThrownBy(() -> derived.sessions().observe(observeParams()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The Stagehand client is closed");
    assertThat(await(async().observe(observeParams())).success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
