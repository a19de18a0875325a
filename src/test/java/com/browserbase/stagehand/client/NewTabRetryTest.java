package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.internal.http.Sleeper;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call aimed at a tab the server does not know yet (opened a moment ago by another CDP client) is
 * answered {@code 404 Page not found} before the server does anything: it is sent again, for up to 3 s.
 */
class NewTabRetryTest {
  private static final String STARTED = "{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true}}";
  private static final String PAGE_NOT_FOUND = "{\"message\":\"Page not found\"}";
  private static final String SESSION_NOT_FOUND = "{\"message\":\"Session not found\"}";

  private final List<Long> sleeps = new CopyOnWriteArrayList<>();
  private volatile boolean interruptSleeps;
  private final Sleeper sleeper = millis -> {
    if (interruptSleeps) {
      throw new InterruptedException();
    }
    sleeps.add(millis);
  };
  private final WireFixtures.RecordingScheduler scheduler = WireFixtures.RecordingScheduler.manual();

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.sleeper(sleeper).scheduler(scheduler).maxRetries(0));

  @AfterEach
  void answerTheEnd() {
    mock.server().setDispatcher(new Dispatcher() { // closing the client then ends the session
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return WireFixtures.json(WireFixtures.END_OK);
      }
    });
  }

  private StagehandSession open() {
    mock.enqueue(STARTED);
    StagehandSession session = mock.client().sessions().open(SessionStartParams.builder().modelName("m").build());
    mock.take();
    return session;
  }

  @Test
  void aFrameAimedCallIsSentAgainUntilTheServerKnowsTheTab() {
    StagehandSession tab = open().onFrame("T2");
    mock.enqueue(404, PAGE_NOT_FOUND);
    mock.enqueue(404, PAGE_NOT_FOUND);
    mock.enqueue(WireFixtures.ACT_OK);

    ActResultData result = tab.act("click");

    assertThat(result.success()).isTrue();
    assertThat(sleeps).containsExactly(50L, 100L);
    for (int i = 0; i < 3; i++) {
      assertThat(bodyTree(mock.take())).isEqualTo(tree("{\"input\":\"click\",\"frameId\":\"T2\"}"));
    }
  }

  @Test
  void itWaitsThreeSecondsInAllThenRaisesThe404() {
    StagehandSession tab = open().onFrame("T2");
    for (int i = 0; i < 12; i++) {
      mock.enqueue(404, PAGE_NOT_FOUND);
    }

    assertThatThrownBy(() -> tab.extract()).isInstanceOf(NotFoundException.class).hasMessageContaining("Page not found");

    assertThat(sleeps).containsExactly(50L, 100L, 200L, 400L, 400L, 400L, 400L, 400L, 400L, 250L);
    assertThat(sleeps.stream().mapToLong(Long::longValue).sum()).isEqualTo(3_000);
    assertThat(mock.server().getRequestCount()).isEqualTo(1 + 11);
  }

  @Test
  void aCallWithoutFrameAndOtherNotFoundsAreRaisedAtOnce() {
    StagehandSession session = open();
    mock.enqueue(404, PAGE_NOT_FOUND);
    mock.enqueue(404, SESSION_NOT_FOUND);

    assertThatThrownBy(() -> session.act("click")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> session.onFrame("T2").act("click")).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Session not found");

    assertThat(sleeps).isEmpty();
    assertThat(mock.server().getRequestCount()).isEqualTo(3);
  }

  @Test
  void aStreamedCallIsSentAgainOnItsPageNotFoundErrorEvent() {
    StagehandSession tab = open().onFrame("T2").withProgress(event -> {});
    mock.server().enqueue(sse("{\"type\":\"system\",\"data\":{\"status\":\"error\",\"error\":\"Page not found\"}}"));
    mock.server().enqueue(sse("{\"type\":\"system\",\"data\":{\"status\":\"finished\",\"result\":"
        + "{\"success\":true,\"message\":\"m\",\"actionDescription\":\"d\",\"actions\":[]}}}"));

    assertThat(tab.act("click").success()).isTrue();
    assertThat(sleeps).containsExactly(50L);
  }

  @Test
  void anInterruptDuringTheWaitEndsTheCallAtOnceWithTheFlagSet() {
    StagehandSession tab = open().onFrame("T2");
    mock.enqueue(404, PAGE_NOT_FOUND);
    interruptSleeps = true;

    try {
      assertThatThrownBy(() -> tab.act("click"))
          .isInstanceOf(StagehandIoException.class)
          .hasMessageContaining("Interrupted while waiting for the server to know tab T2")
          .hasCauseInstanceOf(InterruptedIOException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(mock.server().getRequestCount()).isEqualTo(2);
    assertThat(tab.isEnded()).isFalse();
  }

  @Test
  void theAsyncHandleWaitsWithoutAThreadAndACancelledCallIsNotSentAgain() throws Exception {
    open();
    StagehandSessionAsync tab = mock.async().sessions().opened("s-1").orElseThrow().onFrame("T2");
    mock.enqueue(404, PAGE_NOT_FOUND);
    mock.enqueue(WireFixtures.OBSERVE_OK);
    mock.enqueue(404, PAGE_NOT_FOUND);

    CompletableFuture<?> observed = tab.observe();
    scheduler.nextPending().run();
    observed.get(5, TimeUnit.SECONDS);
    CompletableFuture<?> cancelled = tab.observe();
    Runnable retry = scheduler.nextPending();
    cancelled.cancel(true);
    retry.run();

    assertThat(scheduler.delays).containsExactly(50L, 50L);
    assertThat(mock.server().getRequestCount()).isEqualTo(1 + 3);
    assertThat(cancelled).isCancelled();
  }

  @Test
  void theAsyncHandleRaisesOtherFailuresAsTheyAre() {
    open();
    StagehandSessionAsync tab = mock.async().sessions().opened("s-1").orElseThrow().onFrame("T2");
    mock.enqueue(404, SESSION_NOT_FOUND);

    assertThatThrownBy(() -> tab.act("click").get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(NotFoundException.class);
    assertThat(scheduler.delays).isEmpty();
  }

  private static MockResponse sse(String event) {
    return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .body("data: " + event + "\n\n").build();
  }
}
