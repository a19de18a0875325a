package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.RecordingListener.kinds;
import static com.browserbase.stagehand.client.RecordingListener.of;
import static com.browserbase.stagehand.client.WireFixtures.await;
import static com.browserbase.stagehand.client.WireFixtures.failureOf;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.core.events.CachedActEnded;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallEvent;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.internal.cache.FakeBrowser;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a call listener hears of acts through the action cache: one {@code CachedActEnded} per act, with its own id,
 * as the cache counted it ({@code MISS}, {@code HIT}, {@code HEALED}; a failed act is a {@code MISS}), after the calls
 * it made, which are reported as calls of their own.
 */
class CallListenerCacheTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String PAGE = "https://example.com/login";
  private static final String BUTTON = "{\"selector\":\"xpath=/html/body/form/button\",\"description\":\"Login button\","
      + "\"method\":\"click\",\"arguments\":[]}";
  private static final String BUTTON_MOVED = BUTTON.replace("form", "div");

  private final RecordingListener listener = new RecordingListener();
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.callListener(listener).maxRetries(0)
      .actionCache(ActionCache.memory()));
  private final BlockingDeque<MockResponse> acts = new LinkedBlockingDeque<>();
  private MockWebServer server;

  @BeforeEach
  void start() {
    server = mock.server();
    FakeBrowser browser = new FakeBrowser("P1", PAGE);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/devtools/")) {
          return browser.upgrade();
        }
        if (path.endsWith("/start")) {
          return json("{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true,\"cdpUrl\":\"ws://"
              + server.getHostName() + ":" + server.getPort() + "/devtools/browser/b-1\"}}");
        }
        if (path.endsWith("/act")) {
          MockResponse next = acts.poll();
          return next != null ? next : json(500, "{\"success\":false,\"error\":\"no act answer scripted\"}");
        }
        return json(WireFixtures.END_OK);
      }
    });
  }

  private static MockResponse acted(boolean success, String... actions) {
    ObjectNode result = NODES.objectNode().put("success", success).put("message", "m").put("actionDescription", "d");
    for (String action : actions) {
      result.withArray("actions").add(WireFixtures.tree(action));
    }
    ObjectNode body = NODES.objectNode().put("success", true);
    body.putObject("data").set("result", result);
    return json(body.toString());
  }

  @Test
  void aMissAHitAndAHealAreReportedAsTheCacheCountsThem() {
    StagehandSession session = mock.client().sessions().open(SessionStartParams.builder().modelName("m").build());
    acts.add(acted(true, BUTTON));   // miss: the model acts, and the entry is stored
    acts.add(acted(true, BUTTON));   // hit: the stored action replayed
    acts.add(acted(false));          // the stored action fails...
    acts.add(acted(true, BUTTON_MOVED)); // ... and the model finds the button again: healed

    session.act("click the login button");
    session.act("click the login button");
    session.act("click the login button");

    List<CallEvent> events = listener.awaitEnded(8); // start, 4 acts, 3 cached acts
    List<CachedActEnded> acts = of(events, CachedActEnded.class);
    assertThat(acts).extracting(CachedActEnded::cacheStatus).containsExactly("MISS", "HIT", "HEALED");
    assertThat(acts).allSatisfy(act -> {
      assertThat(act.operation()).isEqualTo("act");
      assertThat(act.sessionId()).contains("s-1");
      assertThat(act.failure()).isEmpty();
      assertThat(act.context()).isPresent();
    });
    assertThat(kinds(events.subList(2, events.size()))).containsExactly(
        "Started:act", "Ended:act", "CachedActEnded:act",
        "Started:act", "Ended:act", "CachedActEnded:act",
        "Started:act", "Ended:act", "Started:act", "Ended:act", "CachedActEnded:act");
    // its own id, from the same counter, taken before the calls it made
    CachedActEnded healed = acts.get(2);
    List<CallEnded> calls = of(events, CallEnded.class);
    assertThat(healed.callId()).isLessThan(calls.get(calls.size() - 2).callId());
    assertThat(events.stream().map(CallEvent::callId).distinct().count()).isEqualTo(8);
  }

  @Test
  void anActThatFailsIsAMissWithItsExceptionType() {
    StagehandSession session = mock.client().sessions().open(SessionStartParams.builder().modelName("m").build());

    assertThatThrownBy(() -> session.act("click the login button")).isInstanceOf(InternalServerException.class);

    CachedActEnded act = of(listener.awaitEnded(3), CachedActEnded.class).get(0);
    assertThat(act.cacheStatus()).isEqualTo("MISS");
    assertThat(act.failure()).contains(InternalServerException.class);
  }

  @Test
  void anAsyncActIsReportedTheSameWay() {
    StagehandSessionAsync session = await(mock.async().sessions().open(SessionStartParams.builder().modelName("m").build()));
    acts.add(acted(true, BUTTON));

    await(session.act("click the login button"));
    assertThat(failureOf(session.act("click the login button"))).isInstanceOf(InternalServerException.class);

    List<CachedActEnded> done = of(listener.awaitEnded(5), CachedActEnded.class);
    assertThat(done).extracting(CachedActEnded::cacheStatus).containsExactly("MISS", "MISS");
    assertThat(done.get(0).failure()).isEmpty();
    assertThat(done.get(1).failure()).contains(InternalServerException.class);
  }
}
