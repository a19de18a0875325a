package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.AgentResultData;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session handle: what each method sends and returns, how a session ends, the registry. */
class SessionHandleTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final String STARTED = """
      {"success":true,"data":{"sessionId":"s-1","cdpUrl":"wss://cdp.example/s-1?signingKey=secret","available":true}}""";

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  @AfterEach
  void answerTheEnds() {
    server.setDispatcher(new Dispatcher() { // mock then closes the client, which ends the sessions a test left open
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(WireFixtures.END_OK);
      }
    });
  }

  private StagehandSession open() {
    mock.enqueue(STARTED);
    StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
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

  // ---- opening ----

  @Test
  void openStartsASessionAndKeepsWhatTheStartSaid() {
    server.enqueue(json(STARTED));

    StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());

    RecordedRequest start = take(server);
    assertThat(start.getTarget()).isEqualTo("/v1/sessions/start");
    assertThat(bodyTree(start)).isEqualTo(tree("{\"modelName\":\"openai/gpt-5-nano\"}"));
    assertThat(session.id()).isEqualTo("s-1");
    assertThat(session.cdpUrl()).contains("wss://cdp.example/s-1?signingKey=secret");
    assertThat(session.openedAt()).isEqualTo(NOW);
    assertThat(session.isEnded()).isFalse();
    assertThat(session.toString()).isEqualTo("StagehandSession{id=s-1, ended=false}");
    assertThat(client.sessions().opened()).containsExactly(session);
    assertThat(client.sessions().opened("s-1")).containsSame(session);
  }

  @Test
  void aFailedStartOpensNothing() {
    server.enqueue(json(400, "{\"error\":\"bad model\"}"));

    assertThatThrownBy(() -> client.sessions().open(SessionStartParams.builder().modelName("x").build()))
        .isInstanceOf(com.browserbase.stagehand.errors.BadRequestException.class);
    assertThat(client.sessions().opened()).isEmpty();
  }

  // ---- each method on the wire ----

  @Test
  void navigateSendsTheUrlAndReturnsTheResult() {
    StagehandSession session = open();
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":{\"status\":200}}}"));
    server.enqueue(json(WireFixtures.NAVIGATE_OK));

    Optional<JsonNode> result = session.navigate("https://example.com");
    Optional<JsonNode> none = session.navigate("https://example.com/b",
        NavigateOptions.builder().waitUntil(NavigateOptions.WaitUntil.NETWORKIDLE).build());

    RecordedRequest first = take(server);
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/navigate");
    assertThat(bodyTree(first)).isEqualTo(tree("{\"url\":\"https://example.com\"}"));
    assertThat(result).contains(tree("{\"status\":200}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"url\":\"https://example.com/b\",\"options\":{\"waitUntil\":\"networkidle\"}}"));
    assertThat(none).isEmpty();
  }

  @Test
  void actSendsAnInstructionOrAnActionAndReturnsTheResultItself() {
    StagehandSession session = open();
    Action login = Action.builder().selector("#login").description("Login button").method("click").build();
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(WireFixtures.ACT_OK));
    }

    ActResultData clicked = session.act("click the login button");
    session.act(login);
    session.act("type %email%", ActOptions.builder().putVariable("email", "me@example.com").build());

    assertThat(clicked.success()).isTrue();
    assertThat(clicked.message()).isEqualTo("done");
    RecordedRequest first = take(server);
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/act");
    assertThat(bodyTree(first)).isEqualTo(tree("{\"input\":\"click the login button\"}"));
    assertThat(bodyTree(take(server))).isEqualTo(
        tree("{\"input\":{\"selector\":\"#login\",\"description\":\"Login button\",\"method\":\"click\"}}"));
    assertThat(bodyTree(take(server))).isEqualTo(
        tree("{\"input\":\"type %email%\",\"options\":{\"variables\":{\"email\":\"me@example.com\"}}}"));
  }

  @Test
  void observeReturnsTheActions() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.OBSERVE_OK));
    server.enqueue(json(WireFixtures.OBSERVE_OK));
    server.enqueue(json(WireFixtures.OBSERVE_OK));

    List<Action> everything = session.observe();
    session.observe("find the login button");
    session.observe("find the login button", ObserveOptions.builder().selector("#main").build());

    assertThat(everything).extracting(Action::selector).containsExactly("#login");
    RecordedRequest first = take(server);
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/observe");
    assertThat(bodyTree(first)).isEqualTo(tree("{}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"instruction\":\"find the login button\"}"));
    assertThat(bodyTree(take(server))).isEqualTo(
        tree("{\"instruction\":\"find the login button\",\"options\":{\"selector\":\"#main\"}}"));
  }

  @Test
  void extractReturnsThePageTextOrWhatTheInstructionAskedFor() {
    StagehandSession session = open();
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"Example Domain\"}}}"));
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":{\"extraction\":\"Example Domain\"}}}"));
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":{\"extraction\":\"x\"}}}"));

    assertThat(session.extract()).isEqualTo(tree("{\"pageText\":\"Example Domain\"}"));
    assertThat(session.extract("the page title")).isEqualTo(tree("{\"extraction\":\"Example Domain\"}"));
    session.extract("the page title", ExtractOptions.builder().selector("h1").build());

    RecordedRequest first = take(server);
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/extract");
    assertThat(bodyTree(first)).isEqualTo(tree("{}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"instruction\":\"the page title\"}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"instruction\":\"the page title\",\"options\":{\"selector\":\"h1\"}}"));
  }

  /** A typed extract's target. */
  public static final class Title {
    @com.fasterxml.jackson.annotation.JsonPropertyDescription("the page title")
    public String title;
    public int views;
  }

  /** A record target. */
  public record Link(String text, java.util.Optional<String> href) {}

  @Test
  void aTypedExtractSendsTheSchemaOfTheTypeAndReadsTheResultIntoIt() {
    StagehandSession session = open();
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":{\"title\":\"Example Domain\",\"views\":3.0}}}"));

    Title title = session.extract("the page title", Title.class);

    assertThat(title.title).isEqualTo("Example Domain");
    assertThat(title.views).isEqualTo(3);
    assertThat(bodyTree(take(server))).isEqualTo(tree("""
        {"instruction":"the page title","schema":{"type":"object","properties":{
          "title":{"type":"string","description":"the page title"},"views":{"type":"integer"}},
          "required":["title","views"],"additionalProperties":false}}"""));
  }

  @Test
  void aTypedExtractOfAGenericListOfRecords() {
    StagehandSession session = open();
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":[{\"text\":\"More\",\"href\":\"https://iana.org\"},{\"text\":\"Home\"}]}}"));

    List<Link> links = session.extract("the links", new com.fasterxml.jackson.core.type.TypeReference<List<Link>>() {},
        ExtractOptions.builder().selector("body").build());

    assertThat(links).containsExactly(new Link("More", Optional.of("https://iana.org")), new Link("Home", Optional.empty()));
    assertThat(bodyTree(take(server))).isEqualTo(tree("""
        {"instruction":"the links","options":{"selector":"body"},"schema":{"type":"array","items":{"type":"object",
          "properties":{"text":{"type":"string"},"href":{"type":"string"}},
          "required":["text"],"additionalProperties":false}}}"""));
  }

  @Test
  void aResultThatDoesNotFitTheTypeIsInvalidDataNamingWhere() {
    StagehandSession session = open();
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":{\"title\":\"Example\",\"views\":2.5}}}"));

    assertThatThrownBy(() -> session.extract("the page title", Title.class))
        .isInstanceOf(com.browserbase.stagehand.errors.StagehandInvalidDataException.class)
        .hasMessageContaining("views");
  }

  @Test
  void aTypeWithoutAFixedShapeIsRefusedBeforeAnythingIsSent() {
    StagehandSession session = open();

    assertThatThrownBy(() -> session.extract("anything", Object.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  /** A typed extract's target with a map: the server would drop the keys of an object schema without properties. */
  public record Visits(String site, java.util.Map<String, Integer> perPage) {}

  private static final String VISITS_SCHEMA = """
      {"type":"object","properties":{
        "site":{"type":"string"},
        "perPage":{"type":"array","items":{"type":"object",
          "properties":{"key":{"type":"string"},"value":{"type":"integer"}},
          "required":["key","value"],"additionalProperties":false},
          "description":"entries of a map, one per key"}},
       "required":["site","perPage"],"additionalProperties":false}""";

  @Test
  void aMapGoesOutAsEntriesAndComesBackAsAMap() {
    StagehandSession session = open();
    server.enqueue(json("""
        {"success":true,"data":{"result":{"site":"example.com",
          "perPage":[{"key":"/","value":3},{"key":"/docs","value":1.0}]}}}"""));

    Visits visits = session.extract("visits per page", Visits.class);

    assertThat(visits.site()).isEqualTo("example.com");
    assertThat(visits.perPage()).containsExactly(java.util.Map.entry("/", 3), java.util.Map.entry("/docs", 1));
    assertThat(bodyTree(take(server))).isEqualTo(tree(
        "{\"instruction\":\"visits per page\",\"schema\":" + VISITS_SCHEMA + "}"));
  }

  @Test
  void aMapUnderProgressIsReadFromTheFinishedEventsEntries() {
    StagehandSession session = open();
    server.enqueue(sse(
        "{\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"1\"}",
        "{\"data\":{\"status\":\"finished\",\"result\":{\"site\":\"example.com\","
            + "\"perPage\":[{\"key\":\"/\",\"value\":3}]}},\"type\":\"system\",\"id\":\"2\"}"));

    Visits visits = session.withProgress(e -> { }).extract("visits per page", Visits.class);

    assertThat(visits.perPage()).containsExactly(java.util.Map.entry("/", 3));
    assertThat(bodyTree(take(server))).isEqualTo(tree(
        "{\"instruction\":\"visits per page\",\"schema\":" + VISITS_SCHEMA + ",\"streamResponse\":true}"));
  }

  @Test
  void aMapKeyGivenTwiceIsInvalidDataNamingWhere() {
    StagehandSession session = open();
    server.enqueue(json("""
        {"success":true,"data":{"result":{"site":"example.com",
          "perPage":[{"key":"/","value":3},{"key":"/","value":1}]}}}"""));

    assertThatThrownBy(() -> session.extract("visits per page", Visits.class))
        .isInstanceOf(com.browserbase.stagehand.errors.StagehandInvalidDataException.class)
        .hasMessage("The result does not fit Visits: at perPage[1].key: duplicate key \"/\", also at perPage[0].key");
  }

  /** Its {@code metadata} would be overwritten by the server's own and then removed from the result. */
  public record Article(String title, String metadata) {}

  @Test
  void aTypeWithATopLevelPropertyTheServerTakesIsRefusedBeforeAnythingIsSent() {
    StagehandSession session = open();
    StagehandSessionAsync async = client.async().sessions().attach("s-1");

    assertThatThrownBy(() -> session.extract("the article", Article.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot extract into Article: the Stagehand server overwrites the top-level property"
            + " \"metadata\"")
        .hasMessageContaining("@JsonProperty");
    assertThatThrownBy(() -> async.extract("the article", Article.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"metadata\"");
    assertThat(server.getRequestCount()).as("only the start").isEqualTo(1);
  }

  @Test
  void executeRunsAnAgentWithTheServersDefaultsOrTheGivenConfig() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.AGENT_OK));
    server.enqueue(json(WireFixtures.AGENT_OK));

    AgentResultData run = session.execute("find the contact address");
    session.execute(AgentConfig.builder().model("openai/gpt-5-nano").build(),
        AgentExecuteOptions.builder().instruction("log in").maxSteps(5).build());

    assertThat(run.completed()).isTrue();
    RecordedRequest first = take(server);
    assertThat(first.getTarget()).isEqualTo("/v1/sessions/s-1/agentExecute");
    assertThat(bodyTree(first)).isEqualTo(
        tree("{\"agentConfig\":{},\"executeOptions\":{\"instruction\":\"find the contact address\"}}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree(
        "{\"agentConfig\":{\"model\":\"openai/gpt-5-nano\"},\"executeOptions\":{\"instruction\":\"log in\",\"maxSteps\":5}}"));
  }

  @Test
  void replayReturnsThePages() {
    StagehandSession session = open();
    server.enqueue(json("{\"success\":true,\"data\":{\"pages\":[{\"url\":\"https://example.com\",\"actions\":[]}]}}"));

    assertThat(session.replay().pages()).extracting(p -> p.url()).containsExactly("https://example.com");
    RecordedRequest replay = take(server);
    assertThat(replay.getMethod()).isEqualTo("GET");
    assertThat(replay.getTarget()).isEqualTo("/v1/sessions/s-1/replay");
  }

  @Test
  void withOptionsAppliesRequestOptionsToEveryCallOfTheView() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(json(WireFixtures.ACT_OK));

    session.withOptions(RequestOptions.builder().putHeader("x-trace", "t-1").build()).act("click");
    session.act("click");

    assertThat(take(server).getHeaders().get("x-trace")).isEqualTo("t-1");
    assertThat(take(server).getHeaders().get("x-trace")).isNull();
  }

  @Test
  void onFrameAimsEveryOperationThatTakesAFrameAtIt() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.NAVIGATE_OK));
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(json(WireFixtures.OBSERVE_OK));
    server.enqueue(json(WireFixtures.EXTRACT_OK));
    server.enqueue(json(WireFixtures.AGENT_OK));
    server.enqueue(json(WireFixtures.REPLAY_OK));
    Action login = Action.builder().selector("#login").description("Login button").method("click").build();

    StagehandSession tab = session.onFrame("F2");
    tab.navigate("https://example.com");
    tab.act("click the login button");
    tab.act(login);
    tab.observe("find the login button");
    tab.extract();
    tab.execute("log in");
    tab.replay();

    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"url\":\"https://example.com\",\"frameId\":\"F2\"}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"input\":\"click the login button\",\"frameId\":\"F2\"}"));
    assertThat(bodyTree(take(server)).get("frameId").asText()).isEqualTo("F2");
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"instruction\":\"find the login button\",\"frameId\":\"F2\"}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"frameId\":\"F2\"}"));
    assertThat(bodyTree(take(server)).get("frameId").asText()).isEqualTo("F2");
    RecordedRequest replay = take(server);
    assertThat(replay.getTarget()).isEqualTo("/v1/sessions/s-1/replay"); // replay takes no frame
    assertThat(replay.getBody() == null || replay.getBody().size() == 0 || !bodyTree(replay).has("frameId")).isTrue();
  }

  @Test
  void onFrameKeepsTheViewsOptionsAndListenerAndLeavesTheSessionAsItWas() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(sse(
        "{\"data\":{\"status\":\"finished\",\"result\":{\"success\":true,\"message\":\"m\",\"actionDescription\":\"d\",\"actions\":[]}},\"type\":\"system\",\"id\":\"1\"}"));
    server.enqueue(json(WireFixtures.ACT_OK));
    List<String> seen = new ArrayList<>();

    session.withOptions(RequestOptions.builder().putHeader("x-trace", "t-1").build()).onFrame("F2").act("click");
    session.onFrame("F2").withProgress(e -> seen.add(e.id())).onFrame("F3").act("click");
    session.act("click");

    RecordedRequest first = take(server);
    assertThat(first.getHeaders().get("x-trace")).isEqualTo("t-1");
    assertThat(bodyTree(first).get("frameId").asText()).isEqualTo("F2");
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"input\":\"click\",\"frameId\":\"F3\",\"streamResponse\":true}"));
    assertThat(seen).containsExactly("1");
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"input\":\"click\"}"));
  }

  @Test
  void observeAndExtractWithOptionsAloneSendNoInstruction() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.OBSERVE_OK));
    server.enqueue(json(WireFixtures.EXTRACT_OK));

    session.observe(ObserveOptions.builder().selector("xpath=/html/body/iframe[1]").build());
    session.extract(ExtractOptions.builder().selector("#main").build());

    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"options\":{\"selector\":\"xpath=/html/body/iframe[1]\"}}"));
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"options\":{\"selector\":\"#main\"}}"));
    assertThatThrownBy(() -> session.observe((ObserveOptions) null)).hasMessage("options == null");
    assertThatThrownBy(() -> session.extract((ExtractOptions) null)).hasMessage("options == null");
  }

  @Test
  void anEmptyFrameIdIsRefusedNamingTheField() {
    StagehandSession session = open();

    assertThatThrownBy(() -> session.onFrame(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("frameId");
    assertThatThrownBy(() -> session.onFrame("")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frameId");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void nullArgumentsAreRejectedBeforeAnythingIsSent() {
    StagehandSession session = open();

    assertThatThrownBy(() -> session.act((String) null)).isInstanceOf(NullPointerException.class).hasMessage("instruction == null");
    assertThatThrownBy(() -> session.act("x", null)).isInstanceOf(NullPointerException.class).hasMessage("options == null");
    assertThatThrownBy(() -> session.navigate(null)).isInstanceOf(NullPointerException.class).hasMessage("url == null");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- progress ----

  @Test
  void withProgressStreamsTheCallAndStillReturnsTheTypedResult() {
    StagehandSession session = open();
    server.enqueue(sse(
        "{\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"1\"}",
        "{\"data\":{\"status\":\"running\",\"message\":\"looking at the page\"},\"type\":\"log\",\"id\":\"2\"}",
        "{\"data\":{\"status\":\"finished\",\"result\":{\"success\":true,\"message\":\"clicked\",\"actionDescription\":\"d\",\"actions\":[]}},\"type\":\"system\",\"id\":\"3\"}"));
    List<String> seen = new ArrayList<>();

    ActResultData result = session.withProgress(e -> seen.add(e.id())).act("click the login button");

    assertThat(result.message()).isEqualTo("clicked");
    assertThat(seen).containsExactly("1", "2", "3");
    RecordedRequest act = take(server);
    assertThat(act.getHeaders().get("x-stream-response")).isEqualTo("true");
    assertThat(bodyTree(act)).isEqualTo(tree("{\"input\":\"click the login button\",\"streamResponse\":true}"));
  }

  @Test
  void anErrorEventOfAProgressCallRaisesItsException() {
    StagehandSession session = open();
    server.enqueue(sse(
        "{\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"1\"}",
        "{\"data\":{\"status\":\"error\",\"error\":\"model unreachable\"},\"type\":\"system\",\"id\":\"2\"}"));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> session.withProgress(e -> seen.add(e.id())).observe("find it"))
        .isInstanceOf(SseException.class).hasMessageContaining("model unreachable");
    assertThat(seen).containsExactly("1");
  }

  @Test
  void replayAndEndHaveNoEventsAndAreSentAsUsualUnderProgress() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.REPLAY_OK));
    server.enqueue(json(WireFixtures.END_OK));
    StagehandSession watched = session.withProgress(e -> { });

    watched.replay();
    watched.end();

    assertThat(take(server).getHeaders().get("x-stream-response")).isNull();
    assertThat(take(server).getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertThat(session.isEnded()).isTrue();
  }

  // ---- ending ----

  @Test
  void closeEndsTheSessionOnceAndLaterCallsFailNamingIt() {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.END_OK));

    session.close();
    session.close();
    session.end();

    RecordedRequest end = take(server);
    assertThat(end.getMethod()).isEqualTo("POST");
    assertThat(end.getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertThat(server.getRequestCount()).as("start and one end").isEqualTo(2);
    assertThat(session.isEnded()).isTrue();
    assertThat(client.sessions().opened()).isEmpty();
    assertThatThrownBy(() -> session.act("click")).isInstanceOf(IllegalStateException.class)
        .hasMessage("Session s-1 is ended");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void manyThreadsClosingAtOnceEndTheSessionOnce() throws Exception {
    StagehandSession session = open();
    server.enqueue(json(WireFixtures.END_OK));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> closes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      closes.add(threads.submit(() -> {
        go.await();
        session.close();
        return null;
      }));
    }
    go.countDown();
    for (Future<?> close : closes) {
      close.get(10, TimeUnit.SECONDS);
    }
    threads.shutdown();

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aSessionTheServerNoLongerKnowsCountsAsEnded() {
    StagehandSession session = open();
    server.enqueue(json(404, "{\"success\":false,\"message\":\"Session not found\"}"));

    session.close();

    assertThat(session.isEnded()).isTrue();
    assertThat(client.sessions().opened()).isEmpty();
  }

  @Test
  void inTryWithResourcesTheBodysExceptionWinsAndAFailedEndIsSuppressed() {
    server.enqueue(json(STARTED));
    server.enqueue(json(500, "{\"error\":\"act failed\"}"));
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(500, "{\"error\":\"end failed\"}"));
    }

    Throwable thrown = null;
    try (StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("m").build())) {
      session.act("click");
    } catch (RuntimeException e) {
      thrown = e;
    }

    assertThat(thrown).isInstanceOf(InternalServerException.class).hasMessageContaining("act failed");
    assertThat(thrown.getSuppressed()).hasSize(1);
    assertThat(thrown.getSuppressed()[0]).isInstanceOf(InternalServerException.class).hasMessageContaining("end failed");
    assertThat(client.sessions().opened()).as("an end was attempted: the handle is done").isEmpty();
  }

  // ---- attach and the registry ----

  @Test
  void attachSendsNothingAndReturnsTheKnownHandleForAKnownId() {
    StagehandSession opened = open();

    StagehandSession attached = client.sessions().attach("elsewhere-7");
    StagehandSession again = client.sessions().attach("s-1");

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(attached.id()).isEqualTo("elsewhere-7");
    assertThat(attached.cdpUrl()).isEmpty();
    assertThat(again).isSameAs(opened);
    assertThat(client.sessions().opened()).containsExactly(opened, attached);
    assertThatThrownBy(() -> client.sessions().attach("..")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessionId");
    assertThatThrownBy(() -> client.sessions().attach("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessionId must not be empty");

    server.enqueue(json(WireFixtures.END_OK));
    attached.close();
    assertThat(take(server).getTarget()).isEqualTo("/v1/sessions/elsewhere-7/end");
  }

  @Test
  void closingTheClientEndsEverySessionStillOpen() throws Exception {
    client = mock.newClient(b -> b.scheduler(WireFixtures.RecordingScheduler.immediate())); // retries at once
    List<String> ended = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        if (target.endsWith("/end")) {
          ended.add(target);
          return target.contains("s-3") ? json(500, "{\"error\":\"cannot end\"}") : json(WireFixtures.END_OK);
        }
        return json(STARTED.replace("s-1", "s-" + starts.incrementAndGet()));
      }
    });
    StagehandSession first = client.sessions().open(SessionStartParams.builder().modelName("m").build());
    client.sessions().open(SessionStartParams.builder().modelName("m").build());
    client.sessions().open(SessionStartParams.builder().modelName("m").build());
    client.sessions().attach("x-9").close();
    ended.clear();

    assertThatThrownBy(client::close).isInstanceOf(com.browserbase.stagehand.errors.SessionsNotEndedException.class)
        .hasMessageContaining("Could not end 1 session while closing the client: s-3.");

    assertThat(ended).containsExactlyInAnyOrder("/v1/sessions/s-1/end", "/v1/sessions/s-2/end",
        "/v1/sessions/s-3/end", "/v1/sessions/s-3/end", "/v1/sessions/s-3/end", "/v1/sessions/s-3/end");
    assertThat(first.isEnded()).isTrue();
    assertThat(client.sessions().opened()).isEmpty();
  }

  @Test
  void theRegistryHoldsUpUnderConcurrentOpensAndEnds() throws Exception {
    java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getTarget().endsWith("/start")
            ? json(STARTED.replace("s-1", "c-" + ids.incrementAndGet()))
            : json(WireFixtures.END_OK);
      }
    });
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      final boolean end = i % 2 == 0;
      work.add(threads.submit(() -> {
        StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("m").build());
        client.sessions().opened(); // listing while others change it
        if (end) {
          session.close();
        }
        return null;
      }));
    }
    for (Future<?> each : work) {
      each.get(20, TimeUnit.SECONDS);
    }
    threads.shutdown();

    assertThat(client.sessions().opened()).hasSize(20).allSatisfy(s -> assertThat(s.isEnded()).isFalse());
  }

  // ---- async ----

  @Test
  void theAsyncHandleMakesTheSameCalls() {
    server.enqueue(json(STARTED));
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(json(WireFixtures.END_OK));

    StagehandSessionAsync session = WireFixtures.await(
        client.async().sessions().open(SessionStartParams.builder().modelName("m").build()));
    ActResultData clicked = WireFixtures.await(session.act("click"));
    WireFixtures.await(session.end());

    assertThat(session.id()).isEqualTo("s-1");
    assertThat(clicked.message()).isEqualTo("done");
    take(server);
    assertThat(bodyTree(take(server))).isEqualTo(tree("{\"input\":\"click\"}"));
    assertThat(take(server).getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertThat(client.async().sessions().opened()).isEmpty();
    assertThat(session.sync().isEnded()).isTrue();
  }

  @Test
  void theAsyncHandleStreamsUnderProgress() {
    server.enqueue(json(STARTED));
    server.enqueue(sse(
        "{\"data\":{\"status\":\"running\",\"message\":\"one\"},\"type\":\"log\",\"id\":\"1\"}",
        "{\"data\":{\"status\":\"finished\",\"result\":[{\"selector\":\"#a\",\"description\":\"A\"}]},\"type\":\"system\",\"id\":\"2\"}"));
    List<StreamEvent> seen = new CopyOnWriteArrayList<>();

    StagehandSessionAsync session = WireFixtures.await(
        client.async().sessions().open(SessionStartParams.builder().modelName("m").build()));
    List<Action> found = WireFixtures.await(session.withProgress(seen::add).observe("find A"));

    assertThat(found).extracting(Action::selector).containsExactly("#a");
    assertThat(seen).extracting(StreamEvent::id).containsExactly("1", "2");
  }

  @Test
  void cancellingAnAsyncCallCancelsIt() throws Exception {
    server.enqueue(json(STARTED));
    StagehandSessionAsync session = WireFixtures.await(
        client.async().sessions().open(SessionStartParams.builder().modelName("m").build()));
    server.enqueue(new MockResponse.Builder().bodyDelay(10, TimeUnit.SECONDS).body(WireFixtures.ACT_OK).build());

    java.util.concurrent.CompletableFuture<ActResultData> act = session.act("click");
    take(server);
    take(server);
    act.cancel(true);

    assertThat(act).isCancelled();
    assertThat(client.async().sessions().opened()).hasSize(1);
  }

  /**
   * The start has answered and the client is registering the session it made when the caller cancels the
   * open: nobody will ever hold that session's handle, so the client must end it, at once, not only when
   * the client closes. The clock the registration reads ({@link GatedClock}) holds that moment open, so the
   * cancel lands in it.
   */
  @Test
  void anAsyncOpenCancelledAfterTheStartEndsTheSessionItMade() throws Exception {
    GatedClock clock = new GatedClock(NOW);
    StagehandClient gated = mock.newClient(b -> b.clock(clock));
    java.util.concurrent.BlockingQueue<RecordedRequest> ends = new java.util.concurrent.LinkedBlockingQueue<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().endsWith("/start")) {
          return json(STARTED);
        }
        ends.add(request);
        return json(WireFixtures.END_OK);
      }
    });

    java.util.concurrent.CompletableFuture<StagehandSessionAsync> open =
        gated.async().sessions().open(SessionStartParams.builder().modelName("m").build());
    assertThat(clock.reached.await(5, TimeUnit.SECONDS)).as("the start answered and s-1 is being registered").isTrue();
    assertThat(open.cancel(true)).isTrue();
    clock.release.countDown();

    RecordedRequest end = ends.poll(5, TimeUnit.SECONDS);
    assertThat(end).as("the end of the session the cancelled open made, sent before the client closes").isNotNull();
    assertThat(end.getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertThat(open).isCancelled();
    assertThat(gated.sessions().opened()).isEmpty();
    assertThat(ends.poll(200, TimeUnit.MILLISECONDS)).as("a second end").isNull();
  }
}
