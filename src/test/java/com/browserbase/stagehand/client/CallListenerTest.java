package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.RecordingListener.kinds;
import static com.browserbase.stagehand.client.RecordingListener.of;
import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallEvent;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.RetryScheduled;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.errors.UnexpectedStatusCodeException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.browserbase.stagehand.services.SessionService;
import com.browserbase.stagehand.services.SessionServiceAsync;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * What a {@code CallListener} is told of each call, blocking and async: its start and one end on every path, its
 * retries, its stream's events; on the client's own thread, which no call waits on, and which ends with the client.
 */
class CallListenerTest {
  private static final String SESSION = "s-1";
  private static final String STARTING =
      "event: starting\ndata: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n";
  private static final String LOG =
      "event: running\ndata: {\"data\":{\"status\":\"running\",\"message\":\"clicking\"},\"type\":\"log\",\"id\":\"e2\"}\n\n";
  private static final String FINISHED = "event: finished\ndata: {\"data\":{\"status\":\"finished\","
      + "\"result\":{\"success\":true,\"message\":\"done\"}},\"type\":\"system\",\"id\":\"e3\"}\n\n";
  private static final String ERROR_EVENT =
      "event: error\ndata: {\"data\":{\"status\":\"error\",\"error\":\"model down\"},\"type\":\"system\",\"id\":\"e4\"}\n\n";

  private final RecordingListener listener = new RecordingListener();
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.callListener(listener).maxRetries(0)
      .scheduler(WireFixtures.RecordingScheduler.immediate()));
  private MockWebServer server;

  @BeforeEach
  void useMock() {
    server = mock.server();
  }

  private SessionService sessions() {
    return mock.client().sessions();
  }

  private SessionServiceAsync async() {
    return mock.client().async().sessions();
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id(SESSION).input("click").build();
  }

  private static MockResponse sse(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
  }

  // ---- each operation ------------------------------------------------------------------------------

  /** The eight operations, each made blocking and async on a client. */
  enum Op {
    START("start", WireFixtures.START_OK,
        s -> s.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build()),
        s -> s.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())),
    NAVIGATE("navigate", WireFixtures.NAVIGATE_OK,
        s -> s.navigate(SessionNavigateParams.builder().id(SESSION).url("https://example.com").build()),
        s -> s.navigate(SessionNavigateParams.builder().id(SESSION).url("https://example.com").build())),
    ACT("act", WireFixtures.ACT_OK, s -> s.act(actParams()), s -> s.act(actParams())),
    OBSERVE("observe", WireFixtures.OBSERVE_OK,
        s -> s.observe(SessionObserveParams.builder().id(SESSION).build()),
        s -> s.observe(SessionObserveParams.builder().id(SESSION).build())),
    EXTRACT("extract", WireFixtures.EXTRACT_OK,
        s -> s.extract(SessionExtractParams.builder().id(SESSION).instruction("the title").build()),
        s -> s.extract(SessionExtractParams.builder().id(SESSION).instruction("the title").build())),
    EXECUTE("execute", WireFixtures.AGENT_OK, s -> s.executeAgent(agentParams()), s -> s.executeAgent(agentParams())),
    REPLAY("replay", WireFixtures.REPLAY_OK,
        s -> s.replay(SessionReplayParams.builder().id(SESSION).build()),
        s -> s.replay(SessionReplayParams.builder().id(SESSION).build())),
    END("end", WireFixtures.END_OK,
        s -> s.end(SessionEndParams.builder().id(SESSION).build()),
        s -> s.end(SessionEndParams.builder().id(SESSION).build()));

    final String name;
    final String answer;
    final Function<SessionService, Object> blocking;
    final Function<SessionServiceAsync, CompletableFuture<?>> async;

    Op(String name, String answer, Function<SessionService, Object> blocking,
        Function<SessionServiceAsync, CompletableFuture<?>> async) {
      this.name = name;
      this.answer = answer;
      this.blocking = blocking;
      this.async = async;
    }
  }

  private static SessionExecuteAgentParams agentParams() {
    return SessionExecuteAgentParams.builder().id(SESSION)
        .agentConfig(AgentConfig.builder().model("openai/gpt-5-nano").build())
        .executeOptions(AgentExecuteOptions.builder().instruction("log in").build())
        .build();
  }

  @ParameterizedTest
  @EnumSource(Op.class)
  void eachBlockingOperationIsReportedByNameWithItsSessionAttemptAndStatus(Op op) {
    mock.enqueue(op.answer);

    op.blocking.apply(sessions());

    assertSucceededOnce(op);
  }

  @ParameterizedTest
  @EnumSource(Op.class)
  void eachAsyncOperationIsReportedTheSameWay(Op op) {
    mock.enqueue(op.answer);

    await(op.async.apply(async()));

    assertSucceededOnce(op);
  }

  private void assertSucceededOnce(Op op) {
    List<CallEvent> events = listener.awaitEnded(1);
    assertThat(kinds(events)).containsExactly("Started:" + op.name, "Ended:" + op.name);
    CallStarted started = (CallStarted) events.get(0);
    CallEnded ended = (CallEnded) events.get(1);
    assertThat(ended.callId()).isEqualTo(started.callId());
    assertThat(started.streaming()).isFalse();
    assertThat(started.sessionId()).isEqualTo(op == Op.START ? Optional.empty() : Optional.of(SESSION));
    assertThat(ended.sessionId()).contains(SESSION); // a start's: the new session's
    assertThat(ended.attempts()).isEqualTo(1);
    assertThat(ended.status()).hasValue(200);
    assertThat(ended.outcome()).isEqualTo(CallOutcome.SUCCESS);
    assertThat(ended.failure()).isEmpty();
    assertThat(ended.streaming()).isFalse();
    assertThat(ended.context()).isEqualTo(started.context()).contains("ctx-1");
  }

  @Test
  void eachCallHasItsOwnIdAndTheRawVariantsAreCallsToo() {
    mock.enqueue(WireFixtures.START_OK);
    mock.enqueue(WireFixtures.ACT_OK);

    HttpResponseFor<?> start = sessions().withRawResponse()
        .start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
    sessions().withRawResponse().act(actParams()).close();

    List<CallEvent> events = listener.awaitEnded(2);
    assertThat(kinds(events)).containsExactly("Started:start", "Ended:start", "Started:act", "Ended:act");
    assertThat(start.statusCode()).isEqualTo(200);
    assertThat(of(events, CallEnded.class)).extracting(CallEnded::outcome).containsOnly(CallOutcome.SUCCESS);
    assertThat(events.get(2).callId()).isGreaterThan(events.get(0).callId());
  }

  // ---- retries and failures ------------------------------------------------------------------------

  @Test
  void aRetriedCallReportsTheRetryThenEndsAfterTwoAttempts() {
    StagehandClient client = mock.newClient(b -> b.maxRetries(2));
    mock.enqueue(503, "{\"error\":\"busy\"}");
    mock.enqueue(WireFixtures.OBSERVE_OK);

    client.sessions().observe(SessionObserveParams.builder().id(SESSION).build());

    assertRetriedThenEnded();
  }

  @Test
  void aRetriedAsyncCallReportsTheSame() {
    StagehandClient client = mock.newClient(b -> b.maxRetries(2));
    mock.enqueue(503, "{\"error\":\"busy\"}");
    mock.enqueue(WireFixtures.OBSERVE_OK);

    await(client.async().sessions().observe(SessionObserveParams.builder().id(SESSION).build()));

    assertRetriedThenEnded();
  }

  private void assertRetriedThenEnded() {
    List<CallEvent> events = listener.awaitEnded(1);
    assertThat(kinds(events)).containsExactly("Started:observe", "Retry:observe", "Ended:observe");
    RetryScheduled retry = (RetryScheduled) events.get(1);
    assertThat(retry.retry()).isEqualTo(1);
    assertThat(retry.status()).hasValue(503);
    assertThat(retry.failure()).isEmpty();
    assertThat(retry.delay()).isPositive();
    CallEnded ended = (CallEnded) events.get(2);
    assertThat(ended.attempts()).isEqualTo(2);
    assertThat(ended.status()).hasValue(200);
    assertThat(ended.outcome()).isEqualTo(CallOutcome.SUCCESS);
  }

  @Test
  void aRetriedNetworkFailureNamesItsType() {
    StagehandClient client = mock.newClient(b -> b.maxRetries(1));
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    mock.enqueue(WireFixtures.OBSERVE_OK);

    client.sessions().observe(SessionObserveParams.builder().id(SESSION).build());

    RetryScheduled retry = of(listener.awaitEnded(1), RetryScheduled.class).get(0);
    assertThat(retry.status()).isEmpty();
    assertThat(retry.failure()).hasValueSatisfying(type -> assertThat(java.io.IOException.class).isAssignableFrom(type));
  }

  /** How a call fails, blocking and async. */
  enum Failure {
    NETWORK(CallOutcome.NETWORK_ERROR, StagehandIoException.class, null,
        new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build()),
    GARBAGE(CallOutcome.INVALID_RESPONSE, StagehandInvalidDataException.class, 200,
        WireFixtures.json("<html>not json</html>")),
    BAD_REQUEST(CallOutcome.CLIENT_ERROR, BadRequestException.class, 400,
        WireFixtures.json(400, "{\"error\":\"no\"}")),
    SUCCESS_FALSE(CallOutcome.CLIENT_ERROR, UnexpectedStatusCodeException.class, 200,
        WireFixtures.json("{\"success\":false,\"message\":\"no\"}")),
    SERVER_ERROR(CallOutcome.SERVER_ERROR, InternalServerException.class, 500,
        WireFixtures.json(500, "{\"error\":\"boom\"}"));

    final CallOutcome outcome;
    final Class<? extends Throwable> type;
    final Integer status;
    final MockResponse answer;

    Failure(CallOutcome outcome, Class<? extends Throwable> type, Integer status, MockResponse answer) {
      this.outcome = outcome;
      this.type = type;
      this.status = status;
      this.answer = answer;
    }
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void aFailedCallEndsWithItsOutcomeAndExceptionType(Failure failure) {
    server.enqueue(failure.answer);

    assertThatThrownBy(() -> sessions().act(actParams())).isExactlyInstanceOf(failure.type);

    assertFailedAs(failure);
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void aFailedAsyncCallEndsTheSameWay(Failure failure) {
    server.enqueue(failure.answer);

    assertThat(failureOf(async().act(actParams()))).isExactlyInstanceOf(failure.type);

    assertFailedAs(failure);
  }

  private void assertFailedAs(Failure failure) {
    CallEnded ended = listener.onlyEnd();
    assertThat(ended.outcome()).isEqualTo(failure.outcome);
    assertThat(ended.failure()).contains(failure.type);
    assertThat(ended.attempts()).isEqualTo(1);
    if (failure.status == null) {
      assertThat(ended.status()).isEmpty();
    } else {
      assertThat(ended.status()).hasValue(failure.status);
    }
  }

  // ---- giving up ----------------------------------------------------------------------------------

  @Test
  void anInterruptedCallIsCancelled() throws Exception {
    WireFixtures.Gate gate = new WireFixtures.Gate(WireFixtures.json(WireFixtures.ACT_OK));
    server.setDispatcher(gate);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        sessions().act(actParams());
      } catch (RuntimeException e) {
        thrown.set(e);
      }
    });
    caller.start();
    gate.awaitArrival();
    caller.interrupt();
    caller.join(10_000);
    gate.release.countDown();

    assertThat(thrown.get()).isInstanceOf(StagehandIoException.class);
    CallEnded ended = listener.onlyEnd();
    assertThat(ended.outcome()).isEqualTo(CallOutcome.CANCELLED);
    assertThat(ended.failure()).contains(StagehandIoException.class);
  }

  @Test
  void aCancelledAsyncCallIsCancelled() {
    WireFixtures.Gate gate = new WireFixtures.Gate(WireFixtures.json(WireFixtures.ACT_OK));
    server.setDispatcher(gate);
    CompletableFuture<SessionActResponse> call = async().act(actParams());
    gate.awaitArrival();

    call.cancel(true);
    gate.release.countDown();

    CallEnded ended = listener.onlyEnd();
    assertThat(ended.outcome()).isEqualTo(CallOutcome.CANCELLED);
    assertThat(ended.failure()).contains(CancellationException.class);
    assertThat(ended.attempts()).isEqualTo(1);
  }

  @Test
  void aCallOnAClosedClientStartsAndEndsCancelledWithoutAnAttempt() {
    StagehandClient client = mock.newClient(b -> {});
    client.close();

    assertThatThrownBy(() -> client.sessions().act(actParams())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> client.async().sessions().act(actParams())).isInstanceOf(IllegalStateException.class);

    List<CallEvent> events = listener.awaitEnded(2);
    assertThat(kinds(events)).containsExactly("Started:act", "Ended:act", "Started:act", "Ended:act");
    for (CallEnded ended : of(events, CallEnded.class)) {
      assertThat(ended.outcome()).isEqualTo(CallOutcome.CANCELLED);
      assertThat(ended.attempts()).isZero();
      assertThat(ended.status()).isEmpty();
      assertThat(ended.failure()).contains(IllegalStateException.class);
    }
  }

  @Test
  void aCallInFlightWhenTheClientClosesIsCancelled() {
    StagehandClient client = mock.newClient(b -> {});
    WireFixtures.Gate gate = new WireFixtures.Gate(WireFixtures.json(WireFixtures.ACT_OK));
    server.setDispatcher(gate);
    CompletableFuture<SessionActResponse> call = client.async().sessions().act(actParams());
    gate.awaitArrival();

    client.close();
    gate.release.countDown();

    assertThat(failureOf(call)).isInstanceOf(StagehandIoException.class);
    CallEnded ended = listener.onlyEnd();
    assertThat(ended.outcome()).isEqualTo(CallOutcome.CANCELLED);
    assertThat(ended.failure()).contains(StagehandIoException.class);
  }

  // ---- streams -----------------------------------------------------------------------------------

  @Test
  void aStreamReportsEachEventThenItsEnd() {
    server.enqueue(sse(STARTING + LOG + FINISHED));

    try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
      events.stream().forEach(e -> {});
    }

    assertStreamed(CallOutcome.SUCCESS, null, "system:starting", "log:running", "system:finished");
  }

  @Test
  void anAsyncStreamReportsTheSame() {
    server.enqueue(sse(STARTING + LOG + FINISHED));
    CompletableFuture<Void> done = new CompletableFuture<>();

    async().actStreaming(actParams()).subscribe(new AsyncStreamResponse.Handler<StreamEvent>() {
      @Override
      public void onNext(StreamEvent event) {}

      @Override
      public void onComplete(Optional<Throwable> error) {
        done.complete(null);
      }
    });
    await(done);

    assertStreamed(CallOutcome.SUCCESS, null, "system:starting", "log:running", "system:finished");
  }

  @Test
  void aStreamsErrorEventEndsItAsTheServersError() {
    server.enqueue(sse(STARTING + ERROR_EVENT));

    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
        events.stream().forEach(e -> {});
      }
    }).isInstanceOf(SseException.class);

    assertStreamed(CallOutcome.SERVER_ERROR, SseException.class, "system:starting", "system:error");
  }

  @Test
  void aStreamCutMidwayEndsAsANetworkError() {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body(STARTING + FINISHED)
        .onResponseBody(new SocketEffect.CloseSocket())
        .build());

    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
        events.stream().forEach(e -> {});
      }
    }).isInstanceOf(StagehandIoException.class);

    assertStreamed(CallOutcome.NETWORK_ERROR, StagehandIoException.class, "system:starting");
  }

  @Test
  void aStreamTheCallerClosesBeforeItsEndEndsCancelled() {
    server.enqueue(sse(STARTING + LOG + FINISHED));

    try (StreamResponse<StreamEvent> events = sessions().actStreaming(actParams())) {
      Iterator<StreamEvent> it = events.stream().iterator();
      it.next();
    }

    List<CallEvent> events = listener.awaitEnded(1);
    assertThat(of(events, StreamEventReceived.class)).extracting(StreamEventReceived::type).startsWith("system");
    CallEnded ended = of(events, CallEnded.class).get(0);
    assertThat(ended.outcome()).isEqualTo(CallOutcome.CANCELLED);
    assertThat(ended.failure()).isEmpty();
    assertThat(ended.streaming()).isTrue();
  }

  @Test
  void aRawStreamClosedUnreadEndsCancelled() {
    server.enqueue(sse(STARTING + FINISHED));

    sessions().withRawResponse().actStreaming(actParams()).close();

    CallEnded ended = listener.onlyEnd();
    assertThat(ended.outcome()).isEqualTo(CallOutcome.CANCELLED);
    assertThat(ended.streaming()).isTrue();
  }

  @Test
  void aStreamNobodyReadsOrClosesEndsCancelledWhenTheClientCloses() {
    StagehandClient client = mock.newClient(b -> {});
    server.enqueue(sse(STARTING + FINISHED));
    server.enqueue(sse(STARTING + FINISHED));
    client.sessions().actStreaming(actParams()); // abandoned
    client.async().sessions().actStreaming(actParams()); // never subscribed: abandoned too
    assertThat(of(listener.await(all -> of(all, CallStarted.class).size() == 2, "two started"), CallEnded.class))
        .isEmpty();

    client.close();

    List<CallEnded> ends = of(listener.awaitEnded(2), CallEnded.class);
    assertThat(ends).extracting(CallEnded::outcome).containsOnly(CallOutcome.CANCELLED);
    assertThat(ends.stream().map(CallEvent::callId).collect(Collectors.toSet())).hasSize(2);
  }

  @Test
  void anAsyncStreamClosedBeforeItStartedIsCancelled() {
    WireFixtures.Gate gate = new WireFixtures.Gate(sse(STARTING + FINISHED));
    server.setDispatcher(gate);
    AsyncStreamResponse<StreamEvent> stream = async().actStreaming(actParams());
    gate.awaitArrival();

    stream.close();
    gate.release.countDown();

    CallEnded ended = listener.onlyEnd();
    assertThat(ended.outcome()).isEqualTo(CallOutcome.CANCELLED);
    assertThat(ended.streaming()).isTrue();
  }

  private void assertStreamed(CallOutcome outcome, Class<? extends Throwable> failure, String... received) {
    List<CallEvent> events = listener.awaitEnded(1);
    assertThat(events.get(0)).isInstanceOf(CallStarted.class);
    assertThat(((CallStarted) events.get(0)).streaming()).isTrue();
    assertThat(of(events, StreamEventReceived.class))
        .extracting(e -> e.type() + ":" + e.status().orElse("-"))
        .containsExactly(received);
    CallEnded ended = (CallEnded) events.get(events.size() - 1);
    assertThat(ended.streaming()).isTrue();
    assertThat(ended.outcome()).isEqualTo(outcome);
    assertThat(ended.failure()).isEqualTo(Optional.ofNullable(failure));
    assertThat(ended.status()).hasValue(200);
    assertThat(ended.attempts()).isEqualTo(1);
    assertThat(events).extracting(CallEvent::callId).containsOnly(ended.callId());
  }

  // ---- the listener's thread ----------------------------------------------------------------------

  @Test
  void aListenerThatThrowsIsLoggedOnceAndLaterEventsAreStillDelivered() {
    Logger logger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.events");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    logger.setAdditive(false);
    try {
      RecordingListener throwing = new RecordingListener() {
        @Override
        public Object captureContext() {
          throw new IllegalStateException("no context here");
        }

        @Override
        public void callStarted(CallStarted event) {
          record(event);
          throw new IllegalStateException("listener bug");
        }
      };
      StagehandClient client = mock.newClient(b -> b.callListener(throwing));
      mock.enqueue(WireFixtures.ACT_OK);
      mock.enqueue(WireFixtures.ACT_OK);

      client.sessions().act(actParams());
      client.sessions().act(actParams());

      List<CallEvent> events = throwing.awaitEnded(2);
      assertThat(kinds(events)).containsExactly("Started:act", "Ended:act", "Started:act", "Ended:act");
      assertThat(events).allSatisfy(e -> assertThat(e.context()).isEmpty());
      assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
    } finally {
      logger.detachAppender(log);
      logger.setAdditive(true);
    }
  }

  /** A listener whose {@code callStarted} waits for {@code release} (at most 20 s) before it records. */
  private static RecordingListener blockedUntil(CountDownLatch release) {
    return new RecordingListener() {
      @Override
      public void callStarted(CallStarted event) {
        try {
          release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        record(event);
      }
    };
  }

  @Test
  void aBlockedListenerDelaysNoCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RecordingListener blocked = blockedUntil(release);
    StagehandClient client = mock.newClient(b -> b.callListener(blocked));
    mock.enqueue(WireFixtures.ACT_OK);
    mock.enqueue(WireFixtures.ACT_OK);

    client.sessions().act(actParams());
    await(client.async().sessions().act(actParams()));

    assertThat(blocked.events).as("nothing delivered while the listener is blocked").isEmpty();
    release.countDown();
    assertThat(kinds(blocked.awaitEnded(2))).containsExactly("Started:act", "Ended:act", "Started:act", "Ended:act");
  }

  @Test
  void theContextIsCapturedOnTheCallingThreadAndEventsComeOnTheClientsOwn() {
    mock.enqueue(WireFixtures.ACT_OK);
    mock.enqueue(WireFixtures.ACT_OK);

    sessions().act(actParams());
    await(async().act(actParams()));

    List<CallEvent> events = listener.awaitEnded(2);
    assertThat(listener.captureThreads).containsExactly(Thread.currentThread(), Thread.currentThread());
    assertThat(events).extracting(e -> e.context().orElse(null)).containsExactly("ctx-1", "ctx-1", "ctx-2", "ctx-2");
    assertThat(new java.util.HashSet<>(listener.deliveryThreads)).hasSize(1);
    Thread delivery = listener.deliveryThreads.get(0);
    assertThat(delivery).isNotSameAs(Thread.currentThread());
    assertThat(delivery.getName()).startsWith("stagehand-call-listener-");
    assertThat(delivery.isDaemon()).isTrue();
  }

  @Test
  void noEventCarriesASecret() {
    String bbKey = "bb-key-secret-0123456789";
    String modelKey = "model-key-secret-0123456789";
    String variable = "hunter2-variable-value";
    StagehandClient client = mock.newClient(b -> b.browserbaseApiKey(bbKey).modelApiKey(modelKey).maxRetries(1));
    mock.enqueue(503, "{\"error\":\"busy " + bbKey + "\"}");
    mock.enqueue(400, "{\"error\":\"bad " + modelKey + " " + variable + "\"}");
    server.enqueue(sse(LOG.replace("clicking", variable) + ERROR_EVENT.replace("model down", variable)));
    SessionActParams params = SessionActParams.builder().id(SESSION).input("type %password%")
        .options(ActOptions.builder().putVariable("password", VariableValue.of(variable)).build()).build();

    assertThatThrownBy(() -> client.sessions().act(params)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(params)) {
        events.stream().forEach(e -> {});
      }
    }).isInstanceOf(SseException.class);

    List<CallEvent> events = listener.awaitEnded(2);
    assertThat(kinds(events)).contains("Retry:act", "StreamEvent:act");
    for (CallEvent event : events) {
      assertThat(event.toString()).doesNotContain(bbKey, modelKey, variable);
    }
  }

  @Test
  void closingTheClientDeliversWhatIsQueuedThenEndsTheThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RecordingListener slow = blockedUntil(release);
    StagehandClient client = mock.newClient(b -> b.callListener(slow));
    mock.enqueue(WireFixtures.START_OK);
    mock.enqueue(WireFixtures.END_OK);
    client.sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build()); // left open: ended by close()
    assertThat(slow.events).isEmpty();

    release.countDown();
    client.close();

    // close() returned: everything, the end of the session it ended included, was delivered
    assertThat(kinds(slow.events)).containsExactly("Started:start", "Ended:start", "Started:end", "Ended:end");
    assertThat(slow.events.get(2).sessionId()).contains(SESSION);
    Thread delivery = slow.deliveryThreads.get(0);
    awaitDead(delivery);
  }

  @Test
  void anAsynchronousCallsEndIsToldBeforeItsFutureCompletes() {
    // What runs when the future completes (here a close, which delivers what is queued, then a look at what the
    // listener heard) must find the call's end already told: else a close could return without it.
    RecordingListener recording = new RecordingListener();
    StagehandClient client = mock.newClient(b -> b.callListener(recording));
    mock.enqueue(WireFixtures.START_OK);
    List<String> heardAtCompletion = new CopyOnWriteArrayList<>();
    client.async().sessions().start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
        .thenRun(() -> {
          client.close();
          heardAtCompletion.addAll(kinds(recording.events));
        }).join();
    assertThat(heardAtCompletion).containsExactly("Started:start", "Ended:start");
  }

  @Test
  void withoutAListenerNoThreadIsMade() {
    Set<String> before = listenerThreads();
    StagehandClient plain = WireFixtures.builderFor(server).build();
    try {
      mock.enqueue(WireFixtures.ACT_OK);
      server.enqueue(sse(STARTING + FINISHED));
      plain.sessions().act(actParams());
      try (StreamResponse<StreamEvent> events = plain.sessions().actStreaming(actParams())) {
        events.stream().forEach(e -> {});
      }
      Set<String> made = listenerThreads();
      made.removeAll(before);
      assertThat(made).isEmpty();
    } finally {
      plain.close();
    }
  }

  // ---- derived clients ----------------------------------------------------------------------------

  @Test
  void aDerivedClientSharesTheListenerAndItsIdsUnlessItSetsAnother() throws Exception {
    StagehandClient root = mock.newClient(b -> {});
    StagehandClient same = root.withOptions(b -> b.maxRetries(1));
    RecordingListener other = new RecordingListener();
    StagehandClient derived = root.withOptions(b -> b.callListener(other));
    mock.enqueue(WireFixtures.ACT_OK);
    mock.enqueue(WireFixtures.ACT_OK);
    mock.enqueue(WireFixtures.ACT_OK);

    root.sessions().act(actParams());
    same.sessions().act(actParams());
    derived.sessions().act(actParams());

    List<CallEvent> mine = listener.awaitEnded(2);
    List<CallEvent> theirs = other.awaitEnded(1);
    assertThat(mine).extracting(CallEvent::callId).containsExactly(1L, 1L, 2L, 2L);
    assertThat(theirs).extracting(CallEvent::callId).containsExactly(3L, 3L);
    Thread rootThread = listener.deliveryThreads.get(0);
    Thread derivedThread = other.deliveryThreads.get(0);
    assertThat(derivedThread).isNotSameAs(rootThread);

    root.close();

    awaitDead(rootThread);
    awaitDead(derivedThread);
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private static Set<String> listenerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith("stagehand-call-listener-"))
        .collect(Collectors.toSet());
  }

  private static void awaitDead(Thread thread) throws InterruptedException {
    thread.join(10_000);
    assertThat(thread.isAlive()).as("%s ended", thread.getName()).isFalse();
  }

}
