package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallEvent;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A call listener against the real server: what it is told of a session's open, navigate, act, extract and end. */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class CallListenerIT {
  private static final Action FILL_ADA = Action.builder()
      .selector("xpath=/html/body/form/input").description("the Name field").method("fill")
      .arguments(List.of("Ada")).build();
  private static final Action CLICK_SUBMIT = Action.builder()
      .selector("xpath=/html/body/form/button").description("the Submit button").method("click")
      .arguments(List.of()).build();

  /** Records every event, and the thread each came on. */
  private static final class Recorder implements CallListener {
    final List<CallEvent> events = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();

    @Override
    public Object captureContext() {
      return Thread.currentThread().getName();
    }

    @Override
    public void callStarted(CallStarted event) {
      record(event);
    }

    @Override
    public void streamEventReceived(StreamEventReceived event) {
      record(event);
    }

    @Override
    public void callEnded(CallEnded event) {
      record(event);
    }

    private void record(CallEvent event) {
      threads.add(Thread.currentThread());
      events.add(event);
    }
  }

  @Test
  void aSessionsCallsAreEachToldOnceWithTheirOutcome(RealStagehand.Stack stack) throws Exception {
    Recorder recorder = new Recorder();
    StagehandClient client = stack.client.withOptions(b -> b.callListener(recorder));
    String id;
    try (StagehandSession session = client.sessions().open(
        SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      id = session.id();
      session.navigate(stack.page.url());
      session.act(FILL_ADA);
      session.withProgress(event -> {}).act(CLICK_SUBMIT); // streamed
      assertThat(session.extract().path("pageText").asText()).contains("Submitted: Ada");
    }
    client.close(); // delivers what is queued

    List<CallEvent> events = new ArrayList<>(recorder.events);
    List<CallEnded> ends = events.stream().filter(e -> e instanceof CallEnded).map(e -> (CallEnded) e)
        .collect(Collectors.toList());
    assertThat(ends).extracting(CallEvent::operation)
        .containsExactly("start", "navigate", "act", "act", "extract", "end");
    assertThat(ends).allSatisfy(end -> {
      assertThat(end.outcome()).isEqualTo(CallOutcome.SUCCESS);
      assertThat(end.status()).hasValue(200);
      assertThat(end.attempts()).isEqualTo(1);
      assertThat(end.sessionId()).contains(id);
      assertThat(end.failure()).isEmpty();
      assertThat(end.context()).contains(Thread.currentThread().getName());
    });
    assertThat(ends).extracting(CallEnded::streaming).containsExactly(false, false, false, true, false, false);
    assertThat(events.stream().filter(e -> e instanceof CallStarted).count()).isEqualTo(6);
    assertThat(events.stream().map(CallEvent::callId).distinct().count()).isEqualTo(6);

    CallEnded streamed = ends.get(3);
    List<String> statuses = events.stream()
        .filter(e -> e instanceof StreamEventReceived && e.callId() == streamed.callId())
        .map(e -> ((StreamEventReceived) e).status().orElse("-"))
        .collect(Collectors.toList());
    assertThat(statuses).startsWith("starting").endsWith("finished");

    assertThat(recorder.threads).allSatisfy(thread -> {
      assertThat(thread.getName()).startsWith("stagehand-call-listener-");
      assertThat(thread).isNotSameAs(Thread.currentThread());
    });
    for (CallEvent event : events) {
      assertThat(event.toString()).doesNotContain(FakeModel.API_KEY, "Ada");
    }
  }
}
