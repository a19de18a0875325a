package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.ActionCacheCustomStoreTest.acted;
import static com.browserbase.stagehand.client.WireFixtures.END_OK;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
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
 * Signed entries over the wire ({@link ActionCache#of(com.browserbase.stagehand.cache.ActionCacheStore, byte[])}):
 * what a signed entry looks like, and that an altered, planted, unsigned or foreign-signed entry is a miss that is
 * never replayed and is rewritten signed; and that the key is never in a log, a {@code toString()} or a message.
 */
class ActionCacheSigningTest {
  private static final String PAGE = "https://example.com/login?b=2&a=1";
  private static final String CLICK_KEY = "20871bc1f18234e84003ec6fbafece2b070879738c9151361c92d87606802310";
  // The TypeScript library's key of "type %email% into the e-mail field" on PAGE (reference.mjs; as in ActionCacheTest).
  private static final String TYPE_KEY = "b505adbc50c0cbca4c941f1fe636d8c8e8f7127b6f3f9d7afddb63461d61ad01";
  private static final String BUTTON = """
      {"selector":"xpath=/html/body/form/button","description":"Login button","method":"click","arguments":[]}""";
  private static final String FIELD = """
      {"selector":"xpath=/html/body/form/input","description":"E-mail field","method":"fill","arguments":["%email%"]}""";
  /** Printable, so that a key leaked as text would show as itself; its hexadecimal and Base64 forms are looked for too. */
  private static final String KEY_TEXT = "k3y-0f-the-act10n-cache-f0r-tests-0nly!";
  private static final byte[] KEY = KEY_TEXT.getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "another-key-of-32-bytes-or-more-for-tests".getBytes(StandardCharsets.US_ASCII);
  private static final String WHERE = " in InTestStore{shared}: ";
  private static final String NOT_SIGNED = "Ignoring the action cache entry " + CLICK_KEY + WHERE
      + "it is not signed, and this cache replays only entries signed with its key";
  private static final String NOT_MATCHING = "Ignoring the action cache entry " + CLICK_KEY + WHERE
      + "its signature does not match: the entry was altered, or signed with another key";

  @TempDir
  Path dir;
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private final Api api = new Api();
  private final InTestStore store = new InTestStore("shared");
  private Logger sdkLogger;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() {
    mock.server().setDispatcher(api);
    sdkLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand");
    log = new ListAppender<>();
    log.start();
    sdkLogger.addAppender(log);
    sdkLogger.setLevel(Level.TRACE);
    sdkLogger.setAdditive(false);
  }

  @AfterEach
  void stop() {
    store.release();
    sdkLogger.detachAppender(log);
    sdkLogger.setLevel(null);
    sdkLogger.setAdditive(true);
  }

  private static final class Api extends Dispatcher {
    final BlockingDeque<MockResponse> acts = new LinkedBlockingDeque<>();
    final List<JsonNode> actBodies = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      String path = request.getUrl().encodedPath();
      if (path.endsWith("/start")) {
        return json(WireFixtures.START_OK);
      }
      if (path.endsWith("/act")) {
        actBodies.add(bodyTree(request));
        MockResponse next = acts.poll();
        return next != null ? next : json(500, "{\"success\":false,\"message\":\"no act answer scripted\"}");
      }
      return json(path.endsWith("/end") ? END_OK : WireFixtures.NAVIGATE_OK);
    }

    List<String> actInputs() {
      return actBodies.stream()
          .map(body -> body.path("input").isTextual() ? body.path("input").asText() : "action:" + body.path("input").path("selector").asText())
          .collect(Collectors.toList());
    }
  }

  private StagehandSession session(ActionCache cache) {
    StagehandSession session = mock.newClient(b -> b.actionCache(cache)).sessions()
        .open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
    session.navigate(PAGE);
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

  /** The unsigned entry of the click, as the directory cache writes it. */
  private String unsignedClick() throws Exception {
    click(session(ActionCache.directory(dir)), acted(true, BUTTON));
    return new String(Files.readAllBytes(dir.resolve(CLICK_KEY + ".json")), StandardCharsets.UTF_8);
  }

  @Test
  void aSignedEntryIsTheUnsignedOneWithASignatureLastAndIsReplayed() throws Exception {
    String unsigned = unsignedClick();
    ActionCache cache = ActionCache.of(store, KEY);
    StagehandSession session = session(cache);

    click(session, acted(true, BUTTON));
    String signed = store.entries.get(CLICK_KEY);
    ActResultData replayed = click(session, acted(true, BUTTON));

    assertThat(signed).startsWith(unsigned.substring(0, unsigned.length() - 2))
        .matches("(?s).*\"message\": \"[^\"]*\",\n  \"signature\": \"hmac-sha256:[0-9a-f]{64}\"\n}");
    assertThat(signed.length()).isEqualTo(unsigned.length() + ",\n  \"signature\": \"hmac-sha256:\"".length() + 64);
    assertThat(ActionCache.status(replayed)).contains(ActionCache.Status.HIT);
    assertThat(messages(Level.WARN)).isEmpty();
    assertThat(cache.toString()).isEqualTo("ActionCache{store=InTestStore{shared}, signed}");
    // A cache without the key reads signed entries as usual; the TypeScript library ignores the property too.
    ActResultData unsignedCache = click(session(ActionCache.of(store)), acted(true, BUTTON));
    assertThat(ActionCache.status(unsignedCache)).contains(ActionCache.Status.HIT);
  }

  @Test
  void anAlteredSelectorIsAMissNeverReplayedAndTheModelsAnswerIsStoredSigned() {
    StagehandSession session = session(ActionCache.of(store, KEY));
    click(session, acted(true, BUTTON));
    store.entries.computeIfPresent(CLICK_KEY, (key, entry) -> entry.replace("form/button", "div[@id='attacker']/button"));

    ActResultData result = click(session, acted(true, BUTTON));

    assertThat(api.actInputs()).containsExactly("click the login button", "click the login button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).containsExactly(NOT_MATCHING);
    assertThat(store.entries.get(CLICK_KEY)).doesNotContain("attacker").contains("\"signature\"");
    assertThat(ActionCache.status(click(session, acted(true, BUTTON)))).contains(ActionCache.Status.HIT);
  }

  @Test
  void aPlantedUnsignedEntryIsAMissAndItsSelectorNeverReachesTheServer() throws Exception {
    store.entries.put(CLICK_KEY, unsignedClick().replace("form/button", "div[@id='attacker']/button"));
    ActionCache cache = ActionCache.of(store, KEY);

    ActResultData result = click(session(cache), acted(true, BUTTON));

    assertThat(api.actInputs()).containsExactly("click the login button", "click the login button"); // the directory's, ours
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).containsExactly(NOT_SIGNED);
    assertThat(store.entries.get(CLICK_KEY)).contains("\"signature\": \"hmac-sha256:");
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void anEntrySignedWithAnotherKeyIsAMiss() {
    click(session(ActionCache.of(store, OTHER_KEY)), acted(true, BUTTON));

    ActResultData result = click(session(ActionCache.of(store, KEY)), acted(true, BUTTON));

    assertThat(api.actInputs()).containsExactly("click the login button", "click the login button");
    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).containsExactly(NOT_MATCHING);
  }

  @Test
  void aSignedEntryMovedUnderAnotherKeyIsAMiss() {
    StagehandSession session = session(ActionCache.of(store, KEY));
    api.acts.add(acted(true, FIELD));
    session.act("type %email% into the e-mail field", ActOptions.builder().putVariable("email", "ada@example.com").build());
    // Signed by us, for another instruction with the same variables: moved under the key of this one.
    String typing = store.entries.get(TYPE_KEY);
    api.acts.add(acted(true, FIELD));
    session.act("fill %email% in", ActOptions.builder().putVariable("email", "ada@example.com").build());
    String otherKey = store.entries.keySet().stream().filter(k -> !k.equals(TYPE_KEY)).findFirst().get();
    store.entries.put(otherKey, typing);
    api.acts.add(acted(true, FIELD));

    ActResultData result = session.act("fill %email% in", ActOptions.builder().putVariable("email", "ada@example.com").build());

    assertThat(ActionCache.status(result)).contains(ActionCache.Status.MISS);
    assertThat(messages(Level.WARN)).containsExactly("Ignoring the action cache entry " + otherKey + WHERE
        + "its signature does not match: the entry was altered, or signed with another key");
  }

  @Test
  void theKeyIsInNoLogNoToStringAndNoMessage() {
    byte[] key = KEY.clone();
    ActionCache.Builder builder = ActionCache.builder(store).signingKey(key);
    Arrays.fill(key, (byte) 'x'); // copied: changing the caller's array changes nothing
    ActionCache cache = builder.build();
    StagehandSession session = session(cache);
    click(session, acted(true, BUTTON));
    assertThat(ActionCache.status(click(session, acted(true, BUTTON)))).contains(ActionCache.Status.HIT);
    store.entries.computeIfPresent(CLICK_KEY, (k, entry) -> entry.replace("Login", "Logout"));
    click(session, acted(true, BUTTON));
    store.getThrows = true;
    click(session, acted(true, BUTTON));
    Throwable tooShort = catchThrowable(() -> ActionCache.of(store, Arrays.copyOf(KEY, 31)));

    List<String> everything = new ArrayList<>();
    synchronized (log) {
      log.list.forEach(e -> everything.add(e.getFormattedMessage()));
    }
    everything.add(cache.toString());
    everything.add(builder.toString());
    everything.add(tooShort.getMessage());
    assertThat(messages(Level.WARN)).hasSize(2); // the altered entry, the failed store
    assertThat(tooShort).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signingKey must be at least 32 bytes (256 bits), not 31");
    StringBuilder hex = new StringBuilder();
    for (byte b : KEY) {
      hex.append(String.format("%02x", b));
    }
    for (String form : new String[] {KEY_TEXT, KEY_TEXT.substring(0, 12), hex.toString(),
        Base64.getEncoder().encodeToString(KEY), Arrays.toString(KEY)}) {
      assertThat(everything).as("no line shows the key as %s", form).noneMatch(line -> line.contains(form));
    }
  }

  private static Throwable catchThrowable(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("did not throw");
  }

  @Test
  void aKeyShorterThan32BytesOrNullIsRefusedNamingIt() {
    assertThatThrownBy(() -> ActionCache.of(store, new byte[16])).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("signingKey must be at least 32 bytes (256 bits), not 16");
    assertThatThrownBy(() -> ActionCache.of(store, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("signingKey == null");
    assertThat(ActionCache.of(store, new byte[32]).toString()).endsWith(", signed}");
  }

  @Test
  void theKeyIsCopiedWhenGiven() {
    byte[] key = KEY.clone();
    ActionCache.Builder builder = ActionCache.builder(store).signingKey(key);
    Arrays.fill(key, (byte) 0);
    click(session(builder.build()), acted(true, BUTTON));

    ActResultData result = click(session(ActionCache.of(store, KEY)), acted(true, BUTTON));

    assertThat(ActionCache.status(result)).as("signed with the key as it was given").contains(ActionCache.Status.HIT);
    assertThat(tree(store.entries.get(CLICK_KEY)).path("signature").asText()).startsWith("hmac-sha256:");
  }
}
