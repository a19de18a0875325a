package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.core.events.CachedActEnded;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallEvent;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.RetryScheduled;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@link CallListener} that records every event it is told, the thread it was told on, and the threads {@link
 * #captureContext()} ran on (each capture returns {@code ctx-1}, {@code ctx-2}, ...). Events come on the client's
 * own thread: {@link #await} polls for them, and fails after 10 s.
 */
class RecordingListener implements CallListener {
  final List<CallEvent> events = new CopyOnWriteArrayList<>();
  final List<Thread> captureThreads = new CopyOnWriteArrayList<>();
  final List<Thread> deliveryThreads = new CopyOnWriteArrayList<>();
  private final AtomicInteger contexts = new AtomicInteger();

  @Override
  public Object captureContext() {
    captureThreads.add(Thread.currentThread());
    return "ctx-" + contexts.incrementAndGet();
  }

  @Override
  public void callStarted(CallStarted event) {
    record(event);
  }

  @Override
  public void retryScheduled(RetryScheduled event) {
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

  @Override
  public void cachedActEnded(CachedActEnded event) {
    record(event);
  }

  void record(CallEvent event) {
    deliveryThreads.add(Thread.currentThread());
    events.add(event);
  }

  /** The events once {@code ended} calls (or cached acts) have ended. */
  List<CallEvent> awaitEnded(int ended) {
    return await(all -> all.stream().filter(e -> e instanceof CallEnded || e instanceof CachedActEnded).count() >= ended,
        ended + " ended");
  }

  /** The events once {@code done} holds of them; fails after 10 s. */
  List<CallEvent> await(Predicate<List<CallEvent>> done, String what) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      List<CallEvent> now = new ArrayList<>(events);
      if (done.test(now)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not " + what + " within 10 s; events: " + now);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The one end of the only call so far (asserting it is one). */
  CallEnded onlyEnd() {
    List<CallEnded> ends = of(awaitEnded(1), CallEnded.class);
    assertThat(ends).hasSize(1);
    return ends.get(0);
  }

  static <T extends CallEvent> List<T> of(List<CallEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** {@code Started:act, Ended:act, ...}: the kinds and operations, in order. */
  static List<String> kinds(List<CallEvent> events) {
    return events.stream()
        .map(e -> e.getClass().getSimpleName().replace("Call", "").replace("Received", "").replace("Scheduled", "")
            + ":" + e.operation())
        .collect(Collectors.toList());
  }
}
