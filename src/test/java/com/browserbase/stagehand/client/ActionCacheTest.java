package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.END_OK;
import static com.browserbase.stagehand.client.WireFixtures.NAVIGATE_OK;
import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.browserbase.stagehand.internal.cache.FakeBrowser.eventually;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.internal.cache.FakeBrowser;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The action cache over the wire: a MockWebServer that answers the API and, on {@code /devtools/...},
 * the session's CDP WebSocket (a {@link FakeBrowser} on the page the test sets). Each test
 * checks what went out (instructions or actions), what the cache directory holds, and how the result
 * is marked.
 */
class ActionCacheTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PAGE = "https://example.com/login?b=2&a=1";
  // Produced by `node src/test/resources/action-cache/reference.mjs` (its "test" lines): the TypeScript
  // library's key of each instruction on PAGE, and the file it writes for the act CLICK answers.
  private static final String CLICK_KEY = "20871bc1f18234e84003ec6fbafece2b070879738c9151361c92d87606802310";
  private static final String TYPE_KEY = "b505adbc50c0cbca4c941f1fe636d8c8e8f7127b6f3f9d7afddb63461d61ad01";
  private static final String CLICK_FILE = """
      {
        "version": 1,
        "instruction": "click the login button",
        "url": "https://example.com/login?b=2&a=1",
        "variableKeys": [],
        "actions": [
          {
            "selector": "xpath=/html/body/form/button",
            "description": "Login button",
            "method": "click",
            "arguments": []
          }
        ],
        "actionDescription": "Login button",
        "message": "Action [click] performed successfully on selector: xpath=/html/body/form/button"
      }""";

  private static final String BUTTON = """
      {"selector":"xpath=/html/body/form/button","description":"Login button","method":"click","arguments":[]}""";
  private static final String BUTTON_MOVED = """
      {"selector":"xpath=/html/body/div/button","description":"Login button","method":"click","arguments":[]}""";
  private static final String FIELD = """
      {"selector":"xpath=/html/body/form/input","description":"E-mail field","method":"fill","arguments":["%email%"]}""";

  @TempDir
  Path dir;
  @RegisterExtension
  final MockStagehand mock = MockStagehand.create();
  private MockWebServer server;
  private Api api;
  private Logger cacheLogger;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() {
    server = mock.server();
    api = new Api();
    server.setDispatcher(api);
    cacheLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.cache");
    log = new ListAppender<>();
    log.start();
    cacheLogger.addAppender(log);
    cacheLogger.setLevel(Level.DEBUG);
    cacheLogger.setAdditive(false);
  }

  @AfterEach
  void stop() {
    cacheLogger.detachAppender(log);
    cacheLogger.setLevel(null);
    cacheLogger.setAdditive(true);
  }

  // ---- the fake server ----

  /** The API and the session's CDP WebSocket. Acts are answered from {@link #acts}, in order. */
  private final class Api extends Dispatcher {
    /** The session's browser: one tab, on {@link #PAGE}. */
    final FakeBrowser browser = new FakeBrowser("P1", PAGE);
    volatile boolean cdpRefused;
    volatile boolean withCdpUrl = true;
    final AtomicInteger cdpRequests = new AtomicInteger();
    final BlockingDeque<MockResponse> acts = new LinkedBlockingDeque<>();
    final List<JsonNode> actBodies = new CopyOnWriteArrayList<>();
    /** How many times the browser had been asked whether the element is there, at each act. */
    final List<Integer> looksBeforeActs = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.startsWith("/devtools/")) {
        cdpRequests.incrementAndGet();
        return cdpRefused ? json(404, "{}") : browser.upgrade();
      }
      if (path.endsWith("/start")) {
        ObjectNode started = NODES.objectNode().put("success", true);
        ObjectNode data = started.putObject("data").put("sessionId", "s-1").put("available", true);
        if (withCdpUrl) {
          data.put("cdpUrl", "ws://" + server.getHostName() + ":" + server.getPort() + "/devtools/browser/b-1?signingKey=secret");
        }
        return json(started.toString());
      }
      if (path.endsWith("/navigate")) {
        return json(NAVIGATE_OK);
      }
      if (path.endsWith("/end")) {
        return json(END_OK);
      }
      if (path.endsWith("/act")) {
        looksBeforeActs.add(browser.expressions.size());
        actBodies.add(bodyTree(request));
        MockResponse next = acts.poll();
        return next != null ? next : json(500, "{\"success\":false,\"error\":\"no act answer scripted\"}");
      }
      return json(404, "{\"message\":\"no route\"}");
    }

    /** What each act carried: the instruction, or the action's selector as {@code action:<selector>}. */
    List<String> actInputs() {
      return actBodies.stream()
          .map(body -> body.path("input").isTextual() ? body.path("input").asText() : "action:" + body.path("input").path("selector").asText())
          .collect(Collectors.toList());
    }
  }

  /** An act answer: {@code success}, and the actions (JSON) the server says it performed. */
  private static MockResponse acted(boolean success, String... actions) {
    ObjectNode result = NODES.objectNode().put("success", success);
    JsonNode first = actions.length > 0 ? tree(actions[0]) : NODES.objectNode();
    result.put("message", success
        ? "Action [" + first.path("method").asText() + "] performed successfully on selector: " + first.path("selector").asText()
        : "Failed to perform act: element not found");
    result.put("actionDescription", first.path("description").asText("nothing"));
    ArrayNode list = result.putArray("actions");
    for (String action : actions) {
      list.add(tree(action));
    }
    ObjectNode body = NODES.objectNode().put("success", true);
    body.putObject("data").set("result", result);
    return json(body.toString());
  }

  private StagehandClient client(ActionCache cache) {
    return mock.newClient(b -> b.actionCache(cache));
  }

  private static StagehandSession open(StagehandClient client) {
    return client.sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
  }

  private Path entry(String key) {
    return dir.resolve(key + ".json");
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> messages(Level level) {
    return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }

  // ---- miss, hit ----

  @Test
  void aMissAsksTheModelAndStoresWhatTheServerDidInTheTypeScriptFormat() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, BUTTON));

    ActResultData result = session.act("click the login button");

    assertThat(api.actInputs()).containsExactly("click the login button");
    assertThat(result.success()).isTrue();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(result.additionalProperties().get("cacheStatus").asText()).isEqualTo("MISS");
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE);
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=0, misses=1, heals=0}");
    assertThat(messages(Level.DEBUG)).containsExactly("act cache miss " + CLICK_KEY + ": stored 1 action");
  }

  @Test
  void aHitReplaysTheStoredActionsWithNoInstructionOnTheWire() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    api.acts.add(acted(true, BUTTON));

    ActResultData result = session.act("  click the login button\n");

    assertThat(api.actInputs()).containsExactly("click the login button", "action:xpath=/html/body/form/button");
    JsonNode replayed = api.actBodies.get(1).path("input");
    assertThat(replayed).isEqualTo(tree(BUTTON));
    assertThat(api.actBodies.get(1).has("options")).isFalse();
    assertThat(result.success()).isTrue();
    assertThat(result.actions()).extracting(Action::selector).containsExactly("xpath=/html/body/form/button");
    assertThat(result.actionDescription()).isEqualTo("Login button");
    assertThat(result.message()).isEqualTo("Action [click] performed successfully on selector: xpath=/html/body/form/button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=1, heals=0}");
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE);
    assertThat(messages(Level.DEBUG)).endsWith("act cache hit " + CLICK_KEY + ": replayed 1 action");
  }

  @Test
  void anEntryTheTypeScriptLibraryWroteIsReplayedByANewClient() throws IOException {
    Files.write(entry(CLICK_KEY), CLICK_FILE.getBytes(StandardCharsets.UTF_8));
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(api.actInputs()).containsExactly("action:xpath=/html/body/form/button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    assertThat(cache.stats().hits()).isEqualTo(1);
  }

  @Test
  void aReplayOfSeveralActionsSendsThemInOrderAndJoinsTheirMessages() throws IOException {
    ObjectNode stored = (ObjectNode) tree(CLICK_FILE);
    ((ArrayNode) stored.get("actions")).insert(0, tree(FIELD.replace("%email%", "hello")));
    Files.write(entry(CLICK_KEY), stored.toString().getBytes(StandardCharsets.UTF_8));
    api.acts.add(acted(true, FIELD.replace("%email%", "hello")));
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(ActionCache.directory(dir))).act("click the login button");

    assertThat(api.actInputs()).containsExactly("action:xpath=/html/body/form/input", "action:xpath=/html/body/form/button");
    assertThat(result.actions()).hasSize(2);
    assertThat(result.message()).isEqualTo("Action [fill] performed successfully on selector: xpath=/html/body/form/input"
        + " \u2192 Action [click] performed successfully on selector: xpath=/html/body/form/button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
  }

  // ---- the page changed ----

  @Test
  void aFailedReplayAsksTheModelAndRewritesTheEntry() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    api.acts.add(acted(false));               // the stored selector matches nothing any more
    api.acts.add(acted(true, BUTTON_MOVED));  // the model finds the button where it is now

    ActResultData result = session.act("click the login button");

    assertThat(api.actInputs()).containsExactly("click the login button", "action:xpath=/html/body/form/button",
        "click the login button");
    assertThat(result.success()).isTrue();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HEALED);
    assertThat(tree(read(entry(CLICK_KEY))).path("actions")).isEqualTo(tree("[" + BUTTON_MOVED + "]"));
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=0, misses=1, heals=1}");

    api.acts.add(acted(true, BUTTON_MOVED));
    ActResultData next = session.act("click the login button");
    assertThat(api.actInputs()).endsWith("action:xpath=/html/body/div/button");
    assertThat(ActionCache.status(next)).contains(ActionCache.Status.HIT);
  }

  @Test
  void aReplayTheServerHealedItselfRewritesTheEntryWithoutAskingAgain() throws IOException {
    Files.write(entry(CLICK_KEY), CLICK_FILE.getBytes(StandardCharsets.UTF_8));
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(acted(true, BUTTON_MOVED)); // selfHeal: success, with the selector it found instead

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(api.actInputs()).containsExactly("action:xpath=/html/body/form/button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HEALED);
    assertThat(result.actions()).extracting(Action::selector).containsExactly("xpath=/html/body/div/button");
    JsonNode rewritten = tree(read(entry(CLICK_KEY)));
    assertThat(rewritten.path("actions")).isEqualTo(tree("[" + BUTTON_MOVED + "]"));
    assertThat(rewritten.path("instruction").asText()).isEqualTo("click the login button");
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=0, misses=0, heals=1}");
  }

  @Test
  void aFailedFallbackLeavesTheOldEntryAndReturnsTheModelsResult() throws IOException {
    Files.write(entry(CLICK_KEY), CLICK_FILE.getBytes(StandardCharsets.UTF_8));
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(acted(false));
    api.acts.add(acted(false));

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(api.actInputs()).containsExactly("action:xpath=/html/body/form/button", "click the login button");
    assertThat(result.success()).isFalse();
    assertThat(result.message()).isEqualTo("Failed to perform act: element not found");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE);
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=0, misses=1, heals=0}");
  }

  @Test
  void aFallbackThatThrowsLeavesTheOldEntryAndThrowsWhatTheModelCallThrew() throws IOException {
    Files.write(entry(CLICK_KEY), CLICK_FILE.getBytes(StandardCharsets.UTF_8));
    api.acts.add(json(400, "{\"success\":false,\"error\":\"Selector is not valid\"}")); // refused as it is: falls back
    api.acts.add(json(500, "{\"success\":false,\"error\":\"model unreachable\"}"));
    StagehandSession session = open(client(ActionCache.directory(dir)));

    assertThatThrownBy(() -> session.act("click the login button"))
        .isInstanceOf(InternalServerException.class)
        .hasMessageContaining("model unreachable");
    assertThat(api.actInputs()).containsExactly("action:xpath=/html/body/form/button", "click the login button");
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE);
  }

  @Test
  void aServerErrorWhileReplayingIsThrownWithoutAskingTheModel() throws IOException {
    Files.write(entry(CLICK_KEY), CLICK_FILE.getBytes(StandardCharsets.UTF_8));
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(json(500, "{\"success\":false,\"error\":\"browser crashed\"}"));
    StagehandSession session = open(client(cache));

    assertThatThrownBy(() -> session.act("click the login button")).isInstanceOf(InternalServerException.class);
    assertThat(api.actInputs()).containsExactly("action:xpath=/html/body/form/button");
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE);
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void aFailedActIsNotStored() {
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(acted(false));

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(result.success()).isFalse();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(entry(CLICK_KEY)).doesNotExist();
    assertThat(messages(Level.DEBUG)).containsExactly("act cache miss " + CLICK_KEY + ": not stored (the act did not succeed)");
  }

  // ---- variables ----

  @Test
  void variablesAreStoredByNameAndAReplayUsesTheNewValues() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, FIELD));
    ActOptions ada = ActOptions.builder().putVariable("email", "ada@example.com").build();
    session.act("type %email% into the e-mail field", ada);

    String stored = read(entry(TYPE_KEY));
    assertThat(tree(stored).path("variableKeys")).isEqualTo(tree("[\"email\"]"));
    assertThat(tree(stored).path("actions").get(0).path("arguments")).isEqualTo(tree("[\"%email%\"]"));
    assertThat(stored).doesNotContain("ada@example.com");

    api.acts.add(acted(true, FIELD));
    ActResultData result = session.act("type %email% into the e-mail field",
        ActOptions.builder().putVariable("email", "bea@example.com").build());

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    JsonNode replay = api.actBodies.get(1);
    assertThat(replay.path("input").path("arguments")).isEqualTo(tree("[\"%email%\"]"));
    assertThat(replay.path("options").path("variables")).isEqualTo(tree("{\"email\":\"bea@example.com\"}"));
  }

  @Test
  void valuesTheServerReportsAreStoredAsTheirPlaceholdersNeverAsThemselves() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    // A server that reported the substituted value (this one does not: it reports what the model chose).
    api.acts.add(acted(true, FIELD.replace("%email%", "s3cret-Pa55 for ada@example.com")
        .replace("E-mail field", "E-mail field of ada@example.com")));
    ActOptions options = ActOptions.builder()
        .putVariable("email", "ada@example.com")
        .putVariable("password", "s3cret-Pa55")
        .putVariable("empty", "")
        .build();

    session.act("type %password% for %email% into the e-mail field", options);

    Path file;
    try (Stream<Path> files = Files.list(dir)) {
      file = files.collect(Collectors.toList()).get(0);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String stored = read(file);
    assertThat(stored).doesNotContain("ada@example.com").doesNotContain("s3cret-Pa55");
    JsonNode action = tree(stored).path("actions").get(0);
    assertThat(action.path("arguments")).isEqualTo(tree("[\"%password% for %email%\"]"));
    assertThat(action.path("description").asText()).isEqualTo("E-mail field of %email%");
    assertThat(tree(stored).path("variableKeys")).isEqualTo(tree("[\"email\",\"empty\",\"password\"]"));
    assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage)).noneMatch(m -> m.contains("s3cret") || m.contains("ada@"));
  }

  @Test
  void numberValuesAreFoundInWhatTheServerReportsAsJavaScriptWritesThem() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    // The server parses the JSON it is sent and types String(value): 1234.50 -> "1234.5", 1e21 -> "1e+21".
    api.acts.add(acted(true, FIELD.replace("\"%email%\"",
        "\"1234.5\",\"1e+21\",\"1e-7\",\"1000000000000000\",\"9007199254740992\",\"0.1\",\"true\"")));
    ActOptions options = ActOptions.builder()
        .putVariable("amount", VariableValue.of(new BigDecimal("1234.50")))
        .putVariable("big", VariableValue.of(1e21))
        .putVariable("tiny", VariableValue.of(1e-7))
        .putVariable("quadrillion", VariableValue.of(1e15))
        .putVariable("id", VariableValue.of(9007199254740993L))
        .putVariable("tenth", VariableValue.of(0.1))
        .putVariable("flag", VariableValue.of(true))
        .build();

    session.act("pay %amount%", options);

    String stored = read(onlyEntry());
    assertThat(tree(stored).path("actions").get(0).path("arguments")).isEqualTo(tree(
        "[\"%amount%\",\"%big%\",\"%tiny%\",\"%quadrillion%\",\"%id%\",\"%tenth%\",\"%flag%\"]"));
  }

  @Test
  void aPageUrlsSecretLookingParametersAreMaskedInTheEntryAndTheLogsButNotInTheKey() {
    Logger sdkLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand");
    ListAppender<ILoggingEvent> everything = new ListAppender<>();
    everything.start();
    sdkLogger.addAppender(everything);
    sdkLogger.setLevel(Level.TRACE);
    sdkLogger.setAdditive(false);
    try {
      api.withCdpUrl = false; // the page is the URL navigated to, which goes through the TRACE log
      ActionCache cache = ActionCache.directory(dir);
      StagehandSession session = open(client(cache));
      String page = "https://bank.example/account?token=tk-LIVE-SECRET-42&b=2";
      session.navigate(page);
      api.acts.add(acted(true, BUTTON));

      session.act("click the login button");

      // The TypeScript library's key of the URL as it is (reference.mjs, "token"): entries stay shared.
      Path file = entry("84fcb1015c5005c7320f970e1c37fd021d4ab576b5a73b2ee1d17e3d77eb0233");
      assertThat(onlyEntry()).isEqualTo(file);
      assertThat(tree(read(file)).path("url").asText()).isEqualTo("https://bank.example/account?token=***&b=2");
      assertThat(read(file)).doesNotContain("tk-LIVE-SECRET-42");
      api.acts.add(acted(true, BUTTON));
      assertThat(ActionCache.status(session.act("click the login button"))).contains(ActionCache.Status.HIT);
      List<String> logged = Stream.concat(everything.list.stream(), log.list.stream()) // the cache's logger has its own appender
          .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
      assertThat(logged).anyMatch(line -> line.contains("token=***"));
      assertThat(logged).noneMatch(line -> line.contains("tk-LIVE-SECRET-42"));
    } finally {
      sdkLogger.detachAppender(everything);
      sdkLogger.setLevel(null);
      sdkLogger.setAdditive(true);
    }
  }

  private Path onlyEntry() {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> entries = files.collect(Collectors.toList());
      assertThat(entries).hasSize(1);
      return entries.get(0);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aValueInsideASelectorIsNeverStored() {
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(acted(true, BUTTON.replace("form/button", "form[@name='ada']/button")));

    ActResultData result = open(client(cache)).act("click the button of %user%",
        ActOptions.builder().putVariable("user", "ada").build());

    assertThat(result.success()).isTrue();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(messages(Level.DEBUG).get(0)).endsWith("not stored (a variable's value is part of a selector)");
  }

  @Test
  void otherVariableNamesAreAnotherKey() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, FIELD));
    session.act("type %email% into the e-mail field", ActOptions.builder().putVariable("email", "a@example.com").build());
    api.acts.add(acted(true, FIELD));

    ActResultData result = session.act("type %email% into the e-mail field", ActOptions.builder()
        .putVariable("email", "a@example.com").putVariable("name", "Ada").build());

    assertThat(api.actInputs()).containsExactly("type %email% into the e-mail field", "type %email% into the e-mail field");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
  }

  @Test
  void anEntryStoredForOtherVariablesIsNotReplayed() throws IOException {
    // The file of the instruction with no variables, but saying it was made with one: the TypeScript library's check.
    Files.write(entry(CLICK_KEY), CLICK_FILE.replace("\"variableKeys\": []", "\"variableKeys\": [\"x\"]")
        .getBytes(StandardCharsets.UTF_8));
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(ActionCache.directory(dir))).act("click the login button");

    assertThat(api.actInputs()).containsExactly("click the login button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).isEmpty();
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE); // replaced by the model's answer
  }

  // ---- damaged entries, directories ----

  @Test
  void aCorruptEntryIsLoggedAndTreatedAsAMiss() throws IOException {
    Files.write(entry(CLICK_KEY), "{\"version\": 1, \"actions\": [".getBytes(StandardCharsets.UTF_8));
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(result.success()).isTrue();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).singleElement().asString()
        .startsWith("Ignoring the action cache entry " + entry(CLICK_KEY) + ": not JSON (");
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE);
  }

  @Test
  void entriesThatAreNotEntriesAreMissesAndNeverExceptions() throws IOException {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    String[] damaged = {"[1, 2]", "{\"version\": 1, \"actions\": [\"click\"]}", "\u0000\u0001binary"};
    for (String content : damaged) {
      Files.write(entry(CLICK_KEY), content.getBytes(StandardCharsets.UTF_8));
      api.acts.add(acted(true, BUTTON));
      assertThat(ActionCache.status(session.act("click the login button"))).contains(ActionCache.Status.MISS);
    }
    for (String content : new String[] {"{\"version\": 2, \"actions\": [{}]}", "{\"version\": 1, \"actions\": []}"}) {
      Files.write(entry(CLICK_KEY), content.getBytes(StandardCharsets.UTF_8));
      api.acts.add(acted(true, BUTTON));
      assertThat(ActionCache.status(session.act("click the login button"))).contains(ActionCache.Status.MISS);
    }
    assertThat(messages(Level.WARN)).hasSize(3); // the damaged ones; another version or no actions is a plain miss
    assertThat(cache.stats().misses()).isEqualTo(5);
  }

  @Test
  void anEntryThatCannotBeReadOrWrittenIsLoggedAndTheActStillWorks() throws IOException {
    Files.createDirectory(entry(CLICK_KEY)); // a directory where the file should be
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(ActionCache.directory(dir))).act("click the login button");

    assertThat(result.success()).isTrue();
    assertThat(messages(Level.WARN)).hasSize(2);
    assertThat(messages(Level.WARN).get(0)).startsWith("Ignoring the action cache entry " + entry(CLICK_KEY) + ": it cannot be read");
    assertThat(messages(Level.WARN).get(1)).startsWith("Cannot write the action cache entry " + entry(CLICK_KEY));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(entry(CLICK_KEY)); // no temporary file left behind
    }
  }

  @Test
  void aDirectoryThatCannotBeCreatedFailsTheBuildNamingIt() throws IOException {
    Path inTheWay = Files.createFile(dir.resolve("a-file"));
    Path cacheDir = inTheWay.resolve("cache");

    assertThatThrownBy(() -> WireFixtures.builderFor(server).actionCache(ActionCache.directory(cacheDir)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The action cache directory " + cacheDir + " cannot be used: ");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aMissingDirectoryIsCreatedWhenTheClientIsBuilt() {
    Path cacheDir = dir.resolve("nested/cache");

    client(ActionCache.directory(cacheDir));

    assertThat(cacheDir).isDirectory();
  }

  // ---- entries nobody else can plant, and their bound (issue 21) ----

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Gives {@code path} to another user, uid 12345; skips the test where this process may not (it is not root). */
  private static void chownToAnotherUser(Path path) {
    assumeTrue(posix(path), "POSIX file system");
    try {
      Files.setAttribute(path, "unix:uid", 12345, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "cannot give a file to another user here (needs root): " + e);
    }
  }

  /** What another user plants: an entry under the key of a real instruction, typing its variable elsewhere. */
  private static final String PLANTED = """
      {"version": 1, "instruction": "type %email% into the e-mail field", "url": "https://example.com/login?b=2&a=1",
       "variableKeys": ["email"], "actions": [{"selector": "xpath=//input[@id='attacker']", "description": "planted",
       "method": "fill", "arguments": ["%email%"]}]}""";

  @Test
  void aDirectoryAnotherUserOwnsAndAnyoneCanWriteFailsTheBuildSoItsPlantedEntryIsNeverReplayed() throws IOException {
    Files.write(entry(TYPE_KEY), PLANTED.getBytes(StandardCharsets.UTF_8));
    chownToAnotherUser(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> WireFixtures.builderFor(server).actionCache(ActionCache.directory(dir)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The action cache directory " + dir + " cannot be used: it belongs to 12345, not to ")
        .hasMessageEndingWith("use a directory you own");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aDirectoryOthersCanWriteToFailsTheBuildNamingItAndTheFix() throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> WireFixtures.builderFor(server).actionCache(ActionCache.directory(dir)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The action cache directory " + dir + " cannot be used: others can write to it (rwxrwxrwx)")
        .hasMessageContaining("run chmod 700 " + dir + ", or use a directory only you can write to");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theDirectoryIsMadePrivateAndEntriesAreWrittenForTheOwnerOnly() throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Path cacheDir = dir.resolve("new-cache");
    api.acts.add(acted(true, BUTTON));

    open(client(ActionCache.directory(cacheDir))).act("click the login button");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir.resolve(CLICK_KEY + ".json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void anEntryThatIsASymbolicLinkIsAMissLoggedWithItsPathAndNeverFollowed() throws IOException {
    Path planted = Files.write(dir.resolveSibling(dir.getFileName() + "-planted.json"), PLANTED.getBytes(StandardCharsets.UTF_8));
    try {
      Files.createSymbolicLink(entry(TYPE_KEY), planted);
      ActionCache cache = ActionCache.directory(dir);
      api.acts.add(acted(true, FIELD));

      ActResultData result = open(client(cache)).act("type %email% into the e-mail field",
          ActOptions.builder().putVariable("email", "ada@example.com").build());

      assertThat(api.actInputs()).containsExactly("type %email% into the e-mail field"); // never the planted selector
      assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
      assertThat(messages(Level.WARN)).containsExactly(
          "Ignoring the action cache entry " + entry(TYPE_KEY) + ": it is a symbolic link, which the cache never follows");
      assertThat(entry(TYPE_KEY)).isRegularFile(); // the model's answer replaced the link
      assertThat(read(entry(TYPE_KEY))).contains("xpath=/html/body/form/input");
      assertThat(read(planted)).isEqualTo(PLANTED); // and nothing was written through it
    } finally {
      Files.delete(planted);
    }
  }

  @Test
  void anEntryAnotherUserOwnsIsAMiss() throws IOException {
    // Planted while the directory was open to all, then kept by chmod 700.
    Path planted = Files.write(entry(TYPE_KEY), PLANTED.getBytes(StandardCharsets.UTF_8));
    chownToAnotherUser(planted);
    api.acts.add(acted(true, FIELD));

    ActResultData result = open(client(ActionCache.directory(dir))).act("type %email% into the e-mail field",
        ActOptions.builder().putVariable("email", "ada@example.com").build());

    assertThat(api.actInputs()).containsExactly("type %email% into the e-mail field");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).singleElement().asString()
        .startsWith("Ignoring the action cache entry " + entry(TYPE_KEY) + ": it belongs to 12345, not to ");
  }

  @Test
  void aHugeEntryIsAMissFoundWithoutReadingItAndTheModelServes() throws IOException {
    long huge = 3L << 30; // 3 GiB, sparse: more than any array holds, and no disk used
    try (RandomAccessFile file = new RandomAccessFile(entry(CLICK_KEY).toFile(), "rw")) {
      file.setLength(huge);
    }
    ActionCache cache = ActionCache.directory(dir);
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(result.success()).isTrue();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(api.actInputs()).containsExactly("click the login button");
    assertThat(messages(Level.WARN)).containsExactly("Ignoring the action cache entry " + entry(CLICK_KEY)
        + ": it is " + huge + " bytes, more than the limit of 1048576 bytes");
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE); // replaced by the model's answer
  }

  @Test
  void theBoundOfAnEntryCanBeSet() throws IOException {
    Files.write(entry(CLICK_KEY), CLICK_FILE.getBytes(StandardCharsets.UTF_8));
    int size = CLICK_FILE.getBytes(StandardCharsets.UTF_8).length;
    ActionCache cache = ActionCache.directory(dir, size - 1);
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).containsExactly(
        "Ignoring the action cache entry " + entry(CLICK_KEY) + ": it is " + size + " bytes, more than the limit of "
            + (size - 1) + " bytes",
        "Not storing the action cache entry " + entry(CLICK_KEY) + ": it is " + size + " bytes, more than the limit of "
            + (size - 1) + " bytes");
    assertThat(messages(Level.DEBUG)).containsExactly("act cache miss " + CLICK_KEY + ": not stored (larger than the bound)");
    assertThatThrownBy(() -> ActionCache.directory(dir, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEntryBytes must be positive: 0");
  }

  @Test
  void aMemoryCacheDoesNotKeepAnEntryLargerThanTheBound() {
    ActionCache cache = ActionCache.memory();
    StagehandSession session = open(client(cache));
    char[] longDescription = new char[1024 * 1024];
    java.util.Arrays.fill(longDescription, 'x');
    String huge = BUTTON.replace("Login button", new String(longDescription));
    api.acts.add(acted(true, huge));
    session.act("click the login button");
    api.acts.add(acted(true, BUTTON));

    ActResultData result = session.act("click the login button");

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(api.actInputs()).containsExactly("click the login button", "click the login button");
    assertThat(messages(Level.WARN)).singleElement().asString()
        .startsWith("Not storing the action cache entry memory:" + CLICK_KEY + ": it is ")
        .endsWith(" bytes, more than the limit of 1048576 bytes");
  }

  @Test
  void aTemporaryFileAKilledWriterLeftIsRemovedWhenTheClientIsBuilt() throws IOException {
    Path left = dir.resolve("." + CLICK_KEY + "." + java.util.UUID.randomUUID() + ".tmp");
    Files.write(left, "{\"version\": 1, \"act".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(left, FileTime.fromMillis(System.currentTimeMillis() - 120_000));

    client(ActionCache.directory(dir));

    assertThat(left).doesNotExist();
  }

  // ---- the page's URL ----

  @Test
  void thePageUrlComesFromTheBrowserAndItsQueryOrderDoesNotMatter() {
    api.browser.noDiscovery = true; // asked each time: no race with events
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    session.navigate("https://example.com/start"); // not where the browser is: the browser's URL wins
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    eventually(() -> api.browser.asked("Target.setDiscoverTargets") == 1);
    api.browser.navigate("P1", "https://example.com/login?a=1&b=2", false);
    api.acts.add(acted(true, BUTTON));

    ActResultData sameQuery = session.act("click the login button");
    api.browser.navigate("P1", "https://example.com/elsewhere", false);
    api.acts.add(acted(true, BUTTON));
    ActResultData elsewhere = session.act("click the login button");

    assertThat(entry(CLICK_KEY)).exists();
    assertThat(ActionCache.status(sameQuery)).contains(ActionCache.Status.HIT);
    assertThat(ActionCache.status(elsewhere)).contains(ActionCache.Status.MISS);
    assertThat(api.cdpRequests.get()).as("one connection, kept").isEqualTo(1);
    assertThat(api.browser.asked("Target.getTargets")).isEqualTo(3);
  }

  @Test
  void theBrowsersEventsKeepThePageUrlWithOneQuestionPerConnection() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    for (int i = 0; i < 3; i++) {
      api.acts.add(acted(true, BUTTON));
      assertThat(ActionCache.status(session.act("click the login button"))).contains(ActionCache.Status.HIT);
    }

    assertThat(api.cdpRequests.get()).isEqualTo(1);
    assertThat(api.browser.asked("Target.getTargets")).isEqualTo(1);
    assertThat(api.browser.asked("Target.attachToTarget")).isEqualTo(1);
    assertThat(api.browser.asked("Runtime.evaluate")).as("one look per replayed action").isEqualTo(3);
  }

  @Test
  void aHitWaitsForTheElementBeforeReplayingIt() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    api.browser.elementAfter(2); // rendered late
    api.acts.add(acted(true, BUTTON));

    ActResultData hit = session.act("click the login button");

    assertThat(ActionCache.status(hit)).contains(ActionCache.Status.HIT);
    assertThat(api.looksBeforeActs).containsExactly(0, 3);
    assertThat(api.browser.expressions).allSatisfy(e -> assertThat(e).contains("\"/html/body/form/button\""));
  }

  @Test
  void endingTheSessionClosesItsBrowserConnection() {
    StagehandSession session = open(client(ActionCache.directory(dir)));
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");

    session.end();

    eventually(() -> api.browser.closedByClient.get() == 1);
    assertThat(api.cdpRequests.get()).isEqualTo(1);
  }

  @Test
  void closingTheClientClosesTheBrowserConnectionsOfItsSessions() {
    StagehandClient client = client(ActionCache.directory(dir));
    StagehandSession first = open(client);
    api.acts.add(acted(true, BUTTON));
    first.act("click the login button");

    client.close();

    eventually(() -> api.browser.closedByClient.get() == 1);
    assertThat(first.isEnded()).isTrue();
  }

  @Test
  void withoutACdpUrlTheLastUrlNavigatedToIsThePage() {
    api.withCdpUrl = false;
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, BUTTON));

    session.act("click the login button"); // no page known: the cache is not used

    assertThat(dir.toFile().list()).isEmpty();
    assertThat(messages(Level.DEBUG)).containsExactly(
        "act cache miss (not used: the page URL is unknown; navigate through the session handle first)");
    session.navigate(PAGE);
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    assertThat(read(entry(CLICK_KEY))).isEqualTo(CLICK_FILE);
    assertThat(api.cdpRequests.get()).isZero();
  }

  @Test
  void aBrowserThatCannotBeReachedIsAskedOnceThenTheLastUrlNavigatedToServes() {
    api.cdpRefused = true;
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    session.navigate(PAGE);
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    api.acts.add(acted(true, BUTTON));

    ActResultData second = session.act("click the login button");

    assertThat(ActionCache.status(second)).contains(ActionCache.Status.HIT);
    assertThat(api.cdpRequests.get()).isEqualTo(1);
    assertThat(messages(Level.DEBUG).get(0))
        .startsWith("Cannot read the page URL over CDP (ws://" + server.getHostName() + ":" + server.getPort()
            + "/devtools/browser/b-1?...): ")
        .doesNotContain("secret");
  }

  // ---- what never uses the cache; views; async; memory ----

  @Test
  void actWithAnActionIsNeverCached() {
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(ActionCache.directory(dir))).act(Action.builder()
        .selector("xpath=/html/body/form/button").description("Login button").method("click").build());

    assertThat(result.additionalProperties()).doesNotContainKey("cacheStatus");
    assertThat(dir.toFile().list()).isEmpty();
    assertThat(api.cdpRequests.get()).isZero();
  }

  @Test
  void progressViewsUseTheCacheAndTheirListenerSeesTheReplayedCalls() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = open(client(cache));
    api.acts.add(acted(true, BUTTON));
    session.act("click the login button");
    List<StreamEvent> seen = new CopyOnWriteArrayList<>();
    String finished = "{\"success\":true,\"message\":\"ok\",\"actionDescription\":\"Login button\",\"actions\":[" + BUTTON + "]}";
    api.acts.add(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(
        "data: {\"type\":\"system\",\"data\":{\"status\":\"starting\"}}\n\n"
            + "data: {\"type\":\"system\",\"data\":{\"status\":\"finished\",\"result\":" + finished + "}}\n\n").build());

    ActResultData result = session.withProgress(seen::add).act("click the login button");

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    assertThat(seen).extracting(e -> e.data().status().value()).containsExactly("starting", "finished");
    assertThat(api.actInputs()).endsWith("action:xpath=/html/body/form/button");
  }

  @Test
  void theAsyncHandleUsesTheCache() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandClient client = client(cache);
    StagehandSessionAsync session = await(client.async().sessions().open(
        SessionStartParams.builder().modelName("openai/gpt-5-nano").build()));
    api.acts.add(acted(true, BUTTON));
    assertThat(ActionCache.status(await(session.act("click the login button")))).contains(ActionCache.Status.MISS);
    api.acts.add(acted(true, BUTTON));

    ActResultData result = await(session.act("click the login button", ActOptions.builder().timeout(30_000).build()));

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    assertThat(api.actInputs()).containsExactly("click the login button", "action:xpath=/html/body/form/button");
    assertThat(api.actBodies.get(1).path("options").path("timeout").asInt()).isEqualTo(30_000);

    api.acts.add(json(500, "{\"success\":false,\"error\":\"browser crashed\"}"));
    assertThat(failureOf(session.act("click the login button"))).isInstanceOf(InternalServerException.class);
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=2, heals=0}");
  }

  @Test
  void aMemoryCacheIsSharedByTheClientsGivenIt() {
    ActionCache cache = ActionCache.memory();
    api.acts.add(acted(true, BUTTON));
    open(client(cache)).act("click the login button");
    api.acts.add(acted(true, BUTTON));

    ActResultData result = open(client(cache)).act("click the login button");

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    assertThat(cache.toString()).isEqualTo("ActionCache{memory}");
    assertThat(ActionCache.directory(dir).toString()).isEqualTo("ActionCache{directory=" + dir.toAbsolutePath() + "}");
  }

  @Test
  void clientsMadeWithOptionsKeepTheCache() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandClient derived = client(cache).withOptions(b -> b.maxRetries(0));
    api.acts.add(acted(true, BUTTON));

    open(derived).act("click the login button");

    assertThat(entry(CLICK_KEY)).exists();
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void statusIsEmptyForAResultTheCacheDidNotServe() {
    assertThat(ActionCache.status(WireFixtures.parse(
        "{\"success\":true,\"message\":\"m\",\"actionDescription\":\"d\",\"actions\":[]}", ActResultData.class)))
        .isEqualTo(Optional.empty());
  }
}
