package com.browserbase.stagehand.internal.cache;

import static com.browserbase.stagehand.internal.cache.FakeBrowser.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache as a session uses it: the replayed action waits for its element, and a cancel reaches the wait. */
class SessionCacheTest {
  private static final Action BUTTON = Action.builder().selector("xpath=/html[1]/body[1]/button[1]")
      .description("Submit").method("click").build();
  private static final ActResultData ACTED = ActResultData.builder().success(true).message("clicked")
      .actionDescription("Submit").actions(Collections.singletonList(BUTTON)).build();
  private final FakeBrowser browser = new FakeBrowser("P1", "https://example.com/a");
  private MockWebServer server;
  private SessionCache cache;
  /** The actions replayed, and what each call answers. */
  private final List<Action> replayed = new CopyOnWriteArrayList<>();
  private volatile CompletableFuture<ActResultData> replayAnswer = CompletableFuture.completedFuture(ACTED);

  private final ActCache.Calls calls = new ActCache.Calls() {
    @Override
    public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
      return CompletableFuture.completedFuture(ACTED);
    }

    @Override
    public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
      replayed.add(action);
      return replayAnswer;
    }
  };

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return browser.upgrade();
      }
    });
    server.start();
    cache = new SessionCache(ActCache.inMemory(), new CdpConnection("ws://" + server.getHostName() + ":"
        + server.getPort() + "/devtools/browser/x", CdpConnection.client(new OkHttpClient()), CdpConnection.BUDGET_MS),
        30_000);
    cache.navigated("https://example.com/a", Optional.<JsonNode>empty(), null);
    assertThat(status(cache.act("click submit", null, null, calls))).isEqualTo(ActCache.MISS);
  }

  @AfterEach
  void stop() {
    cache.close();
    server.close();
  }

  private static String status(ActResultData result) {
    return result.additionalProperties().get(ActCache.STATUS_PROPERTY).asText();
  }

  @Test
  void anAsyncHitReplaysOnceTheElementIsThere() throws Exception {
    browser.elementAfter(2);

    ActResultData hit = cache.actAsync("click submit", null, null, calls).get(10, TimeUnit.SECONDS);

    assertThat(status(hit)).isEqualTo(ActCache.HIT);
    assertThat(browser.expressions).hasSize(3);
    assertThat(replayed).containsExactly(BUTTON);
  }

  @Test
  void cancellingAnAsyncHitWhileItWaitsStopsTheWaitAndNothingIsReplayed() throws Exception {
    browser.elementAfter(-1);

    CompletableFuture<ActResultData> hit = cache.actAsync("click submit", null, null, calls);
    eventually(() -> browser.expressions.size() >= 2);
    hit.cancel(true);
    Thread.sleep(100);
    int looks = browser.expressions.size();
    Thread.sleep(100);

    assertThat(browser.expressions.size()).isLessThanOrEqualTo(looks + 1);
    assertThat(replayed).isEmpty();
  }

  @Test
  void cancellingAnAsyncHitWhileItReplaysCancelsTheCall() throws Exception {
    CompletableFuture<ActResultData> inFlight = new CompletableFuture<>();
    replayAnswer = inFlight;

    CompletableFuture<ActResultData> hit = cache.actAsync("click submit", null, null, calls);
    eventually(() -> !replayed.isEmpty());
    hit.cancel(true);

    assertThat(inFlight).isCancelled();
  }

  @Test
  void aCallThatThrowsFailsTheStep() {
    IllegalStateException ended = new IllegalStateException("Session s-1 is ended");

    CompletableFuture<ActResultData> result = SessionCache.after(CompletableFuture.completedFuture(true), () -> {
      throw ended;
    });

    assertThat(result).isCompletedExceptionally();
    try {
      result.get();
    } catch (ExecutionException | InterruptedException e) {
      assertThat(e.getCause()).isSameAs(ended);
    }
  }

  @Test
  void aCallsFailureIsTheStepsFailure() {
    CompletableFuture<ActResultData> failing = new CompletableFuture<>();
    CompletableFuture<ActResultData> result = SessionCache.after(CompletableFuture.completedFuture(true), () -> failing);
    IOException broken = new IOException("broken");

    failing.completeExceptionally(broken);

    assertThat(result).isCompletedExceptionally();
  }

  @Test
  void closingTheCacheClosesTheSocket() {
    cache.close();

    eventually(() -> browser.closedByClient.get() == 1);
    assertThat(browser.connections.get()).isEqualTo(1);
  }
}
