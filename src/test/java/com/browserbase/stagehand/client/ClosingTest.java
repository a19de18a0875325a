package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.FaultServer.json;
import static com.browserbase.stagehand.client.FaultServer.neverAnswer;
import static com.browserbase.stagehand.client.FaultServer.resetBeforeResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.SessionsNotEndedException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * What {@code client.close()} does with the sessions still open: ends each, retries an end that failed where a
 * retry can help, and names the sessions it could not end, in a WARN and in the exception it throws, within a
 * bounded time. No test sleeps for retries: the sleeper and the scheduler return at once.
 */
class ClosingTest {
  private static final SessionStartParams START = SessionStartParams.builder().modelName("openai/gpt-5-nano").build();
  private static final String ERROR_BODY = "{\"success\":false,\"error\":\"busy\"}";
  private static final Duration LIMIT = Duration.ofSeconds(20);

  @RegisterExtension
  final MockStagehand mock = MockStagehand.create();

  private final WireFixtures.RecordingSleeper sleeper = new WireFixtures.RecordingSleeper();
  private final WireFixtures.RecordingScheduler scheduler = WireFixtures.RecordingScheduler.immediate();
  private final List<FaultServer> servers = new ArrayList<>();
  private FaultServer server;
  private StagehandClient client;

  private Logger sessionsLogger;
  private ListAppender<ILoggingEvent> appender;

  @BeforeEach
  void setUp() throws Exception {
    server = FaultServer.start();
    servers.add(server);
    client = newClient(b -> {});
    sessionsLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.sessions");
    appender = new ListAppender<>();
    appender.start();
    sessionsLogger.addAppender(appender);
  }

  @AfterEach
  void tearDown() throws Exception {
    sessionsLogger.detachAppender(appender);
    catchThrowable(client::close);
    for (FaultServer each : servers) {
      each.close();
    }
  }

  private StagehandClient newClient(java.util.function.Consumer<StagehandOkHttpClient.Builder> change) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .baseUrl(server.url())
        .sleeper(sleeper)
        .scheduler(scheduler);
    change.accept(builder);
    return builder.build();
  }

  /** Opens session {@code s-1}, then scripts the answers to its ends. */
  private StagehandSession openThenAnswerEnds(FaultServer.Reply... ends) {
    server.enqueue(json(200, WireFixtures.START_OK));
    StagehandSession session = client.sessions().open(START);
    server.enqueue(ends);
    return session;
  }

  private List<String> ends() {
    return server.requests().stream().map(FaultServer.Request::line)
        .filter(line -> line.endsWith("/end")).collect(Collectors.toList());
  }

  private List<String> warnings() {
    synchronized (appender.list) {
      return appender.list.stream().filter(e -> e.getLevel() == Level.WARN)
          .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    }
  }

  private SessionsNotEndedException closeFails() {
    Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> catchThrowable(client::close));
    assertThat(thrown).isInstanceOf(SessionsNotEndedException.class);
    return (SessionsNotEndedException) thrown;
  }

  @Test
  void anEndThatFailedWithA5xxIsRetriedUntilTheSessionEnds() {
    StagehandSession session = openThenAnswerEnds(
        json(503, ERROR_BODY), json(500, ERROR_BODY), json(502, ERROR_BODY), json(200, WireFixtures.END_OK));

    assertThatCode(client::close).doesNotThrowAnyException();

    assertThat(ends()).hasSize(4).containsOnly("POST /v1/sessions/s-1/end");
    assertThat(scheduler.delays).hasSize(3);
    assertThat(session.isEnded()).isTrue();
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aSessionThatStillCannotBeEndedIsNamedInAWarnAndInTheExceptionOfClose() {
    openThenAnswerEnds(json(500, ERROR_BODY), json(500, ERROR_BODY), json(500, ERROR_BODY), json(500, ERROR_BODY),
        json(200, WireFixtures.END_OK));

    SessionsNotEndedException thrown = closeFails();

    assertThat(thrown.sessionIds()).containsExactly("s-1");
    assertThat(thrown).hasMessage("Could not end 1 session while closing the client: s-1. They may keep running,"
        + " and be billed, until the server ends them");
    assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(InternalServerException.class);
    assertThat(ends()).as("the first end and its 3 retries, no more").hasSize(4);
    assertThat(warnings()).singleElement().asString()
        .startsWith("Could not end 1 session while closing the client, left running until the server ends them: s-1.")
        .contains("s-1: ");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 401, 403, 422})
  void anEndRefusedWithA4xxIsNotRetriedAndTheSessionIsNamed(int status) {
    openThenAnswerEnds(json(status, ERROR_BODY), json(200, WireFixtures.END_OK));

    SessionsNotEndedException thrown = closeFails();

    assertThat(thrown.sessionIds()).containsExactly("s-1");
    assertThat(ends()).hasSize(1);
    assertThat(scheduler.delays).isEmpty();
  }

  @Test
  void anEndAnswered429IsRetried() {
    openThenAnswerEnds(json(429, ERROR_BODY), json(200, WireFixtures.END_OK));

    assertThatCode(client::close).doesNotThrowAnyException();

    assertThat(ends()).hasSize(2);
  }

  @Test
  void aSessionTheServerNoLongerKnowsIsEnded() {
    openThenAnswerEnds(json(404, ERROR_BODY));

    assertThatCode(client::close).doesNotThrowAnyException();

    assertThat(ends()).hasSize(1);
    assertThat(warnings()).isEmpty();
  }

  @Test
  void anEndWhoseConnectionBrokeIsRetried() {
    openThenAnswerEnds(resetBeforeResponse(), resetBeforeResponse(), json(200, WireFixtures.END_OK));

    assertThatCode(client::close).doesNotThrowAnyException();

    assertThat(ends()).hasSize(3);
  }

  @Test
  void aServerThatNeverAnswersHoldsCloseNoLongerThanItsBound() {
    client.close();
    client = newClient(b -> b.endSessionsTimeout(Duration.ofMillis(500)));
    openThenAnswerEnds(neverAnswer());

    SessionsNotEndedException thrown = closeFails();

    assertThat(thrown.sessionIds()).containsExactly("s-1");
    assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(StagehandIoException.class);
  }

  @Test
  void closeIsIdempotentAndThrowsOnlyOnce() {
    openThenAnswerEnds(json(400, ERROR_BODY));
    closeFails();

    assertThatCode(client::close).as("the second close").doesNotThrowAnyException();
    assertThat(ends()).hasSize(1);
  }

  @Test
  void anInterruptedCloseStillClosesNamesTheSessionsNotEndedAndKeepsTheFlag() {
    openThenAnswerEnds(neverAnswer());

    Thread.currentThread().interrupt();
    Throwable thrown;
    boolean interrupted;
    try {
      thrown = catchThrowable(client::close); // the end never answers: only the interrupt ends the wait
    } finally {
      interrupted = Thread.interrupted();
    }

    assertThat(interrupted).as("the interrupt flag is still set").isTrue();
    assertThat(thrown).isInstanceOf(SessionsNotEndedException.class);
    assertThat(((SessionsNotEndedException) thrown).sessionIds()).containsExactly("s-1");
    assertThat(thrown.getSuppressed()[0]).hasMessage("Ending session s-1 was cancelled: closing the client was interrupted");
  }

  @Test
  void onlyTheSessionsThatCouldNotBeEndedAreNamed() {
    Map<String, Integer> ended = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
    mock.server().setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String target = request.getTarget();
        if (target.endsWith("/end")) {
          ended.merge(target, 1, Integer::sum);
          return WireFixtures.json(target.contains("s-2") || target.contains("s-4") ? 503 : 200,
              target.contains("s-2") || target.contains("s-4") ? ERROR_BODY : WireFixtures.END_OK);
        }
        return WireFixtures.json(WireFixtures.START_OK.replace("s-1", "s-" + starts.incrementAndGet()));
      }
    });
    StagehandClient several = mock.newClient(b -> b.scheduler(scheduler));
    for (int i = 0; i < 4; i++) {
      several.sessions().open(START);
    }

    Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> catchThrowable(several::close));

    assertThat(thrown).isInstanceOf(SessionsNotEndedException.class);
    assertThat(((SessionsNotEndedException) thrown).sessionIds()).containsExactly("s-2", "s-4");
    assertThat(thrown.getMessage()).contains("Could not end 2 sessions while closing the client: s-2, s-4.");
    assertThat(ended).containsEntry("/v1/sessions/s-1/end", 1).containsEntry("/v1/sessions/s-2/end", 4)
        .containsEntry("/v1/sessions/s-3/end", 1).containsEntry("/v1/sessions/s-4/end", 4);
  }

  /** Answers every start with session s-1 and every end with {@code endStatus}; returns the ends it saw. */
  private java.util.concurrent.BlockingQueue<String> answerStartsAndEndsWith(int endStatus) {
    java.util.concurrent.BlockingQueue<String> ends = new java.util.concurrent.LinkedBlockingQueue<>();
    mock.server().setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getTarget().endsWith("/start")) {
          return WireFixtures.json(WireFixtures.START_OK);
        }
        ends.add(request.getTarget());
        return WireFixtures.json(endStatus, ERROR_BODY);
      }
    });
    return ends;
  }

  /** Waits until the sessions logger has warned {@code count} times; returns the warnings. */
  private List<String> awaitWarnings(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (warnings().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return warnings();
  }

  @Test
  void aSessionWhoseOpenWasCancelledAndThatCouldNotBeEndedIsNamedInAWarn() throws Exception {
    java.util.concurrent.BlockingQueue<String> ends = answerStartsAndEndsWith(400);
    GatedClock clock = new GatedClock(java.time.Instant.EPOCH);
    StagehandClient gated = mock.newClient(b -> b.clock(clock));

    java.util.concurrent.CompletableFuture<StagehandSessionAsync> open = gated.async().sessions().open(START);
    assertThat(clock.reached.await(5, TimeUnit.SECONDS)).as("the start answered").isTrue();
    open.cancel(true);
    clock.release.countDown();

    assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo("/v1/sessions/s-1/end");
    assertThat(awaitWarnings(1)).singleElement().asString()
        .startsWith("Could not end session s-1, left running until the server ends it: ");
  }

  @Test
  void aSessionStartedAsTheClientClosedAndThatCouldNotBeEndedIsNamedInAWarn() throws Exception {
    java.util.concurrent.BlockingQueue<String> ends = answerStartsAndEndsWith(400);
    GatedClock clock = new GatedClock(java.time.Instant.EPOCH);
    StagehandClient gated = mock.newClient(b -> b.clock(clock));
    java.util.concurrent.CompletableFuture<Throwable> open = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> catchThrowable(() -> gated.sessions().open(START)));
    assertThat(clock.reached.await(5, TimeUnit.SECONDS)).as("the start answered").isTrue();

    assertThatCode(gated::close).as("no session was open yet").doesNotThrowAnyException();
    clock.release.countDown();

    assertThat(open.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class);
    assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo("/v1/sessions/s-1/end");
    assertThat(awaitWarnings(1)).singleElement().asString()
        .startsWith("Could not end session s-1, left running until the server ends it: ");
  }

  @Test
  void aDerivedClientEndsNoSessionAndThrowsNothing() {
    openThenAnswerEnds(json(500, ERROR_BODY));
    StagehandClient derived = client.withOptions(b -> b.maxRetries(0));

    assertThatCode(derived::close).doesNotThrowAnyException();

    assertThat(ends()).isEmpty();
  }
}
