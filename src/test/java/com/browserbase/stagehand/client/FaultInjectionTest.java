package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.FaultServer.closeAfter;
import static com.browserbase.stagehand.client.FaultServer.closeWhenIdle;
import static com.browserbase.stagehand.client.FaultServer.json;
import static com.browserbase.stagehand.client.FaultServer.neverAnswer;
import static com.browserbase.stagehand.client.FaultServer.raw;
import static com.browserbase.stagehand.client.FaultServer.resetAfter;
import static com.browserbase.stagehand.client.FaultServer.resetBeforeResponse;
import static com.browserbase.stagehand.client.FaultServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.errors.UnexpectedStatusCodeException;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.services.SessionService;
import com.browserbase.stagehand.services.SessionServiceAsync;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation, blocking, streaming and asynchronous, against every fault a network and a server
 * can produce: resets, short bodies, stalls, cut streams, stale pooled connections, interrupts, a
 * client closed under a call. Each case pins the exception's type, its message where the message is
 * the contract, its cause, how many requests reached the server, and (after each test) that closing
 * the client leaves no connection and no SDK thread behind.
 *
 * <p>Written from the transport's behaviour spec, ahead of the transport that meets it. No test
 * sleeps for retries: the sleeper and the scheduler record the waits and return at once.
 */
class FaultInjectionTest {
  private static final String SESSION = "s-1";
  /** Nothing a test waits for may take longer: beyond this a test fails instead of hanging. */
  private static final Duration LIMIT = Duration.ofSeconds(20);
  /** What "promptly" means here: generous, not a performance bound. */
  private static final Duration PROMPT = Duration.ofSeconds(5);
  /** The client's own timeout in these tests, so that no call can hang a test. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

  private static final String STARTING =
      "event: starting\ndata: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n";
  private static final String LOG =
      "event: log\ndata: {\"data\":{\"status\":\"running\",\"message\":\"working\"},\"type\":\"log\",\"id\":\"e2\"}\n\n";
  private static final String FINISHED =
      "event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":{\"ok\":true}},\"type\":\"system\",\"id\":\"e3\"}\n\n";
  /** A whole {@code finished} frame but for the blank line that would dispatch it. */
  private static final String FINISHED_WITHOUT_ITS_BLANK_LINE = FINISHED.substring(0, FINISHED.length() - 1);
  /** The first bytes of a frame, cut. */
  private static final String CUT_FRAME = "data: {\"type\":\"system\",\"da";

  private static final String ERROR_BODY = "{\"success\":false,\"error\":\"busy\"}";
  private static final String JSON_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

  private final WireFixtures.RecordingSleeper sleeper = new WireFixtures.RecordingSleeper();
  private final WireFixtures.RecordingScheduler scheduler = WireFixtures.RecordingScheduler.immediate();
  /** Everything a test created, closed and checked after it. */
  private final List<FaultServer> servers = new CopyOnWriteArrayList<>();
  private final List<StagehandClient> clients = new CopyOnWriteArrayList<>();
  private FaultServer server;
  private StagehandClient client;

  // ---- the operations ------------------------------------------------------------------------------

  /** How a test drives an operation: the blocking client, or the asynchronous one. */
  enum Mode { SYNC, ASYNC }

  @FunctionalInterface
  interface Call<S, P> {
    Object call(S service, P params, RequestOptions options);
  }

  /** Every operation of the API: its request, whether it has side effects, how it is called and answered. */
  enum Op {
    START("POST", "/v1/sessions/start", true, false, WireFixtures.START_OK,
        SessionStartParams.builder().modelName("openai/gpt-5-nano").build(),
        SessionService::start, SessionServiceAsync::start),
    NAVIGATE("POST", "/v1/sessions/s-1/navigate", false, false, WireFixtures.NAVIGATE_OK,
        navigateParams(), SessionService::navigate, SessionServiceAsync::navigate),
    ACT("POST", "/v1/sessions/s-1/act", true, false, WireFixtures.ACT_OK,
        actParams(), SessionService::act, SessionServiceAsync::act),
    OBSERVE("POST", "/v1/sessions/s-1/observe", false, false, WireFixtures.OBSERVE_OK,
        observeParams(), SessionService::observe, SessionServiceAsync::observe),
    EXTRACT("POST", "/v1/sessions/s-1/extract", false, false, WireFixtures.EXTRACT_OK,
        extractParams(), SessionService::extract, SessionServiceAsync::extract),
    EXECUTE_AGENT("POST", "/v1/sessions/s-1/agentExecute", true, false, WireFixtures.AGENT_OK,
        agentParams(), SessionService::executeAgent, SessionServiceAsync::executeAgent),
    REPLAY("GET", "/v1/sessions/s-1/replay", false, false, WireFixtures.REPLAY_OK,
        SessionReplayParams.builder().id(SESSION).build(), SessionService::replay, SessionServiceAsync::replay),
    END("POST", "/v1/sessions/s-1/end", false, false, WireFixtures.END_OK,
        SessionEndParams.builder().id(SESSION).build(), SessionService::end, SessionServiceAsync::end),
    NAVIGATE_STREAM("POST", "/v1/sessions/s-1/navigate", false, true, null,
        navigateParams(), SessionService::navigateStreaming, SessionServiceAsync::navigateStreaming),
    ACT_STREAM("POST", "/v1/sessions/s-1/act", true, true, null,
        actParams(), SessionService::actStreaming, SessionServiceAsync::actStreaming),
    OBSERVE_STREAM("POST", "/v1/sessions/s-1/observe", false, true, null,
        observeParams(), SessionService::observeStreaming, SessionServiceAsync::observeStreaming),
    EXTRACT_STREAM("POST", "/v1/sessions/s-1/extract", false, true, null,
        extractParams(), SessionService::extractStreaming, SessionServiceAsync::extractStreaming),
    EXECUTE_AGENT_STREAM("POST", "/v1/sessions/s-1/agentExecute", true, true, null,
        agentParams(), SessionService::executeAgentStreaming, SessionServiceAsync::executeAgentStreaming);

    final String method;
    final String path;
    final boolean sideEffects;
    final boolean streaming;
    private final String okJson;
    private final Function<SessionService, Function<RequestOptions, Object>> sync;
    private final Function<SessionServiceAsync, Function<RequestOptions, Object>> async;

    <P> Op(String method, String path, boolean sideEffects, boolean streaming, String okJson, P params,
        Call<SessionService, P> sync, Call<SessionServiceAsync, P> async) {
      this.method = method;
      this.path = path;
      this.sideEffects = sideEffects;
      this.streaming = streaming;
      this.okJson = okJson;
      this.sync = service -> options -> sync.call(service, params, options);
      this.async = service -> options -> async.call(service, params, options);
    }

    /** D of the spec: {@code POST /v1/sessions/s-1/act}. */
    String d() {
      return method + " " + path;
    }

    /** A successful answer that leaves the connection open for the next request. */
    FaultServer.Reply ok() {
      return streaming ? sse(STARTING, FINISHED).chunked() : json(200, okJson);
    }

    /** Calls the blocking method; a stream is returned open. */
    Object callSync(SessionService service, RequestOptions options) {
      return sync.apply(service).apply(options);
    }

    /** Calls the asynchronous method: a {@code CompletableFuture} or an {@code AsyncStreamResponse}. */
    Object callAsync(SessionServiceAsync service, RequestOptions options) {
      return async.apply(service).apply(options);
    }

    /** How the message of a failed stream read starts: {@code The stream of D}. */
    String streamOf() {
      return "The stream of " + d();
    }
  }

  private static SessionNavigateParams navigateParams() {
    return SessionNavigateParams.builder().id(SESSION).url("https://example.com").build();
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id(SESSION).input("click the login button").build();
  }

  private static SessionObserveParams observeParams() {
    return SessionObserveParams.builder().id(SESSION).instruction("find the login button").build();
  }

  private static SessionExtractParams extractParams() {
    return SessionExtractParams.builder().id(SESSION).instruction("the page title").build();
  }

  private static SessionExecuteAgentParams agentParams() {
    return SessionExecuteAgentParams.builder()
        .id(SESSION)
        .agentConfig(AgentConfig.builder().model("openai/gpt-5-nano").build())
        .executeOptions(AgentExecuteOptions.builder().instruction("log in").build())
        .build();
  }

  static Stream<Arguments> opsAndModes() {
    return combine(List.of(Op.values()), List.of(Mode.values()));
  }

  static Stream<Op> streamOps() {
    return Stream.of(Op.values()).filter(op -> op.streaming);
  }

  static Stream<Arguments> streamOpsAndModes() {
    return combine(streamOps().collect(Collectors.toList()), List.of(Mode.values()));
  }

  static Stream<Arguments> idempotentOpsAndModes() {
    return combine(Stream.of(Op.values()).filter(op -> !op.sideEffects).collect(Collectors.toList()),
        List.of(Mode.values()));
  }

  /** Every combination of the values of each list, in order. */
  static Stream<Arguments> combine(List<?>... dimensions) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(new ArrayList<>());
    for (List<?> dimension : dimensions) {
      List<List<Object>> longer = new ArrayList<>();
      for (List<Object> row : rows) {
        for (Object value : dimension) {
          List<Object> copy = new ArrayList<>(row);
          copy.add(value);
          longer.add(copy);
        }
      }
      rows = longer;
    }
    return rows.stream().map(row -> Arguments.of(row.toArray()));
  }

  // ---- setup and the checks after each test -----------------------------------------------------------

  @BeforeEach
  void start() throws IOException {
    server = newServer();
    client = newClient(server.url(), b -> {});
  }

  private FaultServer newServer() throws IOException {
    FaultServer created = FaultServer.start();
    servers.add(created);
    return created;
  }

  private StagehandClient newClient(String baseUrl, Consumer<StagehandOkHttpClient.Builder> change) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .baseUrl(baseUrl)
        .timeout(CLIENT_TIMEOUT)
        .sleeper(sleeper)
        .scheduler(scheduler);
    change.accept(builder);
    StagehandClient created = builder.build();
    clients.add(created);
    return created;
  }

  private void replaceClient(String baseUrl) {
    client = newClient(baseUrl, b -> {});
  }

  @AfterEach
  void closingTheClientLeavesNoConnectionAndNoThread() throws Exception {
    try {
      for (StagehandClient each : clients) {
        each.close();
      }
      for (FaultServer each : servers) {
        assertAllConnectionsClosed(each);
      }
      assertNoStagehandThreadLeft();
    } finally {
      for (FaultServer each : servers) {
        each.close();
      }
    }
    for (FaultServer each : servers) {
      assertThat(each.errors()).as("failures inside the fault server").isEmpty();
    }
  }

  private static void assertAllConnectionsClosed(FaultServer server) throws InterruptedException {
    assertThat(server.awaitAllClientConnectionsClosed(PROMPT))
        .as("every connection closed by the client within %s; still open: %s", PROMPT, server.openConnections())
        .isTrue();
  }

  private static void assertNoStagehandThreadLeft() throws InterruptedException {
    long deadline = System.nanoTime() + PROMPT.toNanos();
    List<String> left;
    do {
      left = Thread.getAllStackTraces().keySet().stream()
          .filter(Thread::isAlive)
          .map(Thread::getName)
          .filter(name -> name.startsWith("stagehand-") && !name.equals("stagehand-retry-timer"))
          .collect(Collectors.toList());
      if (left.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline);
    assertThat(left).as("SDK threads alive %s after the client was closed", PROMPT).isEmpty();
  }

  // ---- running one operation ------------------------------------------------------------------------

  /** What a call gave: its value or failure, the events a stream delivered, what an async handler was told. */
  record Outcome(Object value, List<StreamEvent> events, Throwable failure, List<Optional<Throwable>> completions) {
    List<String> eventIds() {
      return events.stream().map(StreamEvent::id).collect(Collectors.toList());
    }
  }

  private Outcome run(Op op, Mode mode, RequestOptions options) {
    return run(client, op, mode, options);
  }

  private static Outcome run(StagehandClient client, Op op, Mode mode, RequestOptions options) {
    return assertTimeoutPreemptively(LIMIT,
        () -> mode == Mode.SYNC ? runSync(client, op, options) : runAsync(client, op, options),
        () -> op + " " + mode + " did not end within " + LIMIT);
  }

  /** Calls the blocking method on this thread; a stream is read to its end. */
  private static Outcome runSync(StagehandClient client, Op op, RequestOptions options) {
    List<StreamEvent> events = new ArrayList<>();
    try {
      if (!op.streaming) {
        return new Outcome(op.callSync(client.sessions(), options), events, null, List.of());
      }
      try (StreamResponse<StreamEvent> stream = openStream(client.sessions(), op, options)) {
        stream.stream().forEach(events::add);
      }
      return new Outcome(null, events, null, List.of());
    } catch (Throwable e) { // Kotlin code can throw checked exceptions undeclared
      return new Outcome(null, events, e, List.of());
    }
  }

  @SuppressWarnings("unchecked")
  private static StreamResponse<StreamEvent> openStream(SessionService service, Op op, RequestOptions options) {
    return (StreamResponse<StreamEvent>) op.callSync(service, options);
  }

  @SuppressWarnings("unchecked")
  private static AsyncStreamResponse<StreamEvent> openAsyncStream(
      SessionServiceAsync service, Op op, RequestOptions options) {
    return (AsyncStreamResponse<StreamEvent>) op.callAsync(service, options);
  }

  /** Calls the asynchronous method and waits for its future, or for its stream's end. */
  private static Outcome runAsync(StagehandClient client, Op op, RequestOptions options) throws Exception {
    SessionServiceAsync service = client.async().sessions();
    if (!op.streaming) {
      CompletableFuture<?> future = (CompletableFuture<?>) op.callAsync(service, options);
      try {
        return new Outcome(future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS), List.of(), null, List.of());
      } catch (ExecutionException e) {
        return new Outcome(null, List.of(), unwrap(e), List.of());
      }
    }
    Recorder recorder = new Recorder();
    AsyncStreamResponse<StreamEvent> stream = openAsyncStream(service, op, options);
    Throwable failure = null;
    try {
      stream.subscribe(recorder);
      stream.onCompleteFuture().get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      failure = unwrap(e);
    } finally {
      stream.close();
    }
    assertThat(recorder.ended.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
        .as("the handler was told of the end").isTrue();
    return new Outcome(null, recorder.events, failure, recorder.completions);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Records what an async stream's handler was told. */
  static final class Recorder implements AsyncStreamResponse.Handler<StreamEvent> {
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();
    final List<Optional<Throwable>> completions = new CopyOnWriteArrayList<>();
    final CountDownLatch firstEvent = new CountDownLatch(1);
    final CountDownLatch ended = new CountDownLatch(1);

    @Override
    public void onNext(StreamEvent item) {
      events.add(item);
      firstEvent.countDown();
    }

    @Override
    public void onComplete(Optional<Throwable> error) {
      completions.add(error);
      ended.countDown();
    }
  }

  /**
   * The failure of {@code outcome}, which must have failed; for an async stream, checks that the
   * handler was told of the same failure, once.
   */
  private static Throwable failureOf(Outcome outcome, Op op, Mode mode) {
    assertThat(outcome.failure())
        .as("%s %s should fail; it gave %s and events %s", op, mode, outcome.value(), outcome.eventIds())
        .isNotNull();
    if (mode == Mode.ASYNC && op.streaming) {
      assertThat(outcome.completions()).as("what the handler's onComplete was given").hasSize(1);
      assertThat(outcome.completions().get(0)).as("the handler's error").containsSame(outcome.failure());
    }
    return outcome.failure();
  }

  /**
   * The failure of {@code outcome}: a {@link StagehandIoException} naming D, never saying "null", its
   * I/O failure kept.
   */
  private static StagehandIoException ioFailureOf(Outcome outcome, Op op, Mode mode) {
    Throwable failure = failureOf(outcome, op, mode);
    assertThat(failure).as("%s %s failed with", op, mode).isInstanceOf(StagehandIoException.class);
    assertThat(failure.getMessage()).contains(op.d()).doesNotContain("null");
    assertThat(failure.getCause()).as("the cause of: " + failure.getMessage()).isInstanceOf(IOException.class);
    return (StagehandIoException) failure;
  }

  /** The server saw {@code count} requests, each of them {@code op}'s. */
  private void assertRequests(Op op, int count) {
    assertThat(server.requests()).extracting(FaultServer.Request::line)
        .as("requests the server saw")
        .hasSize(count)
        .allMatch(op.d()::equals);
  }

  /** Retry waits the client asked for: blocking calls sleep, asynchronous ones schedule. */
  private void assertRetries(int count) {
    assertThat(sleeper.sleeps.size() + scheduler.delays.size())
        .as("retry waits (sleeps %s, scheduled %s)", sleeper.sleeps, scheduler.delays)
        .isEqualTo(count);
  }

  private static RequestOptions timeout(Duration timeout) {
    return RequestOptions.builder().timeout(timeout).build();
  }

  private static String events(int n) {
    return n == 1 ? "1 event" : n + " events";
  }

  // ---- 1. a stale pooled connection -------------------------------------------------------------------

  /** One operation's client and server for the stale connection test. */
  record StaleCase(Op op, Mode mode, FaultServer server, StagehandClient client, okhttp3.OkHttpClient users) {
    /** Closes the client and, since the pool is the user's and the client leaves it alone, the pool. */
    void close() {
      client.close();
      if (users != null) {
        users.connectionPool().evictAll();
      }
    }
  }

  /** The idle bound of the first stale-connection test, in ms: shorter than the server's idle close. */
  private static final long IDLE_BOUND = 50;

  /**
   * A call on a connection the server closed while it sat idle in the pool is not failed with
   * "unexpected end of stream": the second call succeeds, on a new connection. The client is built on
   * an {@code OkHttpClient} of the user's, whose pool keeps idle connections for 5 minutes, so that
   * only the SDK's idle guard stands between the call and the dead connection.
   *
   * <p>The first calls of every case are made first, then one short wait for all of them, then each
   * case's second call runs as its own dynamic test.
   */
  @TestFactory
  Stream<DynamicTest> aConnectionTheServerClosedWhileIdleIsNotReused() throws Exception {
    return secondCalls(staleCases(Op.values(), Mode.values(), FaultServer.IDLE_CLOSE_DELAY, IDLE_BOUND + 20,
        okhttp3.OkHttpClient::new, b -> b.maxIdleConnection(Duration.ofMillis(IDLE_BOUND))));
  }

  /**
   * The outside report's proxy: it closes a kept-alive connection after 150 ms idle, and the next call comes
   * 400 ms later, well within the client's idle bound (2 s by default). The connection is found closed before
   * the request is written on it, and the call goes out on a new one: no "unexpected end of stream", no retry,
   * and never an operation sent twice.
   */
  @TestFactory
  Stream<DynamicTest> aConnectionAProxyClosedAfter150MsIdleIsNotUsedByTheNextCall400MsLater() throws Exception {
    return secondCalls(staleCases(Op.values(), Mode.values(), Duration.ofMillis(150), 400, null, b -> {}));
  }

  /**
   * The same with a socket factory of the user's, whose sockets the SDK did not make (as on JDKs before 13):
   * the connection is checked all the same, by a read of at most 1 ms.
   */
  @TestFactory
  Stream<DynamicTest> aConnectionAProxyClosedIsNotUsedOnSocketsOfTheUsersOwn() throws Exception {
    return secondCalls(staleCases(new Op[] {Op.ACT, Op.START, Op.OBSERVE, Op.REPLAY, Op.ACT_STREAM}, Mode.values(),
        Duration.ofMillis(150), 400, () -> new okhttp3.OkHttpClient.Builder().socketFactory(new PlainSockets()).build(),
        b -> {}));
  }

  /**
   * However long the idle bound, a side-effecting call never goes out on a connection the server has closed:
   * with a bound of a minute, the call succeeds on a new connection.
   */
  @Test
  void withALongIdleBoundASideEffectingCallStillAvoidsTheDeadConnection() throws Exception {
    StaleCase act = staleCases(new Op[] {Op.ACT}, new Mode[] {Mode.SYNC}, FaultServer.IDLE_CLOSE_DELAY, 50,
        okhttp3.OkHttpClient::new, b -> b.maxIdleConnection(Duration.ofMinutes(1))).get(0);

    Outcome second = run(act.client(), act.op(), act.mode(), RequestOptions.none());

    assertThat(second.failure()).as("the second act").isNull();
    assertThat(act.server().requests()).extracting(FaultServer.Request::line).containsExactly(Op.ACT.d(), Op.ACT.d());
    assertThat(act.server().connectionCount()).as("connections").isEqualTo(2);
    assertRetries(0);
    act.close();
  }

  /** Plain sockets, as the JDK's default factory makes them: a factory of the user's own. */
  static final class PlainSockets extends javax.net.SocketFactory {
    @Override
    public java.net.Socket createSocket() {
      return new java.net.Socket();
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws IOException {
      return new java.net.Socket(host, port);
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
        throws IOException {
      return new java.net.Socket(host, port, local, localPort);
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      return new java.net.Socket(host, port);
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
        int localPort) throws IOException {
      return new java.net.Socket(host, port, local, localPort);
    }
  }

  /** Each case's second call, as a dynamic test: it succeeds, on a second connection, without a retry. */
  private Stream<DynamicTest> secondCalls(List<StaleCase> cases) {
    return cases.stream().map(each -> DynamicTest.dynamicTest(each.op() + " " + each.mode(), () -> {
      Outcome second = run(each.client(), each.op(), each.mode(), RequestOptions.none());

      assertThat(second.failure()).as("the second call of %s %s", each.op(), each.mode()).isNull();
      assertThat(each.server().requests()).extracting(FaultServer.Request::line).as("requests")
          .containsExactly(each.op().d(), each.op().d());
      assertThat(each.server().connectionCount()).as("connections").isEqualTo(2);
      assertRetries(0);
      each.close();
      assertAllConnectionsClosed(each.server());
    }));
  }

  /**
   * Makes each case's first call on a server of its own that closes the connection {@code serverIdleClose}
   * after answering, waits until every server has, then {@code pauseMs} more: the second calls come that
   * long after the first. With {@code users}, each client is built on an {@code OkHttpClient} of the user's,
   * whose pool keeps idle connections for 5 minutes: only the SDK's guard keeps a call off them. Without, the
   * client has its own.
   */
  private List<StaleCase> staleCases(Op[] ops, Mode[] modes, Duration serverIdleClose, long pauseMs,
      java.util.function.Supplier<okhttp3.OkHttpClient> users, Consumer<StagehandOkHttpClient.Builder> change)
      throws Exception {
    List<StaleCase> cases = new ArrayList<>();
    for (Op op : ops) {
      for (Mode mode : modes) {
        FaultServer own = newServer();
        okhttp3.OkHttpClient pool = users != null ? users.get() : null;
        StagehandClient ownClient = newClient(own.url(), b -> change.accept(pool != null ? b.okHttpClient(pool) : b));
        own.enqueue(closeWhenIdle(op.ok(), serverIdleClose), op.ok());
        Outcome first = run(ownClient, op, mode, RequestOptions.none());
        assertThat(first.failure()).as("the first call of %s %s", op, mode).isNull();
        cases.add(new StaleCase(op, mode, own, ownClient, pool));
      }
    }
    long deadline = System.nanoTime() + PROMPT.toNanos();
    for (StaleCase each : cases) {
      while (each.server().idleClosures() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(each.server().idleClosures()).as("the server closed the idle connection of %s", each).isEqualTo(1);
    }
    Thread.sleep(pauseMs);
    return cases;
  }

  // ---- 2. a network failure while reading a response body -----------------------------------------------

  /** A 200 JSON answer whose body the network breaks. */
  enum BodyFault {
    RESET_IN_BODY(op -> resetAfter(JSON_HEAD + "Content-Length: 100\r\n\r\n{\"success\":true,\"da")),
    RESET_IN_AN_ARRAY_OF_A_CLOSE_DELIMITED_BODY(op -> resetAfter(JSON_HEAD + "Connection: close\r\n\r\n"
        + arrayPrefix(op))),
    RESET_IN_A_CHUNK(op -> resetAfter(JSON_HEAD + "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"success\":true,\"data\":{")),
    FIN_AFTER_10_OF_100_BYTES(op -> closeAfter(JSON_HEAD + "Content-Length: 100\r\n\r\n{\"success\""));

    final Function<Op, FaultServer.Reply> reply;

    BodyFault(Function<Op, FaultServer.Reply> reply) {
      this.reply = reply;
    }
  }

  /**
   * The start of {@code op}'s answer, cut inside a JSON array after its first element: of the right
   * shape so far, so that only the network can make it fail.
   */
  private static String arrayPrefix(Op op) {
    switch (op) {
      case START:
        return "{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true,\"extra\":[{\"selector\":\"a\"},";
      case ACT:
      case ACT_STREAM:
        return "{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"done\",\"actions\":[{\"selector\":\"a\"},";
      case EXECUTE_AGENT:
      case EXECUTE_AGENT_STREAM:
        return "{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"done\",\"actions\":[{\"type\":\"act\"},";
      case REPLAY:
        return "{\"success\":true,\"data\":{\"pages\":[{\"url\":\"https://example.com\"},";
      case END:
        return "{\"success\":true,\"extra\":[{\"selector\":\"a\"},";
      default: // navigate, observe, extract: data.result is an array of actions, or any JSON
        return "{\"success\":true,\"data\":{\"result\":[{\"selector\":\"a\"},";
    }
  }

  static Stream<Arguments> opsModesAndBodyFaults() {
    return combine(List.of(Op.values()), List.of(Mode.values()), List.of(BodyFault.values()));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("opsModesAndBodyFaults")
  void aNetworkFailureWhileReadingTheBodyIsAnIoErrorRetriedOnlyWhenIdempotent(Op op, Mode mode, BodyFault fault) {
    server.enqueue(3, fault.reply.apply(op));

    Outcome outcome = run(op, mode, RequestOptions.none());

    ioFailureOf(outcome, op, mode);
    // A JSON answer to a streaming request is a whole answer, not a stream: the blocking rules apply.
    int attempts = op.sideEffects ? 1 : 3;
    assertRequests(op, attempts);
    assertRetries(attempts - 1);
  }

  // ---- 3. a 200 JSON answer that is an error, of the wrong shape, or not JSON ------------------------------

  enum JsonAnswer {
    SUCCESS_FALSE("{\"success\":false,\"error\":\"boom\"}"),
    DATA_IS_A_NUMBER("{\"data\":123}"),
    NOT_JSON("hello");

    final String body;

    JsonAnswer(String body) {
      this.body = body;
    }
  }

  static Stream<Arguments> opsModesJsonAnswersAndValidation() {
    return combine(List.of(Op.values()), List.of(Mode.values()), List.of(JsonAnswer.values()), List.of(false, true))
        // end's response has no data: {"data":123} is only an unknown property there
        .filter(args -> !(args.get()[0] == Op.END && args.get()[2] == JsonAnswer.DATA_IS_A_NUMBER));
  }

  @ParameterizedTest(name = "{0} {1}: {2}, responseValidation {3}")
  @MethodSource("opsModesJsonAnswersAndValidation")
  void aJsonAnswerGetsTheChecksOfABlockingCallAndIsNeverRetried(
      Op op, Mode mode, JsonAnswer answer, boolean validation) {
    server.enqueue(3, json(200, answer.body));

    Outcome outcome = run(op, mode, RequestOptions.builder().responseValidation(validation).build());

    Throwable failure = failureOf(outcome, op, mode);
    if (answer == JsonAnswer.SUCCESS_FALSE) {
      assertThat(failure).isInstanceOf(UnexpectedStatusCodeException.class);
      UnexpectedStatusCodeException error = (UnexpectedStatusCodeException) failure;
      assertThat(error.statusCode()).isEqualTo(200);
      assertThat(error.message()).isEqualTo("boom");
    } else {
      assertThat(failure).isInstanceOf(StagehandInvalidDataException.class);
    }
    assertThat(outcome.events()).as("events delivered").isEmpty();
    assertRequests(op, 1);
    assertRetries(0);
  }

  // ---- 4. maxRetries is exact ------------------------------------------------------------------------

  enum RetryableStatus {
    REQUEST_TIMEOUT_408(408, json(408, ERROR_BODY)),
    SERVICE_UNAVAILABLE_503_RETRY_AFTER_0(503, json(503, ERROR_BODY, Map.of("Retry-After", "0")));

    final int status;
    final FaultServer.Reply reply;

    RetryableStatus(int status, FaultServer.Reply reply) {
      this.status = status;
      this.reply = reply;
    }

    void check(Throwable failure) {
      assertThat(failure).isInstanceOf(status == 408 ? UnexpectedStatusCodeException.class : InternalServerException.class);
      assertThat(((StagehandServiceException) failure).statusCode()).isEqualTo(status);
    }
  }

  static Stream<Arguments> opsModesAndRetryableStatuses() {
    return combine(List.of(Op.values()), List.of(Mode.values()), List.of(RetryableStatus.values()));
  }

  static Stream<Arguments> idempotentOpsModesAndRetryableStatuses() {
    return combine(Stream.of(Op.values()).filter(op -> !op.sideEffects).collect(Collectors.toList()),
        List.of(Mode.values()), List.of(RetryableStatus.values()));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("opsModesAndRetryableStatuses")
  void withMaxRetriesZeroARequestIsSentExactlyOnce(Op op, Mode mode, RetryableStatus status) {
    server.enqueue(6, status.reply);

    Outcome outcome = run(op, mode, RequestOptions.builder().maxRetries(0).build());

    assertRequests(op, 1);
    assertRetries(0);
    status.check(failureOf(outcome, op, mode));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("idempotentOpsModesAndRetryableStatuses")
  void withMaxRetriesOneAnIdempotentRequestIsSentExactlyTwice(Op op, Mode mode, RetryableStatus status) {
    server.enqueue(6, status.reply);

    Outcome outcome = run(op, mode, RequestOptions.builder().maxRetries(1).build());

    assertRequests(op, 2);
    assertRetries(1);
    status.check(failureOf(outcome, op, mode));
  }

  // ---- 5. interrupts --------------------------------------------------------------------------------

  /** A blocking call made on a thread of its own, so that the test can interrupt it. */
  static final class Caller {
    final Thread thread;
    final CountDownLatch firstEvent = new CountDownLatch(1);
    volatile Outcome outcome;
    volatile boolean interruptedAfter;

    private Caller(String name, Function<Caller, Outcome> body) {
      thread = new Thread(() -> {
        try {
          outcome = body.apply(this);
        } catch (Throwable e) {
          outcome = new Outcome(null, List.of(), e, List.of());
        }
        interruptedAfter = Thread.currentThread().isInterrupted();
      }, name);
      thread.setDaemon(true);
    }

    static Caller start(Function<Caller, Outcome> body) {
      Caller caller = new Caller("fault-test-caller", body);
      caller.thread.start();
      return caller;
    }

    /**
     * Waits until the call ended; fails if it did not within {@code limit}, after interrupting the
     * caller so that it does not outlive the test.
     */
    Outcome awaitEnd(Duration limit) throws InterruptedException {
      thread.join(limit.toMillis());
      boolean ended = !thread.isAlive();
      if (!ended) {
        thread.interrupt();
        thread.join(CLIENT_TIMEOUT.toMillis());
      }
      assertThat(ended).as("the call ended within %s", limit).isTrue();
      return outcome;
    }
  }

  private static void assertInterrupted(Caller caller, Throwable failure) {
    assertThat(failure).isInstanceOf(StagehandIoException.class);
    assertThat(failure.getCause()).isInstanceOf(InterruptedIOException.class);
    assertThat(caller.interruptedAfter).as("the thread is still marked interrupted").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Op.class)
  void interruptingTheThreadOfABlockedCallEndsItAtOnce(Op op) throws Exception {
    server.enqueue(neverAnswer());

    Caller caller = Caller.start(self -> runSync(client, op, RequestOptions.none()));
    server.awaitRequest(1, PROMPT);
    caller.thread.interrupt();
    Outcome outcome = caller.awaitEnd(PROMPT);

    Throwable failure = failureOf(outcome, op, Mode.SYNC);
    assertInterrupted(caller, failure);
    assertThat(failure).hasMessage(op.d() + " was interrupted");
    assertRequests(op, 1);
    assertRetries(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamOps")
  void interruptingTheThreadOfABlockedStreamReadEndsIt(Op op) throws Exception {
    server.enqueue(sse(STARTING).thenStall());

    Caller caller = Caller.start(self -> {
      List<StreamEvent> events = new ArrayList<>();
      try (StreamResponse<StreamEvent> stream = openStream(client.sessions(), op, RequestOptions.none())) {
        Iterator<StreamEvent> it = stream.stream().iterator();
        events.add(it.next());
        self.firstEvent.countDown();
        events.add(it.next()); // blocks: the server sends nothing more
        return new Outcome(null, events, null, List.of());
      } catch (Throwable e) {
        return new Outcome(null, events, e, List.of());
      }
    });
    assertThat(caller.firstEvent.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).as("the first event arrived").isTrue();
    Thread.sleep(100); // lets the caller block in its read; interrupting before that must work as well
    caller.thread.interrupt();
    Outcome outcome = caller.awaitEnd(PROMPT);

    Throwable failure = failureOf(outcome, op, Mode.SYNC);
    assertInterrupted(caller, failure);
    assertThat(failure.getMessage()).startsWith(op.streamOf() + " was interrupted");
    assertThat(outcome.eventIds()).containsExactly("e1");
    assertRequests(op, 1);
    assertRetries(0);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Op.class)
  void aThreadInterruptedBeforeTheCallFailsTheSameWayAtOnce(Op op) throws Exception {
    server.enqueue(neverAnswer());

    Caller caller = Caller.start(self -> {
      Thread.currentThread().interrupt();
      return runSync(client, op, RequestOptions.none());
    });
    Outcome outcome = caller.awaitEnd(PROMPT);

    Throwable failure = failureOf(outcome, op, Mode.SYNC);
    assertInterrupted(caller, failure);
    assertThat(failure).hasMessage(op.d() + " was interrupted");
    assertThat(server.requestCount()).as("requests the server saw").isLessThanOrEqualTo(1);
    assertRetries(0);
  }

  // ---- 5b. an interrupt while waiting to retry ---------------------------------------------------------------

  /** A 503 asking for a retry in 3 s: every operation retries it, side effects or not. */
  private static final FaultServer.Reply BUSY_RETRY_IN_3_S = json(503, ERROR_BODY, Map.of("Retry-After", "3"));

  /** A sleeper that really waits, interruptibly, and says when a wait began. */
  static final class WaitingSleeper implements com.browserbase.stagehand.internal.http.Sleeper {
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    final CountDownLatch waiting = new CountDownLatch(1);

    @Override
    public void sleep(long millis) throws InterruptedException {
      sleeps.add(millis);
      waiting.countDown();
      Thread.sleep(millis);
    }
  }

  /**
   * The outside report's case, for every operation (a stream opened and read): a 503 with {@code Retry-After:
   * 3}, and the caller's thread interrupted while it waits to retry. The call ends at once with the
   * interrupted-call exception, the flag set again, and the retry is never sent. The client's timeout is long
   * enough for the wait: a retry that would start after the call's deadline is not waited for at all.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Op.class)
  void interruptingTheThreadWhileItWaitsToRetryEndsTheCallAtOnce(Op op) throws Exception {
    server.enqueue(3, BUSY_RETRY_IN_3_S);
    WaitingSleeper waits = new WaitingSleeper();
    StagehandClient patient = newClient(server.url(), b -> b.timeout(Duration.ofSeconds(30)).sleeper(waits));

    Caller caller = Caller.start(self -> runSync(patient, op, RequestOptions.none()));
    assertThat(waits.waiting.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).as("the call waits to retry").isTrue();
    caller.thread.interrupt();
    Outcome outcome = caller.awaitEnd(PROMPT);

    Throwable failure = failureOf(outcome, op, Mode.SYNC);
    assertThat(failure).isInstanceOf(StagehandIoException.class).hasMessage(op.d() + " was interrupted");
    assertThat(failure).hasCauseInstanceOf(InterruptedIOException.class);
    assertThat(caller.interruptedAfter).as("the thread is still marked interrupted").isTrue();
    assertThat(waits.sleeps).containsExactly(3000L);
    assertRequests(op, 1);
  }

  /** A 503 asking for a retry in 20 s: far longer than a call that ends at once takes. */
  private static final FaultServer.Reply BUSY_RETRY_IN_20_S = json(503, ERROR_BODY, Map.of("Retry-After", "20"));

  /**
   * Closing the client while a blocking call waits to retry (the real wait, not a test's sleeper) ends the call at
   * once, as cancelled by the close, instead of when the 20 s wait is over; the retry is never sent.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Op.class)
  void closingTheClientWhileACallWaitsToRetryEndsTheCallAtOnce(Op op) throws Exception {
    server.enqueue(3, BUSY_RETRY_IN_20_S);
    StagehandClient patient = newClient(server.url(),
        b -> b.timeout(Duration.ofSeconds(60)).sleeper(com.browserbase.stagehand.internal.http.Sleeper.SYSTEM));

    Caller caller = Caller.start(self -> runSync(patient, op, RequestOptions.none()));
    long deadline = System.nanoTime() + PROMPT.toNanos();
    while (!(server.requestCount() == 1 && caller.thread.getState() == Thread.State.TIMED_WAITING)
        && System.nanoTime() < deadline) {
      Thread.sleep(5); // until the call waits to retry
    }
    assertThat(caller.thread.getState()).as("the call waits to retry").isEqualTo(Thread.State.TIMED_WAITING);
    patient.close();
    Outcome outcome = caller.awaitEnd(PROMPT);

    Throwable failure = failureOf(outcome, op, Mode.SYNC);
    assertThat(failure).isInstanceOf(StagehandIoException.class)
        .hasMessage(op.d() + " was cancelled: the client was closed");
    assertRequests(op, 1);
  }

  /**
   * The asynchronous twin: the caller gives up on the call (cancels its future, or closes its stream) while
   * the retry waits. The call ends then, and the retry, when its time comes, is not sent.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Op.class)
  void givingUpOnAnAsyncCallWhileItWaitsToRetryEndsItAndSendsNoRetry(Op op) throws Exception {
    server.enqueue(3, BUSY_RETRY_IN_3_S);
    WireFixtures.RecordingScheduler manual = WireFixtures.RecordingScheduler.manual();
    StagehandClient patient = newClient(server.url(), b -> b.timeout(Duration.ofSeconds(30)).scheduler(manual));
    Recorder recorder = new Recorder();
    AsyncStreamResponse<StreamEvent> stream = null;
    CompletableFuture<?> future = null;
    if (op.streaming) {
      stream = openAsyncStream(patient.async().sessions(), op, RequestOptions.none());
      stream.subscribe(recorder);
    } else {
      future = (CompletableFuture<?>) op.callAsync(patient.async().sessions(), RequestOptions.none());
    }
    Runnable retry = manual.nextPending();

    CompletableFuture<?> ended;
    if (stream != null) {
      stream.close();
      ended = stream.onCompleteFuture();
    } else {
      future.cancel(true);
      ended = future;
    }
    retry.run();

    if (op.streaming) {
      assertThat(recorder.ended.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).as("the handler was told").isTrue();
      assertThat(recorder.completions).as("a closed stream ends quietly").containsExactly(Optional.empty());
      assertThatCode(() -> ended.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
          .as("the stream ended quietly when its caller closed it").doesNotThrowAnyException();
    } else {
      assertThat(ended).as("the call ended when its caller gave up").isDone();
      assertThat(ended.isCompletedExceptionally()).as("the future completed exceptionally").isTrue();
    }
    assertThat(manual.delays).containsExactly(3000L);
    assertRequests(op, 1);
  }

  // ---- 6. closing an async stream while its events are read --------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("streamOps")
  void closingAnAsyncStreamFromAnotherThreadWhileItsEventsAreReadIsQuiet(Op op) throws Exception {
    String[] many = new String[20];
    for (int i = 0; i < many.length; i++) {
      many[i] = "event: log\ndata: {\"data\":{\"status\":\"running\",\"message\":\"line " + i
          + "\"},\"type\":\"log\",\"id\":\"l" + i + "\"}\n\n";
    }
    int rounds = 50;
    server.enqueue(rounds, sse(many).thenStall());

    for (int round = 0; round < rounds; round++) {
      AsyncStreamResponse<StreamEvent> stream = openAsyncStream(client.async().sessions(), op, RequestOptions.none());
      Recorder recorder = new Recorder();
      stream.subscribe(recorder);
      assertThat(recorder.firstEvent.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
          .as("round %d: the first event arrived (requests %d, connections %d, handler told %s, future %s)",
              round, server.requestCount(), server.connectionCount(), recorder.completions, stream.onCompleteFuture())
          .isTrue();

      assertThatCode(stream::close).as("round %d: close()", round).doesNotThrowAnyException();

      assertThatCode(() -> stream.onCompleteFuture().get(PROMPT.toMillis(), TimeUnit.MILLISECONDS))
          .as("round %d: onCompleteFuture completes normally", round).doesNotThrowAnyException();
      assertThat(recorder.ended.await(PROMPT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      assertThat(recorder.completions).as("round %d: onComplete", round).containsExactly(Optional.empty());
    }
    assertRequests(op, rounds);
  }

  // ---- 7. timeouts: never retried ----------------------------------------------------------------------

  static Stream<Arguments> observeAndObserveStreamingInBothModes() {
    return combine(List.of(Op.OBSERVE, Op.OBSERVE_STREAM), List.of(Mode.values()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("observeAndObserveStreamingInBothModes")
  void aStalledObserveTimesOutOnceWithTheTimeoutInItsMessage(Op op, Mode mode) {
    server.enqueue(3, neverAnswer());

    Outcome outcome = run(op, mode, timeout(Duration.ofSeconds(1)));

    assertThat(ioFailureOf(outcome, op, mode)).hasMessage(op.d() + " failed: no response within the 1 s timeout");
    assertRequests(op, 1);
    assertRetries(0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("opsAndModes")
  void noStalledCallIsRetriedAfterItsTimeout(Op op, Mode mode) {
    server.enqueue(3, neverAnswer());

    Outcome outcome = run(op, mode, timeout(Duration.ofMillis(500)));

    assertThat(ioFailureOf(outcome, op, mode)).hasMessage(op.d() + " failed: no response within the 500 ms timeout");
    assertRequests(op, 1);
    assertRetries(0);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mode.class)
  void aStreamThatStallsAfterAnEventFailsAfterItsTimeoutWithoutRetry(Mode mode) {
    Op op = Op.OBSERVE_STREAM;
    server.enqueue(3, sse(STARTING).thenStall());

    Outcome outcome = run(op, mode, timeout(Duration.ofSeconds(1)));

    assertThat(ioFailureOf(outcome, op, mode).getMessage())
        .startsWith(op.streamOf() + " failed after 1 event: no event within the 1 s timeout");
    assertThat(outcome.eventIds()).containsExactly("e1");
    assertRequests(op, 1);
    assertRetries(0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("streamOpsAndModes")
  void noStreamIsRetriedWhenItStallsAfterItsHeaders(Op op, Mode mode) {
    server.enqueue(3, sse(STARTING, LOG).thenStall());

    Outcome outcome = run(op, mode, timeout(Duration.ofMillis(500)));

    assertThat(ioFailureOf(outcome, op, mode).getMessage())
        .startsWith(op.streamOf() + " failed after 2 events: no event within the 500 ms timeout");
    assertThat(outcome.eventIds()).containsExactly("e1", "e2");
    assertRequests(op, 1);
    assertRetries(0);
  }

  // ---- 8. a stream cut short -----------------------------------------------------------------------------

  /** An event stream that ends before its {@code finished} event. */
  enum StreamCut {
    CUT_IN_A_FRAME_AFTER_2_EVENTS(sse(STARTING, LOG).thenCut(CUT_FRAME), 2, true),
    FINISHED_FRAME_WITHOUT_ITS_BLANK_LINE_AFTER_1_EVENT(sse(STARTING).thenCut(FINISHED_WITHOUT_ITS_BLANK_LINE), 1, true),
    FIN_AFTER_1_EVENT(sse(STARTING).thenFin(), 1, true),
    FIN_BEFORE_ANY_EVENT(sse().thenFin(), 0, true),
    RESET_AFTER_2_EVENTS(sse(STARTING, LOG).thenReset(), 2, false),
    RESET_AFTER_1_EVENT(sse(STARTING).thenReset(), 1, false),
    RESET_IN_A_FRAME_AFTER_1_EVENT(sse(STARTING, CUT_FRAME).thenReset(), 1, false);

    final FaultServer.Reply reply;
    final int delivered;
    /** Whether the stream ended cleanly (a FIN) rather than failed (a RST). */
    final boolean ended;

    StreamCut(FaultServer.Reply reply, int delivered, boolean ended) {
      this.reply = reply;
      this.delivered = delivered;
      this.ended = ended;
    }
  }

  static Stream<Arguments> streamOpsModesAndCuts() {
    return combine(streamOps().collect(Collectors.toList()), List.of(Mode.values()), List.of(StreamCut.values()));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("streamOpsModesAndCuts")
  void aStreamCutShortDeliversItsWholeEventsThenFailsWithoutRetry(Op op, Mode mode, StreamCut cut) {
    server.enqueue(3, cut.reply);

    Outcome outcome = run(op, mode, RequestOptions.none());

    StagehandIoException failure = ioFailureOf(outcome, op, mode);
    if (cut.ended) {
      assertThat(failure).hasMessage(op.streamOf() + " ended after " + events(cut.delivered)
          + " without a finished or error event");
      assertThat(failure.getCause()).isInstanceOf(EOFException.class);
    } else {
      String prefix = op.streamOf() + " failed after " + events(cut.delivered) + ": ";
      assertThat(failure.getMessage()).startsWith(prefix);
      assertThat(failure.getMessage().substring(prefix.length())).as("the cause's text").isNotBlank();
      if (failure.getCause().getMessage() != null) {
        assertThat(failure.getMessage()).contains(failure.getCause().getMessage());
      }
    }
    assertThat(outcome.eventIds()).containsExactlyElementsOf(List.of("e1", "e2").subList(0, cut.delivered));
    assertRequests(op, 1);
    assertRetries(0);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("streamOpsAndModes")
  void aChunkedStreamCutInAFrameDiscardsThatFrameAndFailsWithoutRetry(Op op, Mode mode) {
    server.enqueue(3, sse(STARTING, LOG).chunked().thenCut(FINISHED_WITHOUT_ITS_BLANK_LINE));

    Outcome outcome = run(op, mode, RequestOptions.none());

    // The chunked body's framing breaks too: which of "ended" and "failed" is not pinned.
    assertThat(ioFailureOf(outcome, op, mode).getMessage())
        .startsWith(op.streamOf() + " ")
        .contains(" after 2 events");
    assertThat(outcome.eventIds()).containsExactly("e1", "e2");
    assertRequests(op, 1);
    assertRetries(0);
  }

  // ---- 11. a closed client ---------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("opsAndModes")
  void aClosedClientRefusesEveryCallAtOnceWithoutARequest(Op op, Mode mode) {
    SessionService sessions = client.sessions();
    SessionServiceAsync async = client.async().sessions();
    client.close();

    Object[] returned = new Object[1];
    Throwable thrown = catchThrowable(() -> returned[0] = mode == Mode.SYNC
        ? op.callSync(sessions, RequestOptions.none())
        : op.callAsync(async, RequestOptions.none()));
    discard(returned[0]);

    assertThat(thrown).as("what the method call itself threw").isInstanceOf(IllegalStateException.class);
    assertThat(thrown.getMessage()).endsWith("client is closed");
    assertRequests(op, 0);
    assertThat(server.connectionCount()).isZero();
  }

  /** Releases whatever a call that should have thrown returned instead. */
  private static void discard(Object returned) {
    if (returned instanceof AutoCloseable) {
      try {
        ((AutoCloseable) returned).close();
      } catch (Exception ignored) {
        // the test fails anyway
      }
    } else if (returned instanceof CompletableFuture) {
      ((CompletableFuture<?>) returned).cancel(true);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("opsAndModes")
  void aCallInFlightWhenTheClientIsClosedIsCancelled(Op op, Mode mode) throws Exception {
    server.enqueue(neverAnswer());

    Caller caller = Caller.start(self -> mode == Mode.SYNC
        ? runSync(client, op, RequestOptions.none())
        : run(client, op, Mode.ASYNC, RequestOptions.none()));
    server.awaitRequest(1, PROMPT);
    client.close();
    Outcome outcome = caller.awaitEnd(PROMPT);

    assertThat(ioFailureOf(outcome, op, mode)).hasMessage(op.d() + " was cancelled: the client was closed");
    assertRequests(op, 1);
    assertRetries(0);
  }

  @Test
  void asyncCallsStartNoNonDaemonThread() {
    Set<Thread> before = liveNonDaemonThreads();
    for (Op op : Op.values()) {
      server.enqueue(op.ok());
      assertThat(run(op, Mode.ASYNC, RequestOptions.none()).failure()).as("%s", op).isNull();
    }

    Set<Thread> started = liveNonDaemonThreads();
    started.removeAll(before);

    assertThat(started).extracting(Thread::getName).as("non-daemon threads the async calls left").isEmpty();
  }

  private static Set<Thread> liveNonDaemonThreads() {
    Set<Thread> threads = new HashSet<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      // JUnit's own preemptive-timeout threads of other tests come and go: not the SDK's.
      if (thread.isAlive() && !thread.isDaemon() && !thread.getName().startsWith("junit-")) {
        threads.add(thread);
      }
    }
    return threads;
  }

  // ---- 12. network errors say what happened ----------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("opsAndModes")
  void anUnknownHostIsNamedAndRetriedForEveryOperation(Op op, Mode mode) {
    client = newClient("http://nonexistent.invalid", b -> b.allowPlainHttp(true)); // the host is what matters

    Outcome outcome = run(op, mode, RequestOptions.none());

    StagehandIoException failure = ioFailureOf(outcome, op, mode);
    assertThat(failure).hasMessage(op.d() + " failed: unknown host nonexistent.invalid");
    assertThat(failure.getCause()).isInstanceOf(UnknownHostException.class);
    assertRetries(2);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("opsAndModes")
  void aRefusedConnectionIsNamedAndRetriedForEveryOperation(Op op, Mode mode) throws IOException {
    int port;
    try (ServerSocket unused = new ServerSocket(0)) {
      port = unused.getLocalPort(); // closed at once: nothing listens there
    }
    replaceClient("http://127.0.0.1:" + port);

    Outcome outcome = run(op, mode, RequestOptions.none());

    StagehandIoException failure = ioFailureOf(outcome, op, mode);
    assertThat(failure.getMessage()).contains("could not connect to 127.0.0.1:" + port);
    assertThat(failure.getCause()).isInstanceOf(ConnectException.class);
    assertRetries(2);
  }

  @ParameterizedTest(name = "{0} ms: {1}")
  @CsvSource({"1500, 1.5 s", "2000, 2 s"})
  void aTimeoutIsWrittenAsAPersonWouldWriteIt(long millis, String text) {
    server.enqueue(3, neverAnswer());
    RequestOptions options = millis == CLIENT_TIMEOUT.toMillis()
        ? RequestOptions.none() // the client's own timeout
        : timeout(Duration.ofMillis(millis));

    Outcome outcome = run(Op.OBSERVE, Mode.SYNC, options);

    assertThat(ioFailureOf(outcome, Op.OBSERVE, Mode.SYNC).getMessage())
        .contains("no response within the " + text + " timeout");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("opsAndModes")
  void aFailureAfterTheResponseHeadersEndsWithTheRequestId(Op op, Mode mode) {
    server.enqueue(3, op.streaming
        ? sse(STARTING).header("x-request-id", "req-42").thenReset()
        : resetAfter(JSON_HEAD + "Content-Length: 100\r\nx-request-id: req-42\r\n\r\n{\"success\":true,\"da"));

    Outcome outcome = run(op, mode, RequestOptions.none());

    assertThat(ioFailureOf(outcome, op, mode).getMessage()).endsWith(" (request id req-42)");
  }

  // ---- the retry rule for failures before any response byte -------------------------------------------------

  enum EarlyFault {
    RESET_BEFORE_RESPONSE(resetBeforeResponse()),
    FIN_BEFORE_RESPONSE(closeAfter(""));

    final FaultServer.Reply reply;

    EarlyFault(FaultServer.Reply reply) {
      this.reply = reply;
    }
  }

  static Stream<Arguments> opsModesAndEarlyFaults() {
    return combine(List.of(Op.values()), List.of(Mode.values()), List.of(EarlyFault.values()));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("opsModesAndEarlyFaults")
  void aConnectionLostBeforeAnyResponseByteIsRetriedOnlyWhenIdempotent(Op op, Mode mode, EarlyFault fault) {
    server.enqueue(3, fault.reply);

    Outcome outcome = run(op, mode, RequestOptions.none());

    ioFailureOf(outcome, op, mode);
    int attempts = op.sideEffects ? 1 : 3;
    assertRequests(op, attempts);
    assertRetries(attempts - 1);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("opsAndModes")
  void anAnswerThatIsNotHttpIsAnIoErrorAndNeverRepeatsASideEffect(Op op, Mode mode) {
    server.enqueue(3, raw("garbage\r\n\r\n"));

    Outcome outcome = run(op, mode, RequestOptions.none());

    ioFailureOf(outcome, op, mode);
    if (op.sideEffects) {
      assertRequests(op, 1);
      assertRetries(0);
    } else {
      assertThat(server.requestCount()).as("requests the server saw").isBetween(1, 3);
      assertRetries(server.requestCount() - 1);
    }
  }
}
