package com.browserbase.stagehand.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The dispatcher alone: its bound, its thread's life, and how a call's failure becomes its outcome. */
class CallEventsTest {
  private static final Endpoint ACT = new Endpoint("POST", "act", null, true, Duration.ofMinutes(5));
  private static final Endpoint AGENT = new Endpoint("POST", "agentExecute", null, true, Duration.ofMinutes(30));
  private static final Endpoint START = new Endpoint("POST", null, "start", true, Duration.ofMinutes(5));

  private final List<String> told = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch entered = new CountDownLatch(1);
  private Logger logger;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void captureLog() {
    logger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.events");
    log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    logger.setAdditive(false);
  }

  @AfterEach
  void releaseLog() {
    release.countDown();
    logger.detachAppender(log);
    logger.setAdditive(true);
  }

  /** Tells {@link #told} of each start and end, after waiting for {@link #release}. */
  private final CallListener blocked = new CallListener() {
    @Override
    public void callStarted(CallStarted event) {
      awaitRelease();
      told.add("started " + event.callId());
    }

    @Override
    public void callEnded(CallEnded event) {
      awaitRelease();
      told.add("ended " + event.callId());
    }
  };

  private void awaitRelease() {
    entered.countDown();
    try {
      release.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void operationsAreNamedByTheirPathExceptTheAgent() {
    assertThat(ACT.operation).isEqualTo("act");
    assertThat(START.operation).isEqualTo("start");
    assertThat(AGENT.operation).isEqualTo("execute");
  }

  @Test
  void withoutAListenerNothingIsMade() {
    CallTrace trace = CallEvents.NONE.start(ACT, "s-1", true);

    trace.sent();
    trace.succeeded(null);

    assertThat(trace).isSameAs(CallTrace.NONE);
    assertThat(CallEvents.NONE.startCachedAct("s-1")).isSameAs(CallEvents.CachedAct.NONE);
    assertThat(CallEvents.NONE.thread()).isNull();
    assertThat(CallEvents.NONE.close(0)).isTrue();
  }

  @Test
  void beyondItsBoundNewEventsAreDroppedWithOneWarningButNeverTheEndOfACall() throws InterruptedException {
    CallEvents events = new CallEvents(blocked, new AtomicLong(), 3);
    CallTrace first = events.start(ACT, "s-1", false);
    assertThat(entered.await(10, TimeUnit.SECONDS)).as("the listener took the first event").isTrue();

    first.succeeded(null);
    for (int i = 0; i < 2; i++) {
      events.start(ACT, "s-1", false).succeeded(null); // two events each
    }

    // the listener is blocked in the first event; three wait; the third start was dropped, its end was not
    release.countDown();
    assertThat(events.close(10_000)).isTrue();
    assertThat(told).containsExactly("started 1", "ended 1", "started 2", "ended 2", "ended 3");
    assertThat(events.dropped()).isEqualTo(1);
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement().asString().contains("too slow", "3 events");
  }

  @Test
  void aStreamsEventsReachTheListenerInOrderWithoutWakingItForEach() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    CallEvents events = new CallEvents(new CallListener() {
      @Override
      public void streamEventReceived(com.browserbase.stagehand.core.events.StreamEventReceived event) {
        heard.add(event.status().orElse("?"));
      }
    }, new AtomicLong());
    CallTrace stream = events.start(ACT, "s-1", true);
    for (int i = 0; i < 200; i++) {
      stream.streamEvent("log", "e" + i);
    }
    // no end yet: the events come because the thread looks for them while the stream is open
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (heard.size() < 200 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(heard).hasSize(200).startsWith("e0", "e1").endsWith("e198", "e199");
    stream.succeeded(null);
    assertThat(events.close(10_000)).isTrue();
  }

  @Test
  void theThreadEndsWhenIdleAndTheNextEventStartsAnother() throws Exception {
    release.countDown();
    CallEvents events = new CallEvents(blocked, new AtomicLong(), 16, 50);
    events.start(ACT, "s-1", false).succeeded(null);
    awaitThreadGone(events);
    assertThat(told).containsExactly("started 1", "ended 1");

    events.start(ACT, "s-1", false).succeeded(null);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (told.size() < 4 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(told).containsExactly("started 1", "ended 1", "started 2", "ended 2");
    awaitThreadGone(events);
  }

  private static void awaitThreadGone(CallEvents events) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (events.thread() != null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(events.thread()).as("the idle thread ended").isNull();
  }

  @Test
  void closeDeliversWhatIsQueuedAndEndsTheThreadAndALaterEventStillArrives() throws Exception {
    CallEvents events = new CallEvents(blocked, new AtomicLong());
    events.start(ACT, "s-1", false).succeeded(null);
    Thread thread = events.thread();
    assertThat(thread.getName()).startsWith("stagehand-call-listener-");

    release.countDown();
    assertThat(events.close(10_000)).isTrue();

    assertThat(told).containsExactly("started 1", "ended 1");
    thread.join(10_000);
    assertThat(thread.isAlive()).isFalse();
    assertThat(events.thread()).isNull();

    CallTrace late = events.start(ACT, "s-1", false); // a call the close cancelled, say
    late.failed(new IllegalStateException("closed"));
    awaitTold(4);
    Thread transient_ = events.thread();
    if (transient_ != null) {
      transient_.join(10_000);
    }
    assertThat(events.thread()).isNull();
  }

  @Test
  void closeWaitsNoLongerThanItsBoundForABlockedListener() {
    CallEvents events = new CallEvents(blocked, new AtomicLong());
    events.start(ACT, "s-1", false);

    assertThat(events.close(50)).isFalse();

    assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(m -> assertThat(m).contains("longer than 50 ms"));
  }

  @Test
  void aListenerThatClosesFromItsOwnThreadDoesNotWaitForItself() {
    CallEvents[] self = new CallEvents[1];
    List<Boolean> closed = new CopyOnWriteArrayList<>();
    self[0] = new CallEvents(new CallListener() {
      @Override
      public void callStarted(CallStarted event) {
        closed.add(self[0].close(10_000));
      }
    }, new AtomicLong());

    self[0].start(ACT, null, false);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (closed.isEmpty() && System.nanoTime() < deadline) {
      Thread.yield();
    }
    assertThat(closed).containsExactly(true);
  }

  @Test
  void aStreamEndsOnceAndAnAbandonedOneEndsCancelled() {
    List<CallEnded> ends = new CopyOnWriteArrayList<>();
    CallEvents events = new CallEvents(new CallListener() {
      @Override
      public void callEnded(CallEnded event) {
        ends.add(event);
      }
    }, new AtomicLong());
    CallTrace read = events.start(ACT, "s-1", true);
    CallTrace abandoned = events.start(ACT, "s-1", true);
    read.sent();
    read.answered(200);
    read.succeeded(null);
    read.failed(new StagehandIoException("late", new java.io.IOException()));

    events.endOpenStreams();
    abandoned.succeeded(null);
    events.close(10_000);

    assertThat(ends).extracting(CallEnded::outcome).containsExactly(CallOutcome.SUCCESS, CallOutcome.CANCELLED);
    assertThat(ends.get(0).attempts()).isEqualTo(1);
    assertThat(ends.get(1).attempts()).isZero();
  }

  @Test
  void aFailureIsMappedByItsType() {
    assertThat(CallTrace.outcomeOf(new SseException("error event"))).isEqualTo(CallOutcome.SERVER_ERROR);
    assertThat(CallTrace.outcomeOf(new StagehandInvalidDataException("garbage"))).isEqualTo(CallOutcome.INVALID_RESPONSE);
    assertThat(CallTrace.outcomeOf(new StagehandIoException("cut", new java.io.EOFException())))
        .isEqualTo(CallOutcome.NETWORK_ERROR);
    assertThat(CallTrace.outcomeOf(new StagehandIoException("timed out", new SocketTimeoutException())))
        .isEqualTo(CallOutcome.NETWORK_ERROR);
    assertThat(CallTrace.outcomeOf(new StagehandIoException("interrupted", new InterruptedIOException())))
        .isEqualTo(CallOutcome.CANCELLED);
    assertThat(CallTrace.outcomeOf(new CancellationException())).isEqualTo(CallOutcome.CANCELLED);
    // a closed client is marked CANCELLED by the transport (failsAs); another IllegalStateException is not a cancel
    assertThat(CallTrace.outcomeOf(new IllegalStateException("Jackson too old"))).isEqualTo(CallOutcome.INVALID_RESPONSE);
    assertThat(CallTrace.outcomeOf(new IllegalArgumentException("unexpected"))).isEqualTo(CallOutcome.INVALID_RESPONSE);
  }

  private void awaitTold(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (told.size() < count) {
      assertThat(System.nanoTime()).as("%s events told within 10 s: %s", count, told).isLessThan(deadline);
      Thread.yield();
    }
  }
}
