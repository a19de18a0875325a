package com.browserbase.stagehand.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.events.CachedActEnded;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallEvent;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.RetryScheduled;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One listener made of several: each hears every event, whole, with the context it captured itself. */
class CompositeCallListenerTest {
  @Test
  void noneIsNullAndOneIsItself() {
    Heard one = new Heard("one");
    assertThat(CompositeCallListener.of(List.of())).isNull();
    assertThat(CompositeCallListener.of(List.of(one))).isSameAs(one);
  }

  @Test
  void eachListenerHearsEveryEventWithItsOwnContext() {
    Heard a = new Heard("a");
    Heard b = new Heard("b");
    CallListener both = CompositeCallListener.of(List.of(a, b));
    Object context = both.captureContext();

    both.callStarted(new CallStarted(1, "act", "s-1", context, true));
    both.retryScheduled(new RetryScheduled(1, "act", "s-1", context, 1, Duration.ofMillis(5), 503, null));
    both.streamEventReceived(new StreamEventReceived(1, "act", "s-1", context, "system", "running"));
    both.callEnded(new CallEnded(1, "act", "s-1", context, true, 2, 200, Duration.ofMillis(9), CallOutcome.SUCCESS, null));
    both.cachedActEnded(new CachedActEnded(2, "s-1", context, "HIT", Duration.ofMillis(3), IOException.class));

    for (Heard heard : List.of(a, b)) {
      assertThat(heard.events).extracting(CallEvent::context).allSatisfy(c -> assertThat(c).contains(heard.name));
      assertThat(heard.events).extracting(Object::toString).containsExactly(
          "CallStarted{callId=1, operation=act, sessionId=s-1, streaming=true}",
          "RetryScheduled{callId=1, operation=act, sessionId=s-1, retry=1, delay=5 ms, status=503}",
          "StreamEventReceived{callId=1, operation=act, sessionId=s-1, type=system, status=running}",
          "CallEnded{callId=1, operation=act, sessionId=s-1, streaming=true, attempts=2, status=200, duration=9 ms,"
              + " outcome=SUCCESS}",
          "CachedActEnded{callId=2, operation=act, sessionId=s-1, cacheStatus=HIT, duration=3 ms,"
              + " failure=java.io.IOException}");
    }
  }

  @Test
  void aListenerThatThrowsDoesNotKeepTheOthersFromHearing() {
    CallListener throwing = new CallListener() {
      @Override
      public void callStarted(CallStarted event) {
        throw new IllegalStateException("listener failed");
      }
    };
    Heard after = new Heard("after");
    CallListener both = CompositeCallListener.of(List.of(throwing, after));

    assertThatThrownBy(() -> both.callStarted(new CallStarted(1, "start", null, both.captureContext(), false)))
        .hasMessage("listener failed");
    assertThat(after.events).hasSize(1);
  }

  /** Records the events, and captures its name as its context. */
  private static final class Heard implements CallListener {
    final String name;
    final List<CallEvent> events = new ArrayList<>();

    Heard(String name) {
      this.name = name;
    }

    @Override
    public Object captureContext() {
      return name;
    }

    @Override
    public void callStarted(CallStarted event) {
      events.add(event);
    }

    @Override
    public void retryScheduled(RetryScheduled event) {
      events.add(event);
    }

    @Override
    public void streamEventReceived(StreamEventReceived event) {
      events.add(event);
    }

    @Override
    public void callEnded(CallEnded event) {
      events.add(event);
    }

    @Override
    public void cachedActEnded(CachedActEnded event) {
      events.add(event);
    }
  }
}
