package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.AgentResultData;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ReplayResult;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The asynchronous session handle on the wire: what each call sends, what its future completes with, how
 * its options and its listener apply, how it fails, is cancelled, ends and closes. (Which result type each
 * method gives is HandleResultTypesTest's; the blocking handle is SessionHandleTest's.)
 */
class SessionHandleAsyncTest {
  private static final String STARTED = """
      {"success":true,"data":{"sessionId":"s-1","cdpUrl":"wss://cdp.example/s-1","available":true}}""";
  private static final Action LOGIN = Action.builder().selector("#login").description("Login button").method("click").build();

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private MockWebServer server;

  @BeforeEach
  void useMock() {
    server = mock.server();
  }

  @AfterEach
  void answerTheEnds() {
    server.setDispatcher(new Dispatcher() { // closing the client then ends the sessions a test left open
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(WireFixtures.END_OK);
      }
    });
  }

  private StagehandSessionAsync open() {
    mock.enqueue(STARTED);
    StagehandSessionAsync session = await(mock.async().sessions().open(SessionStartParams.builder().modelName("m").build()));
    mock.take();
    return session;
  }

  private static MockResponse sse(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      body.append("data: ").append(event).append("\n\n");
    }
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body.toString()).build();
  }

  @Test
  void anOpenedSessionTellsItsIdBrowserAndStateAndIsListed() {
    StagehandSessionAsync session = open();

    assertThat(session.id()).isEqualTo("s-1");
    assertThat(session.cdpUrl()).contains("wss://cdp.example/s-1");
    assertThat(session.openedAt()).isNotNull();
    assertThat(session.isEnded()).isFalse();
    assertThat(session.toString()).isEqualTo("StagehandSession{id=s-1, ended=false}");
    assertThat(mock.async().sessions().opened()).containsExactly(session);
    assertThat(mock.async().sessions().opened("s-1")).containsSame(session);
    assertThat(mock.async().sessions().opened("s-2")).isEmpty();
    assertThat(session.sync().id()).isEqualTo("s-1");
  }

  @Test
  void onFrameAimsTheAsyncCallsAndItsBlockingViewAtTheFrame() {
    StagehandSessionAsync session = open();
    mock.enqueue(WireFixtures.OBSERVE_OK);
    mock.enqueue(WireFixtures.EXTRACT_OK);
    mock.enqueue(WireFixtures.ACT_OK);

    StagehandSessionAsync tab = session.onFrame("F2");
    await(tab.observe());
    await(tab.extract("the title"));
    tab.sync().act("click");

    assertThat(bodyTree(mock.take())).isEqualTo(tree("{\"frameId\":\"F2\"}"));
    assertThat(bodyTree(mock.take())).isEqualTo(tree("{\"instruction\":\"the title\",\"frameId\":\"F2\"}"));
    assertThat(bodyTree(mock.take())).isEqualTo(tree("{\"input\":\"click\",\"frameId\":\"F2\"}"));
    assertThatThrownBy(() -> session.onFrame("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frameId");
  }

  @Test
  void aFailedAsyncOpenFailsWithTheMappedExceptionItselfAndOpensNothing() {
    mock.enqueue(400, "{\"success\":false,\"message\":\"unknown model\"}");

    Throwable failure = failureOf(mock.async().sessions().open(SessionStartParams.builder().modelName("x").build()));

    assertThat(failure).isInstanceOf(com.browserbase.stagehand.errors.BadRequestException.class)
        .hasMessageContaining("unknown model");
    assertThat(mock.take().getTarget()).isEqualTo("/v1/sessions/start");
    assertThat(mock.async().sessions().opened()).isEmpty();
  }

  @Test
  void navigateSendsTheUrlAndItsOptionsAndCompletesWithTheResult() {
    StagehandSessionAsync session = open();
    mock.enqueue("{\"success\":true,\"data\":{\"result\":{\"status\":200}}}");
    mock.enqueue(WireFixtures.NAVIGATE_OK);

    Optional<JsonNode> reached = await(session.navigate("https://example.com"));
    Optional<JsonNode> none = await(session.navigate("https://example.com/b",
        NavigateOptions.builder().waitUntil(NavigateOptions.WaitUntil.NETWORKIDLE).build()));

    assertThat(reached).contains(tree("{\"status\":200}"));
    assertThat(none).isEmpty();
    RecordedRequest first = mock.take();
    assertThat(first.getMethod()).isEqualTo("POST");
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/navigate");
    assertThat(bodyTree(first)).isEqualTo(tree("{\"url\":\"https://example.com\"}"));
    assertThat(bodyTree(mock.take()))
        .isEqualTo(tree("{\"url\":\"https://example.com/b\",\"options\":{\"waitUntil\":\"networkidle\"}}"));
  }

  @Test
  void actWithAnActionSendsTheActionItselfAndItsOptions() {
    StagehandSessionAsync session = open();
    mock.enqueue(WireFixtures.ACT_OK);
    mock.enqueue(WireFixtures.ACT_OK);

    ActResultData clicked = await(session.act(LOGIN));
    await(session.act(LOGIN, ActOptions.builder().timeout(5_000).build()));

    assertThat(clicked.message()).isEqualTo("done");
    RecordedRequest first = mock.take();
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/act");
    assertThat(bodyTree(first))
        .isEqualTo(tree("{\"input\":{\"selector\":\"#login\",\"description\":\"Login button\",\"method\":\"click\"}}"));
    assertThat(bodyTree(mock.take())).isEqualTo(tree(
        "{\"input\":{\"selector\":\"#login\",\"description\":\"Login button\",\"method\":\"click\"},\"options\":{\"timeout\":5000}}"));
  }

  @Test
  void numberAndBooleanVariablesGoOutAsJsonNumbersAndBooleans() {
    StagehandSessionAsync session = open();
    mock.enqueue(WireFixtures.ACT_OK);

    await(session.act("order %count% items, gift wrap: %wrap%, at %price%", ActOptions.builder()
        .putVariable("count", VariableValue.of(3))
        .putVariable("wrap", VariableValue.of(true))
        .putVariable("price", VariableValue.of(9.5).withDescription("the unit price"))
        .build()));

    assertThat(bodyTree(mock.take()).path("options").path("variables")).isEqualTo(
        tree("{\"count\":3,\"wrap\":true,\"price\":{\"value\":9.5,\"description\":\"the unit price\"}}"));
  }

  @Test
  void observeAndExtractSendTheirInstructionAndOptions() {
    StagehandSessionAsync session = open();
    for (int i = 0; i < 3; i++) {
      mock.enqueue(WireFixtures.OBSERVE_OK);
    }
    mock.enqueue("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"Example Domain\"}}}");
    mock.enqueue(WireFixtures.EXTRACT_OK);
    mock.enqueue(WireFixtures.EXTRACT_OK);
    mock.enqueue("{\"success\":true,\"data\":{\"result\":{\"title\":\"Example\",\"views\":3}}}");

    List<Action> everything = await(session.observe());
    await(session.observe("find the login button"));
    await(session.observe("find the login button", com.browserbase.stagehand.models.sessions.ObserveOptions.builder()
        .selector("#main").build()));
    JsonNode page = await(session.extract());
    await(session.extract("the page title"));
    await(session.extract("the page title", com.browserbase.stagehand.models.sessions.ExtractOptions.builder()
        .selector("h1").build()));
    SessionHandleTest.Title title = await(session.extract("the page title", SessionHandleTest.Title.class,
        com.browserbase.stagehand.models.sessions.ExtractOptions.builder().selector("h1").build()));

    assertThat(everything).extracting(Action::selector).containsExactly("#login");
    assertThat(page).isEqualTo(tree("{\"pageText\":\"Example Domain\"}"));
    assertThat(title.title).isEqualTo("Example");
    assertThat(title.views).isEqualTo(3);
    RecordedRequest first = mock.take();
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/observe");
    assertThat(bodyTree(first)).isEqualTo(tree("{}"));
    assertThat(bodyTree(mock.take())).isEqualTo(tree("{\"instruction\":\"find the login button\"}"));
    assertThat(bodyTree(mock.take()))
        .isEqualTo(tree("{\"instruction\":\"find the login button\",\"options\":{\"selector\":\"#main\"}}"));
    RecordedRequest extract = mock.take();
    assertThat(extract.getTarget()).isEqualTo("/v1/sessions/s-1/extract");
    assertThat(bodyTree(extract)).isEqualTo(tree("{}"));
    assertThat(bodyTree(mock.take())).isEqualTo(tree("{\"instruction\":\"the page title\"}"));
    assertThat(bodyTree(mock.take()))
        .isEqualTo(tree("{\"instruction\":\"the page title\",\"options\":{\"selector\":\"h1\"}}"));
    JsonNode typed = bodyTree(mock.take());
    assertThat(typed.path("instruction").asText()).isEqualTo("the page title");
    assertThat(typed.path("options").path("selector").asText()).isEqualTo("h1");
    assertThat(typed.path("schema").path("properties").has("title")).as("the schema made from the type").isTrue();
  }

  @Test
  void executeRunsAnAgentWithTheServersDefaultsOrTheGivenConfig() {
    StagehandSessionAsync session = open();
    mock.enqueue(WireFixtures.AGENT_OK);
    mock.enqueue(WireFixtures.AGENT_OK);

    AgentResultData run = await(session.execute("find the contact address"));
    await(session.execute(AgentConfig.builder().model("openai/gpt-5-nano").build(),
        AgentExecuteOptions.builder().instruction("log in").maxSteps(5).build()));

    assertThat(run.completed()).isTrue();
    assertThat(run.message()).isEqualTo("done");
    RecordedRequest first = mock.take();
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/agentExecute");
    assertThat(bodyTree(first))
        .isEqualTo(tree("{\"agentConfig\":{},\"executeOptions\":{\"instruction\":\"find the contact address\"}}"));
    assertThat(bodyTree(mock.take())).isEqualTo(tree(
        "{\"agentConfig\":{\"model\":\"openai/gpt-5-nano\"},\"executeOptions\":{\"instruction\":\"log in\",\"maxSteps\":5}}"));
  }

  @Test
  void replayIsAGetAndCompletesWithThePages() {
    StagehandSessionAsync session = open();
    mock.enqueue("{\"success\":true,\"data\":{\"pages\":[{\"url\":\"https://example.com\",\"actions\":[]}]}}");

    ReplayResult replay = await(session.replay());

    assertThat(replay.pages()).extracting(p -> p.url()).containsExactly("https://example.com");
    RecordedRequest request = mock.take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v1/sessions/s-1/replay");
  }

  @Test
  void withOptionsAppliesToEveryCallOfTheViewOnlyAndItsBlockingTwinKeepsThem() {
    StagehandSessionAsync session = open();
    for (int i = 0; i < 3; i++) {
      mock.enqueue(WireFixtures.ACT_OK);
    }
    StagehandSessionAsync traced = session.withOptions(RequestOptions.builder().putHeader("x-trace", "t-1").build());

    await(traced.act("click"));
    await(session.act("click"));
    traced.sync().act("click");

    assertThat(mock.take().getHeaders().get("x-trace")).isEqualTo("t-1");
    assertThat(mock.take().getHeaders().get("x-trace")).isNull();
    assertThat(mock.take().getHeaders().get("x-trace")).as("sync() of the view").isEqualTo("t-1");
    assertThat(traced.id()).isEqualTo("s-1");
    assertThat(mock.async().sessions().opened()).containsExactly(session);
  }

  @Test
  void nullArgumentsAreRejectedAtOnceBeforeAnythingIsSent() {
    StagehandSessionAsync session = open();

    assertThatThrownBy(() -> session.navigate(null)).isInstanceOf(NullPointerException.class).hasMessage("url == null");
    assertThatThrownBy(() -> session.navigate("https://example.com", null)).hasMessage("options == null");
    assertThatThrownBy(() -> session.act((Action) null)).hasMessage("action == null");
    assertThatThrownBy(() -> session.act(LOGIN, null)).hasMessage("options == null");
    assertThatThrownBy(() -> session.execute(null, AgentExecuteOptions.builder().instruction("x").build()))
        .hasMessage("config == null");
    assertThatThrownBy(() -> session.withOptions(null)).hasMessage("options == null");
    assertThatThrownBy(() -> session.withProgress(null)).hasMessage("progress == null");
    assertThat(server.getRequestCount()).as("the start only").isEqualTo(1);
  }

  @Test
  void aServerErrorFailsTheFutureWithTheMappedExceptionItself() {
    StagehandSessionAsync session = open();
    mock.enqueue(500, "{\"success\":false,\"message\":\"browser crashed\"}");

    Throwable failure = failureOf(session.navigate("https://example.com"));

    assertThat(failure).isInstanceOf(InternalServerException.class).hasMessageContaining("browser crashed");
  }

  @Test
  void aResultThatDoesNotFitTheTypeFailsTheFutureAsInvalidDataNamingWhere() {
    StagehandSessionAsync session = open();
    mock.enqueue("{\"success\":true,\"data\":{\"result\":{\"title\":\"Example\",\"views\":2.5}}}");

    Throwable failure = failureOf(session.extract("the page title", SessionHandleTest.Title.class));

    assertThat(failure).isInstanceOf(StagehandInvalidDataException.class).hasMessageContaining("views");
  }

  @Test
  void withProgressStreamsEveryCallAndCompletesWithTheValue() {
    StagehandSessionAsync session = open();
    server.enqueue(sse(
        "{\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"1\"}",
        "{\"data\":{\"status\":\"finished\",\"result\":{\"url\":\"https://example.com/\"}},\"type\":\"system\",\"id\":\"2\"}"));
    server.enqueue(sse(
        "{\"data\":{\"status\":\"finished\",\"result\":{\"success\":true,\"message\":\"ran\",\"actions\":[],\"completed\":true}},"
            + "\"type\":\"system\",\"id\":\"3\"}"));
    List<StreamEvent> seen = new CopyOnWriteArrayList<>();
    StagehandSessionAsync watched = session.withProgress(seen::add);

    Optional<JsonNode> reached = await(watched.navigate("https://example.com"));
    AgentResultData run = await(watched.execute("look around"));

    assertThat(reached).contains(tree("{\"url\":\"https://example.com/\"}"));
    assertThat(run.message()).isEqualTo("ran");
    assertThat(seen).extracting(StreamEvent::id).containsExactly("1", "2", "3");
    RecordedRequest navigate = mock.take();
    assertThat(navigate.getHeaders().get("x-stream-response")).isEqualTo("true");
    assertThat(bodyTree(navigate)).isEqualTo(tree("{\"url\":\"https://example.com\",\"streamResponse\":true}"));
  }

  @Test
  void anErrorEventOfAProgressCallFailsTheFuture() {
    StagehandSessionAsync session = open();
    server.enqueue(sse(
        "{\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"1\"}",
        "{\"data\":{\"status\":\"error\",\"error\":\"model unreachable\"},\"type\":\"system\",\"id\":\"2\"}"));

    Throwable failure = failureOf(session.withProgress(e -> { }).act("click"));

    assertThat(failure).isInstanceOf(com.browserbase.stagehand.errors.SseException.class)
        .hasMessageContaining("model unreachable");
  }

  @Test
  void cancellingAStreamedCallClosesItsStream() throws Exception {
    StagehandSessionAsync session = open();
    WireFixtures.TricklingBody events =
        new WireFixtures.TricklingBody("data: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"1\"}\n\n", ":\n");
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(events).build());
    List<StreamEvent> seen = new CopyOnWriteArrayList<>();

    CompletableFuture<ActResultData> act = session.withProgress(seen::add).act("click");
    mock.take();
    assertThat(act.cancel(true)).isTrue();

    assertThat(events.clientGone.await(10, TimeUnit.SECONDS)).as("the stream was closed").isTrue();
    assertThat(act).isCancelled();
    assertThat(session.isEnded()).isFalse();
  }

  @Test
  void cancellingACallCancelsItsRequest() throws Exception {
    StagehandSessionAsync session = open();
    WireFixtures.TricklingBody answer = new WireFixtures.TricklingBody("");
    server.enqueue(answer.response());

    CompletableFuture<List<Action>> observe = session.observe("find the login button");
    mock.take();
    assertThat(observe.cancel(true)).isTrue();

    assertThat(answer.clientGone.await(10, TimeUnit.SECONDS)).as("the request was cancelled").isTrue();
  }

  // ---- ending ----

  @Test
  void endIsSentOnceAndThenEveryCallFailsAtOnceNamingTheSession() {
    StagehandSessionAsync session = open();
    mock.enqueue(WireFixtures.END_OK);

    CompletableFuture<Void> first = session.end();
    CompletableFuture<Void> second = session.end();
    await(first);
    await(second);

    RecordedRequest end = mock.take();
    assertThat(end.getMethod()).isEqualTo("POST");
    assertThat(end.getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertThat(session.isEnded()).isTrue();
    assertThat(session.sync().isEnded()).isTrue();
    assertThat(mock.async().sessions().opened()).isEmpty();
    assertThatThrownBy(() -> session.navigate("https://example.com"))
        .isInstanceOf(IllegalStateException.class).hasMessage("Session s-1 is ended");
    assertThatThrownBy(() -> session.act(LOGIN)).hasMessage("Session s-1 is ended");
    assertThatThrownBy(() -> session.replay()).hasMessage("Session s-1 is ended");
    assertThat(server.getRequestCount()).as("the start and one end").isEqualTo(2);
  }

  @Test
  void closeEndsTheSessionAndWaitsForTheServer() {
    StagehandSessionAsync session = open();
    server.enqueue(new MockResponse.Builder(json(WireFixtures.END_OK)).headersDelay(300, TimeUnit.MILLISECONDS).build());

    long started = System.nanoTime();
    session.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(mock.take().getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertThat(session.isEnded()).isTrue();
    session.close(); // a second close sends nothing
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void closeThrowsTheFailureOfTheEndItselfAndASessionTheServerNoLongerKnowsCountsAsEnded() {
    StagehandSessionAsync failing = open();
    mock.enqueue(500, "{\"success\":false,\"message\":\"cannot end\"}");

    assertThatThrownBy(failing::close).isInstanceOf(InternalServerException.class).hasMessageContaining("cannot end");
    assertThat(failing.isEnded()).isTrue();

    StagehandSessionAsync gone = mock.async().sessions().attach("s-2");
    mock.enqueue(404, "{\"success\":false,\"message\":\"no such session\"}");
    gone.close();
    assertThat(gone.isEnded()).isTrue();
  }

  @Test
  void anInterruptedCloseStillEndsTheSessionAndKeepsTheInterrupt() {
    StagehandSessionAsync session = open();
    mock.enqueue(WireFixtures.END_OK);

    Thread.currentThread().interrupt();
    try {
      session.close();
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
    } finally {
      Thread.interrupted();
    }

    assertThat(session.isEnded()).isTrue();
    assertThat(mock.take().getTarget()).isEqualTo("/v1/sessions/s-1/end");
  }

  /**
   * A client made with {@code withOptions} is closed after the start answered but before the session was
   * registered (the moment a {@link GatedClock} holds open): the open fails naming the closed client, and
   * the session the start made is ended rather than left running with nobody holding it.
   */
  @Test
  void anOpenAnsweredAfterItsClientClosedFailsAndEndsTheSessionTheStartMade() throws Exception {
    GatedClock clock = new GatedClock(java.time.Instant.parse("2026-11-29T12:00:00Z"));
    StagehandClient derived = mock.newClient(b -> b.clock(clock)).withOptions(b -> b.maxRetries(0));
    java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.BlockingQueue<RecordedRequest> ends = new java.util.concurrent.LinkedBlockingQueue<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().endsWith("/start")) {
          awaitQuietly(opened); // answered once open() has returned: register() then runs on OkHttp's thread
          return json(STARTED);
        }
        ends.add(request);
        return json(WireFixtures.END_OK);
      }
    });

    CompletableFuture<StagehandSessionAsync> open = derived.async().sessions().open(
        SessionStartParams.builder().modelName("m").build());
    opened.countDown();
    assertThat(clock.reached.await(5, TimeUnit.SECONDS)).as("the start answered and s-1 is being registered").isTrue();
    derived.close();
    clock.release.countDown();

    assertThat(failureOf(open)).isInstanceOf(IllegalStateException.class).hasMessage("The Stagehand client is closed");
    RecordedRequest end = ends.poll(5, TimeUnit.SECONDS);
    assertThat(end).as("the end of the session the start made").isNotNull();
    assertThat(end.getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertThat(derived.sessions().opened()).isEmpty();
  }

  /** Waits up to 10 s for {@code latch}, for a dispatcher that must not answer before the test is ready. */
  private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The same moment on the client that owns the pools: its close has shut the HTTP dispatcher down, so the end
   * that register() sends while closing goes out on the calling thread; the session the start made is ended.
   */
  @Test
  void anOpenAnsweredAfterTheRootClientClosedEndsTheSessionTheStartMade() throws Exception {
    GatedClock clock = new GatedClock(java.time.Instant.parse("2026-11-29T12:00:00Z"));
    StagehandClient root = mock.newClient(b -> b.clock(clock));
    java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.BlockingQueue<RecordedRequest> ends = new java.util.concurrent.LinkedBlockingQueue<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().endsWith("/start")) {
          awaitQuietly(opened); // answered once open() has returned: register() then runs on OkHttp's thread
          return json(STARTED);
        }
        ends.add(request);
        return json(WireFixtures.END_OK);
      }
    });

    CompletableFuture<StagehandSessionAsync> open = root.async().sessions().open(
        SessionStartParams.builder().modelName("m").build());
    opened.countDown();
    assertThat(clock.reached.await(5, TimeUnit.SECONDS)).isTrue();
    root.close();
    clock.release.countDown();

    assertThat(failureOf(open)).isInstanceOf(IllegalStateException.class).hasMessage("The Stagehand client is closed");
    RecordedRequest end = ends.poll(5, TimeUnit.SECONDS);
    assertThat(end).as("the end of the session the start made").isNotNull();
    assertThat(end.getTarget()).isEqualTo("/v1/sessions/s-1/end");
  }
}
