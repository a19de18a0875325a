package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.END_OK;
import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.cache.ActionCacheStore;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An action cache over a user's {@link ActionCacheStore} ({@link ActionCache#of}), over the wire: the flows the
 * directory cache has (miss, hit, heal), the entry the store receives, and a store that throws, hangs or is
 * saturated, which never fails an act and is logged at WARN once per outage. The sessions have no CDP URL: the page is
 * the URL navigated to.
 */
class ActionCacheCustomStoreTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PAGE = "https://example.com/login?b=2&a=1";
  // The TypeScript library's key of "click the login button" on PAGE (reference.mjs; as in ActionCacheTest).
  private static final String CLICK_KEY = "20871bc1f18234e84003ec6fbafece2b070879738c9151361c92d87606802310";
  private static final String BUTTON = """
      {"selector":"xpath=/html/body/form/button","description":"Login button","method":"click","arguments":[]}""";
  private static final String BUTTON_MOVED = """
      {"selector":"xpath=/html/body/div/button","description":"Login button","method":"click","arguments":[]}""";
  /** Generous: a bound of {@link #BOUND} must end an act far sooner; only a missing bound (a hang) exceeds it. */
  private static final Duration NEVER_THAT_LONG = Duration.ofSeconds(20);
  private static final Duration BOUND = Duration.ofMillis(200);

  @TempDir
  Path dir;
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private final Api api = new Api();
  private final InTestStore store = new InTestStore("test");
  private Logger cacheLogger;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() {
    mock.server().setDispatcher(api);
    cacheLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.cache");
    log = new ListAppender<>();
    log.start();
    cacheLogger.addAppender(log);
    cacheLogger.setLevel(Level.DEBUG);
    cacheLogger.setAdditive(false);
  }

  @AfterEach
  void stop() {
    store.release();
    cacheLogger.detachAppender(log);
    cacheLogger.setLevel(null);
    cacheLogger.setAdditive(true);
  }

  /** The API: acts answered from {@link #acts} in order; the rest always succeeds. */
  private static final class Api extends Dispatcher {
    final BlockingDeque<MockResponse> acts = new LinkedBlockingDeque<>();
    final List<JsonNode> actBodies = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.endsWith("/start")) {
        return json(WireFixtures.START_OK);
      }
      if (path.endsWith("/navigate")) {
        return json(WireFixtures.NAVIGATE_OK);
      }
      if (path.endsWith("/act")) {
        actBodies.add(bodyTree(request));
        MockResponse next = acts.poll();
        return next != null ? next : json(500, "{\"success\":false,\"message\":\"no act answer scripted\"}");
      }
      return json(path.endsWith("/end") ? END_OK : "{}");
    }

    List<String> actInputs() {
      return actBodies.stream()
          .map(body -> body.path("input").isTextual() ? body.path("input").asText() : "action:" + body.path("input").path("selector").asText())
          .collect(Collectors.toList());
    }
  }

  /** An act answer: {@code success}, and the actions (JSON) the server says it performed. */
  static MockResponse acted(boolean success, String... actions) {
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

  /** A session of a new client with {@code cache}, on {@link #PAGE}. */
  private StagehandSession session(ActionCache cache) {
    StagehandSession session = mock.newClient(b -> b.actionCache(cache)).sessions()
        .open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
    session.navigate(PAGE);
    return session;
  }

  private StagehandSessionAsync asyncSession(ActionCache cache) {
    StagehandSessionAsync session = await(mock.newClient(b -> b.actionCache(cache)).async().sessions()
        .open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build()));
    await(session.navigate(PAGE));
    return session;
  }

  private ActResultData click(StagehandSession session, MockResponse... answers) {
    api.acts.addAll(Arrays.asList(answers));
    return session.act("click the login button");
  }

  private List<String> messages(Level level) {
    synchronized (log) {
      return new ArrayList<>(log.list).stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
          .collect(Collectors.toList());
    }
  }

  /** Waits (at most 10 s) until {@code done} holds: for what an asynchronous act does after its result. */
  private static void eventually(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  // ---- the flows, as the directory cache has them ----

  @Test
  void theEntryAStoreReceivesIsTheFileTheDirectoryCacheWritesForTheSameAct() throws IOException {
    click(session(ActionCache.directory(dir)), acted(true, BUTTON));
    String file = new String(Files.readAllBytes(dir.resolve(CLICK_KEY + ".json")), StandardCharsets.UTF_8);

    ActResultData result = click(session(ActionCache.of(store)), acted(true, BUTTON));

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(store.entries).containsOnlyKeys(CLICK_KEY);
    assertThat(store.entries.get(CLICK_KEY)).isEqualTo(file).startsWith("{\n  \"version\": 1,\n");
  }

  @Test
  void aMissStoresTheEntryAndTheNextActReplaysItWithNoModelCall() {
    ActionCache cache = ActionCache.of(store);
    StagehandSession session = session(cache);
    click(session, acted(true, BUTTON));

    ActResultData result = click(session, acted(true, BUTTON));

    assertThat(api.actInputs()).containsExactly("click the login button", "action:xpath=/html/body/form/button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=1, heals=0}");
    assertThat(store.gets.get()).isEqualTo(2);
    assertThat(store.puts.get()).isEqualTo(1);
    assertThat(messages(Level.WARN)).isEmpty();
  }

  @Test
  void aFailedReplayAsksTheModelAndRewritesTheEntryInTheStore() {
    ActionCache cache = ActionCache.of(store);
    StagehandSession session = session(cache);
    click(session, acted(true, BUTTON));

    ActResultData healed = click(session, acted(false), acted(true, BUTTON_MOVED));

    assertThat(ActionCache.status(healed)).contains(ActionCache.Status.HEALED);
    assertThat(tree(store.entries.get(CLICK_KEY)).path("actions")).isEqualTo(tree("[" + BUTTON_MOVED + "]"));
    // the server re-finds the element itself: the entry is rewritten with what it reports
    ActResultData selfHealed = click(session, acted(true, BUTTON));
    assertThat(ActionCache.status(selfHealed)).contains(ActionCache.Status.HEALED);
    assertThat(tree(store.entries.get(CLICK_KEY)).path("actions")).isEqualTo(tree("[" + BUTTON + "]"));
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=0, misses=1, heals=2}");
    assertThat(store.puts.get()).isEqualTo(3);
  }

  @Test
  void theAsyncHandleReadsAndWritesTheStore() throws InterruptedException {
    ActionCache cache = ActionCache.of(store);
    StagehandSessionAsync session = asyncSession(cache);
    api.acts.add(acted(true, BUTTON));
    assertThat(ActionCache.status(await(session.act("click the login button")))).contains(ActionCache.Status.MISS);
    eventually(() -> store.entries.containsKey(CLICK_KEY)); // an asynchronous act does not wait for the put
    api.acts.add(acted(true, BUTTON));

    ActResultData result = await(session.act("click the login button"));

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.HIT);
    assertThat(api.actInputs()).containsExactly("click the login button", "action:xpath=/html/body/form/button");
  }

  // ---- a store that fails ----

  @Test
  void aGetThatThrowsIsAMissAndTheActWorks() {
    store.getThrows = true;
    ActionCache cache = ActionCache.of(store);

    ActResultData result = click(session(cache), acted(true, BUTTON));

    assertThat(result.success()).isTrue();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(api.actInputs()).containsExactly("click the login button");
    assertThat(store.entries).containsKey(CLICK_KEY); // the put worked
    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(messages(Level.WARN)).containsExactly("The action cache store InTestStore{test} failed: get of " + CLICK_KEY
        + " threw java.io.UncheckedIOException: java.io.IOException: connection refused"
        + " (redis://cache.internal:6379/?password=***). Acts are served by the model meanwhile; further failures are"
        + " logged at DEBUG until the store answers again");
  }

  @Test
  void aPutThatThrowsIsLoggedNamingTheStoreNeverTheEntryAndTheResultStands() {
    store.putThrows = true;
    store.putQuotesEntry = true;
    store.failure = "rejected";
    ActionCache cache = ActionCache.of(store);

    ActResultData result = click(session(cache), acted(true, BUTTON));

    assertThat(result.success()).isTrue();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(store.entries).isEmpty();
    assertThat(messages(Level.WARN)).containsExactly("The action cache store InTestStore{test} failed: put of " + CLICK_KEY
        + " threw java.lang.IllegalStateException: rejected: {. Acts are served by the model meanwhile; further failures"
        + " are logged at DEBUG until the store answers again"); // the entry's first line, and no more
    assertThat(messages(Level.DEBUG)).contains("act cache miss " + CLICK_KEY + ": not stored (the store failed)");
  }

  @Test
  void aStoresLongMessageIsCut() {
    store.getThrows = true;
    char[] longMessage = new char[1000];
    Arrays.fill(longMessage, 'x');
    store.failure = new String(longMessage);

    click(session(ActionCache.of(store)), acted(true, BUTTON));

    assertThat(messages(Level.WARN)).singleElement().asString()
        .contains("java.io.IOException: " + new String(longMessage, 0, 200 - "java.io.IOException: ".length()) + "...")
        .doesNotContain(new String(longMessage, 0, 201));
  }

  @Test
  void aStoreDownForSeveralActsIsLoggedAtWarnOncePerOutage() {
    store.getThrows = true;
    store.putThrows = true;
    ActionCache cache = ActionCache.of(store);
    StagehandSession session = session(cache);
    for (int i = 0; i < 3; i++) {
      assertThat(ActionCache.status(click(session, acted(true, BUTTON)))).contains(ActionCache.Status.MISS);
    }
    assertThat(messages(Level.WARN)).hasSize(1);
    assertThat(messages(Level.DEBUG)).filteredOn(m -> m.startsWith("The action cache store InTestStore{test} failed again: "))
        .hasSize(5); // 3 gets and 3 puts, the first of which was the WARN

    store.getThrows = false;
    store.putThrows = false;
    click(session, acted(true, BUTTON));
    assertThat(messages(Level.INFO)).containsExactly("The action cache store InTestStore{test} answers again, after 6 failed calls");
    store.getThrows = true;
    assertThat(ActionCache.status(click(session, acted(true, BUTTON)))).contains(ActionCache.Status.MISS);

    assertThat(messages(Level.WARN)).hasSize(2).allMatch(m -> m.startsWith("The action cache store InTestStore{test} failed: get of "));
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=0, misses=5, heals=0}");
  }

  @Test
  void aGetThatReturnsNullInsteadOfEmptyIsAFailureOfTheStore() {
    ActionCacheStore broken = new ActionCacheStore() {
      @Override
      public Optional<String> get(String key) {
        return null;
      }

      @Override
      public void put(String key, String entry) {}

      @Override
      public String toString() {
        throw new UnsupportedOperationException("no name");
      }
    };

    ActResultData result = click(session(ActionCache.of(broken)), acted(true, BUTTON));

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).singleElement().asString()
        .contains(" failed: get of " + CLICK_KEY + " threw java.lang.IllegalStateException: get returned null, not Optional.empty()")
        .startsWith("The action cache store " + ActionCacheCustomStoreTest.class.getName() + "$"); // its class: its toString() threw
  }

  // ---- a store that hangs, or is saturated ----

  @Test
  void aHungGetIsAMissAfterTheBoundAndAHungPutDoesNotHoldTheAct() {
    store.getHangs = true;
    store.putHangs = true;
    ActionCache cache = ActionCache.builder(store).timeout(BOUND).build();
    StagehandSession session = session(cache);

    ActResultData result = assertTimeoutPreemptively(NEVER_THAT_LONG, () -> click(session, acted(true, BUTTON)));

    assertThat(result.success()).isTrue();
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).singleElement().asString()
        .contains("failed: get of " + CLICK_KEY + " did not answer within 200 ms");
    assertThat(messages(Level.DEBUG)).contains("act cache miss " + CLICK_KEY + ": not stored (the store failed)");
  }

  @Test
  void anAsyncActOnAHungStoreCompletesAfterTheBound() {
    store.getHangs = true;
    store.putHangs = true;
    StagehandSessionAsync session = asyncSession(ActionCache.builder(store).timeout(BOUND).build());
    api.acts.add(acted(true, BUTTON));

    ActResultData result = assertTimeoutPreemptively(NEVER_THAT_LONG, () -> session.act("click the login button").get());

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(api.actInputs()).containsExactly("click the login button");
  }

  @Test
  void aHungStoreHoldsNoMoreThreadsThanTheBoundAndASaturatedStoreIsAMissAtOnce() throws InterruptedException {
    store.getHangs = true;
    store.putHangs = true;
    ActionCache cache = ActionCache.builder(store).timeout(BOUND).maxConcurrentCalls(2).build();
    StagehandSession session = session(cache);

    for (int i = 0; i < 5; i++) {
      ActResultData result = assertTimeoutPreemptively(NEVER_THAT_LONG, () -> click(session, acted(true, BUTTON)));
      assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    }

    // The first act's get and put each hung a thread; every later call found both taken and was not made.
    assertThat(store.gets.get()).isEqualTo(1);
    assertThat(store.puts.get()).isEqualTo(1);
    assertThat(InTestStore.threadsInside()).isEqualTo(2);
    assertThat(messages(Level.WARN)).hasSize(1);
    assertThat(messages(Level.DEBUG)).filteredOn(m -> m.endsWith("was not made: 2 calls to the store are still running (it is slow or hung)"))
        .hasSize(8);
    assertThat(cache.stats().misses()).isEqualTo(5);

    store.getHangs = false;
    store.putHangs = false;
    store.release(); // the hung calls return, late: their answers are dropped, and the threads are free again
    eventually(() -> InTestStore.threadsInside() == 0);
    eventually(() -> {
      click(session, acted(true, BUTTON)); // a call may still find a thread finishing its late answer
      return !messages(Level.INFO).isEmpty();
    });
    assertThat(messages(Level.INFO)).singleElement().asString()
        .startsWith("The action cache store InTestStore{test} answers again, after ");
    // A cache has no close: its threads, and the timer, end once idle (a client's close leaves no SDK thread).
    eventually(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(thread -> thread.isAlive() && thread.getName().startsWith("stagehand-action-cache-")));
  }
}
