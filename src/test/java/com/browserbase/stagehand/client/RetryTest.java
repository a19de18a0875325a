package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.RateLimitException;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.services.SessionService;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** When calls are retried, how often, and after which delay. No test sleeps: delays are recorded. */
class RetryTest {
  private static final String SESSION = "sess-1";
  /** A fixed instant far from today, so that reading the system clock instead would show. */
  private static final Instant NOW = Instant.parse("2031-05-06T07:08:09Z");

  private static final String OBSERVE_OK = "{\"success\":true,\"data\":{\"result\":[]}}";
  private static final String ACT_OK = "{\"success\":true,\"data\":{\"result\":{\"success\":true,"
      + "\"message\":\"done\",\"actionDescription\":\"click\",\"actions\":[]}}}";
  private static final String START_OK = "{\"success\":true,\"data\":{\"sessionId\":\"sess-1\",\"available\":true}}";
  private static final String AGENT_OK = "{\"success\":true,\"data\":{\"result\":{\"success\":true,"
      + "\"message\":\"ok\",\"actions\":[],\"completed\":true}}}";
  private static final String ERROR = "{\"success\":false,\"error\":\"boom\"}";

  private final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.sleeper(sleeps::add).clock(Clock.fixed(NOW, ZoneOffset.UTC)));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  @AfterEach
  void closeReplacedClient() {
    if (client != null) {
      client.close(); // a test may replace the client with one it builds itself
    }
  }

  private StagehandClient newClient(Consumer<StagehandOkHttpClient.Builder> change) {
    return mock.newClient(change);
  }

  private StagehandClient newClient(String baseUrl, Consumer<StagehandOkHttpClient.Builder> change) {
    return mock.newClient(b -> change.accept(b.baseUrl(baseUrl)));
  }

  private void replaceClient(Consumer<StagehandOkHttpClient.Builder> change) {
    client.close();
    client = newClient(change);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse error(int code, String header, String value) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .setHeader(header, value)
        .body(ERROR)
        .build();
  }

  private static SessionObserveParams observeParams() {
    return SessionObserveParams.builder().id(SESSION).instruction("find the login button").build();
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id(SESSION).input("click the login button").build();
  }

  private SessionObserveResponse observe() {
    return client.sessions().observe(observeParams());
  }

  /** The operations with side effects, which may be retried only when the server cannot have acted. */
  enum SideEffectOperation {
    START(START_OK, s -> s.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())),
    ACT(ACT_OK, s -> s.act(actParams())),
    EXECUTE_AGENT(AGENT_OK, s -> s.executeAgent(SessionExecuteAgentParams.builder()
        .id(SESSION)
        .agentConfig(AgentConfig.builder().model("openai/gpt-5-nano").build())
        .executeOptions(AgentExecuteOptions.builder().instruction("log in").build())
        .build()));

    final String okBody;
    final Function<SessionService, Object> call;

    SideEffectOperation(String okBody, Function<SessionService, Object> call) {
      this.okBody = okBody;
      this.call = call;
    }
  }

  @Test
  void aCallSucceedsAfterTwoServiceUnavailableAnswersWithTwoRecordedWaits() {
    server.enqueue(json(503, ERROR));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    SessionObserveResponse response = observe();

    assertThat(response.success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void theDefaultOfTwoRetriesEndsWithTheLastErrorAfterThreeAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(503, ERROR));
    }

    assertThatThrownBy(this::observe)
        .isInstanceOf(InternalServerException.class)
        .satisfies(e -> assertThat(((StagehandServiceException) e).statusCode()).isEqualTo(503));
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void maxRetriesZeroMakesExactlyOneAttempt() {
    replaceClient(b -> b.maxRetries(0));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(this::observe).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @ParameterizedTest(name = "observe is retried after {0}")
  @ValueSource(ints = {500, 502, 504, 409, 429})
  void observeIsRetriedAfterARetryableStatus(int status) {
    server.enqueue(json(status, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    assertThat(observe().success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void observeIsRetriedAfterARequestTimeoutWithTheSdksBackoff() {
    server.enqueue(json(408, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    assertThat(observe().success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void maxRetriesZeroMakesExactlyOneAttemptAfterARequestTimeout() {
    replaceClient(b -> b.maxRetries(0));
    server.enqueue(json(408, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(this::observe)
        .isInstanceOf(StagehandServiceException.class)
        .satisfies(e -> assertThat(((StagehandServiceException) e).statusCode()).isEqualTo(408));
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void maxRetriesZeroMakesExactlyOneAttemptAfterAServiceUnavailableWithRetryAfterZero() {
    replaceClient(b -> b.maxRetries(0));
    server.enqueue(error(503, "Retry-After", "0"));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(this::observe).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest(name = "observe is not retried after {0}")
  @ValueSource(ints = {400, 401, 403, 404, 422})
  void observeIsNotRetriedAfterAClientError(int status) {
    server.enqueue(json(status, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(this::observe)
        .isInstanceOf(StagehandServiceException.class)
        .satisfies(e -> assertThat(((StagehandServiceException) e).statusCode()).isEqualTo(status));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void actIsNotRetriedAfterAnInternalServerError() {
    server.enqueue(json(500, ERROR));
    server.enqueue(json(200, ACT_OK));

    assertThatThrownBy(() -> client.sessions().act(actParams())).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  static Stream<Arguments> sideEffectOperationsAndStatusesTheServerMayHaveActedOn() {
    List<Arguments> arguments = new ArrayList<>();
    for (SideEffectOperation operation : SideEffectOperation.values()) {
      for (int status : new int[] {500, 502, 504, 408, 409}) {
        arguments.add(Arguments.of(operation, status));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} is not retried after {1}")
  @MethodSource("sideEffectOperationsAndStatusesTheServerMayHaveActedOn")
  void anOperationWithSideEffectsIsNotRetriedAfterAStatusTheServerMayHaveActedOn(
      SideEffectOperation operation, int status) {
    server.enqueue(json(status, ERROR));
    server.enqueue(json(200, operation.okBody));

    assertThatThrownBy(() -> operation.call.apply(client.sessions()))
        .isInstanceOf(StagehandServiceException.class)
        .satisfies(e -> assertThat(((StagehandServiceException) e).statusCode()).isEqualTo(status));
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  static Stream<Arguments> sideEffectOperationsAndStatusesTheServerDidNotActOn() {
    List<Arguments> arguments = new ArrayList<>();
    for (SideEffectOperation operation : SideEffectOperation.values()) {
      for (int status : new int[] {429, 503}) {
        arguments.add(Arguments.of(operation, status));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} is retried after {1}")
  @MethodSource("sideEffectOperationsAndStatusesTheServerDidNotActOn")
  void anOperationWithSideEffectsIsRetriedAfterTooManyRequestsOrServiceUnavailable(
      SideEffectOperation operation, int status) {
    server.enqueue(json(status, ERROR));
    server.enqueue(json(200, operation.okBody));

    assertThat(operation.call.apply(client.sessions())).isNotNull();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void aRetriedActSendsTheSameRequestAgain() throws Exception {
    server.enqueue(json(429, ERROR));
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actParams());

    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertThat(second.getRequestLine()).isEqualTo(first.getRequestLine());
    assertThat(second.getBody().utf8()).isEqualTo(first.getBody().utf8()).contains("click the login button");
  }

  @ParameterizedTest(name = "{0} is not retried when the connection drops after the request was sent")
  @EnumSource(SideEffectOperation.class)
  void anOperationWithSideEffectsIsNotRetriedWhenTheConnectionDropsAfterTheRequestWasSent(
      SideEffectOperation operation) {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, operation.okBody));

    assertThatThrownBy(() -> operation.call.apply(client.sessions())).isInstanceOf(StagehandIoException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void observeIsRetriedWhenTheConnectionDropsAfterTheRequestWasSent() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(json(200, OBSERVE_OK));

    assertThat(observe().success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void retryAfterInSecondsIsWaitedFor() {
    server.enqueue(error(503, "Retry-After", "2"));
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).containsExactly(2000L);
  }

  @Test
  void retryAfterMsIsWaitedFor() {
    server.enqueue(error(429, "retry-after-ms", "150"));
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).containsExactly(150L);
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    server.enqueue(new MockResponse.Builder()
        .code(429)
        .setHeader("retry-after-ms", "150")
        .setHeader("Retry-After", "7")
        .body(ERROR)
        .build());
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).containsExactly(150L);
  }

  @Test
  void retryAfterAsAnHttpDateIsWaitedForUntilThatDateOnTheInjectedClock() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(3).atZone(ZoneOffset.UTC));
    server.enqueue(error(503, "Retry-After", date));
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isCloseTo(3000L, within(100L));
  }

  @Test
  void aRetryAfterDateInThePastRetriesWithoutWaiting() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.minusSeconds(30).atZone(ZoneOffset.UTC));
    server.enqueue(error(503, "Retry-After", date));
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).containsExactly(0L);
  }

  @Test
  void anUnreadableRetryAfterFallsBackToBackoff() {
    server.enqueue(error(503, "Retry-After", "soon"));
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).hasSize(1);
    assertThat(sleeps.get(0)).isBetween(375L, 500L);
  }

  @Test
  void aRetryAfterOfSixtySecondsIsStillWaitedFor() {
    server.enqueue(error(429, "Retry-After", "60"));
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).containsExactly(60_000L);
  }

  @Test
  void aRetryAfterOverSixtySecondsRaisesTheRateLimitErrorAtOnce() {
    server.enqueue(error(429, "Retry-After", "120"));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(this::observe).isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aRetryAfterMsOverSixtySecondsRaisesTheErrorAtOnce() {
    server.enqueue(error(503, "retry-after-ms", "61000"));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(this::observe).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldRetryFalseStopsTheRetryOfAServiceUnavailableAnswer() {
    server.enqueue(error(503, "x-should-retry", "false"));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(this::observe).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void shouldRetryTrueMakesABadRequestRetried() {
    server.enqueue(error(400, "x-should-retry", "true"));
    server.enqueue(json(200, OBSERVE_OK));

    assertThat(observe().success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(sleeps).hasSize(1);
  }

  @Test
  void shouldRetryTrueMakesAnActRetriedAfterAnInternalServerError() {
    server.enqueue(error(500, "x-should-retry", "true"));
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actParams());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void shouldRetryTrueDoesNotGoBeyondMaxRetries() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(error(400, "x-should-retry", "true"));
    }

    assertThatThrownBy(this::observe).isInstanceOf(BadRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void backoffWithoutServerHeadersStartsAtAboutHalfASecondAndGrows() {
    replaceClient(b -> b.maxRetries(3));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(375L, 500L);
    assertThat(sleeps.get(1)).isBetween(750L, 1000L);
    assertThat(sleeps.get(2)).isBetween(1500L, 2000L);
  }

  @Test
  void backoffIsJittered() {
    for (int i = 0; i < 12; i++) {
      server.enqueue(json(503, ERROR));
      server.enqueue(json(200, OBSERVE_OK));
      observe();
    }

    assertThat(sleeps).hasSize(12).allSatisfy(delay -> assertThat(delay).isBetween(375L, 500L));
    assertThat(new HashSet<>(sleeps)).hasSizeGreaterThan(1);
  }

  @Test
  void backoffIsCappedAtEightSeconds() {
    replaceClient(b -> b.maxRetries(7));
    for (int i = 0; i < 7; i++) {
      server.enqueue(json(503, ERROR));
    }
    server.enqueue(json(200, OBSERVE_OK));

    observe();

    assertThat(sleeps).hasSize(7);
    assertThat(sleeps.subList(4, 7)).allSatisfy(delay -> assertThat(delay).isBetween(6000L, 8000L));
  }

  @Test
  void aRefusedConnectionIsRetriedForActUntilRetriesRunOut() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String deadUrl = closed.url("/").toString();
    closed.close();
    client.close();
    client = newClient(deadUrl, b -> {});

    assertThatThrownBy(() -> client.sessions().act(actParams()))
        .isInstanceOf(StagehandIoException.class)
        .hasRootCauseInstanceOf(ConnectException.class);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void anInterruptedWaitStopsRetryingAndKeepsTheInterruptFlag() {
    client.close();
    client = StagehandOkHttpClient.builder()
        .baseUrl(server.url("/").toString())
        .sleeper(millis -> {
          throw new InterruptedException("stop");
        })
        .build();
    server.enqueue(json(503, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    try {
      assertThatThrownBy(this::observe).isInstanceOf(StagehandException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void requestOptionsMaxRetriesZeroOverridesTheClientsRetries() {
    server.enqueue(json(503, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    assertThatThrownBy(() -> client.sessions().observe(observeParams(), RequestOptions.builder().maxRetries(0).build()))
        .isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void requestOptionsMaxRetriesAboveTheClientsAllowsMoreAttempts() {
    replaceClient(b -> b.maxRetries(0));
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(503, ERROR));
    }
    server.enqueue(json(200, OBSERVE_OK));

    SessionObserveResponse response =
        client.sessions().observe(observeParams(), RequestOptions.builder().maxRetries(3).build());

    assertThat(response.success()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void aDerivedClientKeepsTheRetrySettingsItChanges() {
    server.enqueue(json(503, ERROR));
    server.enqueue(json(503, ERROR));
    server.enqueue(json(200, OBSERVE_OK));

    StagehandClient noRetries = client.withOptions(b -> b.maxRetries(0));

    assertThatThrownBy(() -> noRetries.sessions().observe(observeParams())).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(observe().success()).isTrue(); // the original still retries
    assertThat(server.getRequestCount()).isEqualTo(3);
    noRetries.close();
  }
}
