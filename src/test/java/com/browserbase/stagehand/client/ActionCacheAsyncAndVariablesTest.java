package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.END_OK;
import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * The action cache where ActionCacheTest does not go: the asynchronous handle's navigations and cancels, a
 * miss whose model call throws, and variables whose values are numbers or booleans. The sessions here have
 * no CDP URL, so the page is the last URL navigated to through the handle.
 */
class ActionCacheAsyncAndVariablesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PAGE = "https://shop.example/order";
  private static final String BUTTON = """
      {"selector":"xpath=/html/body/form/button","description":"Order button","method":"click","arguments":[]}""";

  @TempDir
  Path dir;
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private final Api api = new Api();
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
    cacheLogger.detachAppender(log);
    cacheLogger.setLevel(null);
    cacheLogger.setAdditive(true);
  }

  /** The API: navigations and acts answered from their queues, in order (navigate: NAVIGATE_OK when none is queued). */
  private static final class Api extends Dispatcher {
    final BlockingDeque<MockResponse> navigations = new LinkedBlockingDeque<>();
    final BlockingDeque<MockResponse> acts = new LinkedBlockingDeque<>();
    final List<JsonNode> actBodies = new CopyOnWriteArrayList<>();
    final BlockingDeque<String> received = new LinkedBlockingDeque<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      received.add(path);
      if (path.endsWith("/start")) {
        return json(WireFixtures.START_OK);
      }
      if (path.endsWith("/navigate")) {
        MockResponse next = navigations.poll();
        return next != null ? next : json(WireFixtures.NAVIGATE_OK);
      }
      if (path.endsWith("/act")) {
        actBodies.add(bodyTree(request));
        MockResponse next = acts.poll();
        return next != null ? next : json(500, "{\"success\":false,\"message\":\"no act answer scripted\"}");
      }
      if (path.endsWith("/end")) {
        return json(END_OK);
      }
      return json(404, "{\"message\":\"no route\"}");
    }

    /** What each act carried: the instruction, or the action's selector as {@code action:<selector>}. */
    List<String> actInputs() {
      return actBodies.stream()
          .map(body -> body.path("input").isTextual() ? body.path("input").asText() : "action:" + body.path("input").path("selector").asText())
          .collect(Collectors.toList());
    }

    /** Waits until a request for a path ending in {@code suffix} has arrived. */
    void awaitRequest(String suffix) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      for (String path; (path = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null; ) {
        if (path.endsWith(suffix)) {
          return;
        }
      }
      throw new AssertionError("no request for " + suffix + " arrived");
    }
  }

  /** A successful act answer reporting {@code actions} (JSON objects). */
  private static MockResponse acted(String... actions) {
    JsonNode first = tree(actions[0]);
    ObjectNode result = NODES.objectNode().put("success", true)
        .put("message", "Action [" + first.path("method").asText() + "] performed successfully on selector: "
            + first.path("selector").asText())
        .put("actionDescription", first.path("description").asText());
    ArrayNode list = result.putArray("actions");
    for (String action : actions) {
      list.add(tree(action));
    }
    ObjectNode body = NODES.objectNode().put("success", true);
    body.putObject("data").set("result", result);
    return json(body.toString());
  }

  private static String action(String selector, String description, String method, String... arguments) {
    ObjectNode action = NODES.objectNode().put("selector", selector).put("description", description).put("method", method);
    ArrayNode list = action.putArray("arguments");
    for (String argument : arguments) {
      list.add(argument);
    }
    return action.toString();
  }

  private StagehandClient client(ActionCache cache) {
    return mock.newClient(b -> b.actionCache(cache));
  }

  private static StagehandSession openOn(StagehandClient client, String page) {
    StagehandSession session = client.sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
    session.navigate(page);
    return session;
  }

  private static StagehandSessionAsync openAsync(StagehandClient client) {
    return await(client.async().sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build()));
  }

  /** The entries in the cache directory, as JSON. */
  private List<JsonNode> entries() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> {
        try {
          return tree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new AssertionError(e);
        }
      }).collect(Collectors.toList());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> messages(Level level) {
    return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
  }

  // ---- the asynchronous handle ----

  @Test
  void anAsyncNavigateNotesThePageSoThatTheNextActIsStoredAndThenReplayed() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSessionAsync session = openAsync(client(cache));
    api.acts.add(acted(BUTTON));
    api.acts.add(acted(BUTTON));

    await(session.navigate(PAGE));
    ActResultData first = await(session.act("click the order button"));
    ActResultData second = await(session.act("click the order button"));

    assertThat(ActionCache.status(first)).contains(ActionCache.Status.MISS);
    assertThat(ActionCache.status(second)).contains(ActionCache.Status.HIT);
    assertThat(api.actInputs()).containsExactly("click the order button", "action:xpath=/html/body/form/button");
    assertThat(entries()).singleElement().satisfies(entry -> assertThat(entry.path("url").asText()).isEqualTo(PAGE));
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=1, heals=0}");
  }

  @Test
  void aFailedAsyncNavigateFailsItsFutureAndLeavesThePageUnknown() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSessionAsync session = openAsync(client(cache));
    api.navigations.add(json(500, "{\"success\":false,\"message\":\"net::ERR_NAME_NOT_RESOLVED\"}"));
    api.acts.add(acted(BUTTON));

    Throwable failure = failureOf(session.navigate(PAGE));
    ActResultData acted = await(session.act("click the order button"));

    assertThat(failure).isInstanceOf(InternalServerException.class).hasMessageContaining("ERR_NAME_NOT_RESOLVED");
    assertThat(ActionCache.status(acted)).contains(ActionCache.Status.MISS);
    assertThat(entries()).as("no page, no key: nothing stored").isEmpty();
    assertThat(messages(Level.DEBUG))
        .containsExactly("act cache miss (not used: the page URL is unknown; navigate through the session handle first)");
  }

  @Test
  void cancellingAnAsyncNavigateCancelsItsCallAndNotesNoPage() throws Exception {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSessionAsync session = openAsync(client(cache));
    WireFixtures.TricklingBody slow = new WireFixtures.TricklingBody("");
    api.navigations.add(slow.response());

    CompletableFuture<?> navigate = session.navigate(PAGE);
    api.awaitRequest("/navigate");
    assertThat(navigate.cancel(true)).isTrue();

    assertThat(slow.clientGone.await(10, TimeUnit.SECONDS)).as("the navigate call was cancelled").isTrue();
    api.acts.add(acted(BUTTON));
    assertThat(ActionCache.status(await(session.act("click the order button")))).contains(ActionCache.Status.MISS);
    assertThat(entries()).isEmpty();
  }

  @Test
  void cancellingAnAsyncActWhileTheModelChoosesCancelsThatCallAndStoresNothing() throws Exception {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSessionAsync session = openAsync(client(cache));
    await(session.navigate(PAGE));
    WireFixtures.TricklingBody slow = new WireFixtures.TricklingBody("");
    api.acts.add(slow.response());

    CompletableFuture<ActResultData> act = session.act("click the order button");
    api.awaitRequest("/act");
    assertThat(act.cancel(true)).isTrue();

    assertThat(slow.clientGone.await(10, TimeUnit.SECONDS)).as("the model's act was cancelled").isTrue();
    assertThat(act).isCancelled();
    assertThat(entries()).isEmpty();
  }

  @Test
  void cancellingAnAsyncActWhileItReplaysCancelsTheReplayedActionAndAsksNoModel() throws Exception {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSessionAsync session = openAsync(client(cache));
    await(session.navigate(PAGE));
    api.acts.add(acted(BUTTON));
    await(session.act("click the order button"));
    WireFixtures.TricklingBody slow = new WireFixtures.TricklingBody("");
    api.acts.add(slow.response());

    CompletableFuture<ActResultData> act = session.act("click the order button");
    api.awaitRequest("/act");
    api.awaitRequest("/act");
    assertThat(act.cancel(true)).isTrue();

    assertThat(slow.clientGone.await(10, TimeUnit.SECONDS)).as("the replayed action was cancelled").isTrue();
    Thread.sleep(200); // a model call would have gone out by now
    assertThat(api.actInputs()).containsExactly("click the order button", "action:xpath=/html/body/form/button");
    assertThat(entries()).singleElement().satisfies(entry ->
        assertThat(entry.path("actions").get(0)).isEqualTo(tree(BUTTON)));
  }

  // ---- a miss whose model call throws ----

  @Test
  void aMissWhoseModelCallThrowsThrowsThatExceptionAndStoresNothing() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = openOn(client(cache), PAGE);
    api.acts.add(json(500, "{\"success\":false,\"message\":\"model unreachable\"}"));

    assertThatThrownBy(() -> session.act("click the order button"))
        .isInstanceOf(InternalServerException.class)
        .hasMessageContaining("model unreachable");

    assertThat(api.actInputs()).containsExactly("click the order button");
    assertThat(entries()).isEmpty();
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=0, misses=1, heals=0}");
    assertThat(messages(Level.DEBUG)).singleElement().asString()
        .startsWith("act cache miss ").endsWith(": the act failed (InternalServerException)");
  }

  @Test
  void anAsyncMissWhoseModelCallThrowsFailsTheFutureWithThatException() {
    ActionCache cache = ActionCache.memory();
    StagehandSessionAsync session = openAsync(client(cache));
    await(session.navigate(PAGE));
    api.acts.add(json(500, "{\"success\":false,\"message\":\"model unreachable\"}"));
    api.acts.add(acted(BUTTON));

    Throwable failure = failureOf(session.act("click the order button"));
    ActResultData retried = await(session.act("click the order button"));

    assertThat(failure).isInstanceOf(InternalServerException.class).hasMessageContaining("model unreachable");
    assertThat(ActionCache.status(retried)).as("the failure stored nothing").contains(ActionCache.Status.MISS);
    assertThat(cache.stats().misses()).isEqualTo(2);
  }

  // ---- number and boolean variables ----

  @Test
  void numberVariablesAreStoredAsTheirPlaceholdersAndAReplaySendsTheNewNumbers() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = openOn(client(cache), PAGE);
    String instruction = "type %quantity% into the quantity field and %price% into the price field";
    api.acts.add(acted(
        action("xpath=/html/body/form/input", "Quantity field", "fill", "12"),
        action("xpath=/html/body/form/input[@name='price']", "Price field", "fill", "9.5")));

    ActResultData first = session.act(instruction, ActOptions.builder()
        .putVariable("quantity", VariableValue.of(12))
        .putVariable("price", VariableValue.of(9.5))
        .build());

    assertThat(ActionCache.status(first)).contains(ActionCache.Status.MISS);
    assertThat(api.actBodies.get(0).path("options").path("variables")).isEqualTo(tree("{\"quantity\":12,\"price\":9.5}"));
    JsonNode stored = entries().get(0);
    assertThat(stored.path("variableKeys")).isEqualTo(tree("[\"price\",\"quantity\"]"));
    assertThat(stored.path("actions").get(0).path("arguments")).isEqualTo(tree("[\"%quantity%\"]"));
    assertThat(stored.path("actions").get(1).path("arguments")).isEqualTo(tree("[\"%price%\"]"));
    assertThat(stored.toString()).doesNotContain("12").doesNotContain("9.5");

    api.acts.add(acted(action("xpath=/html/body/form/input", "Quantity field", "fill", "%quantity%")));
    api.acts.add(acted(action("xpath=/html/body/form/input[@name='price']", "Price field", "fill", "%price%")));
    ActResultData replayed = session.act(instruction, ActOptions.builder()
        .putVariable("quantity", VariableValue.of(3L))
        .putVariable("price", VariableValue.of(4.25f))
        .build());

    assertThat(ActionCache.status(replayed)).contains(ActionCache.Status.HIT);
    assertThat(api.actInputs()).containsExactly(instruction, "action:xpath=/html/body/form/input",
        "action:xpath=/html/body/form/input[@name='price']");
    assertThat(api.actBodies.get(1).path("input").path("arguments")).isEqualTo(tree("[\"%quantity%\"]"));
    assertThat(api.actBodies.get(1).path("options").path("variables")).isEqualTo(tree("{\"quantity\":3,\"price\":4.25}"));
  }

  @Test
  void aBooleanVariableIsStoredAsItsPlaceholderAndAReplaySendsTheNewValue() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = openOn(client(cache), PAGE);
    String instruction = "set the gift wrap option to %wrap%";
    api.acts.add(acted(action("xpath=/html/body/form/select", "Gift wrap", "selectOptionFromDropdown", "true")));

    session.act(instruction, ActOptions.builder().putVariable("wrap", VariableValue.of(true)).build());

    JsonNode stored = entries().get(0);
    assertThat(stored.path("variableKeys")).isEqualTo(tree("[\"wrap\"]"));
    assertThat(stored.path("actions").get(0).path("arguments")).isEqualTo(tree("[\"%wrap%\"]"));

    api.acts.add(acted(action("xpath=/html/body/form/select", "Gift wrap", "selectOptionFromDropdown", "%wrap%")));
    ActResultData replayed = session.act(instruction, ActOptions.builder().putVariable("wrap", VariableValue.of(false)).build());

    assertThat(ActionCache.status(replayed)).contains(ActionCache.Status.HIT);
    assertThat(api.actBodies.get(1).path("options").path("variables")).isEqualTo(tree("{\"wrap\":false}"));
  }

  @Test
  void aNumberThatIsPartOfASelectorIsNeverStored() {
    ActionCache cache = ActionCache.directory(dir);
    StagehandSession session = openOn(client(cache), PAGE);
    api.acts.add(acted(action("xpath=/html/body/ul/li[2]/button", "Second item", "click")));

    ActResultData result = session.act("click item %row%", ActOptions.builder().putVariable("row", VariableValue.of(2)).build());

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(entries()).as("a replay with another row would click the same element").isEmpty();
    assertThat(messages(Level.DEBUG)).singleElement().asString()
        .endsWith(": not stored (a variable's value is part of a selector)");
  }
}
