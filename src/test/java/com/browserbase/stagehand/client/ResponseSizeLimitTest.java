package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.FaultServer.json;
import static com.browserbase.stagehand.client.FaultServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateResponse;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's bound on what it reads in one piece ({@code maxResponseBytes}): a blocking call's body
 * and one event of a stream. Beyond it the call fails with {@link StagehandInvalidDataException}
 * naming the bound, its value and how to raise it; the response is closed at once (the raw-socket
 * server sees the client leave while it still holds the connection open) and the call is not sent
 * again. At the bound exactly, everything is read.
 */
class ResponseSizeLimitTest {
  /** The bound most tests set: small, so that the bodies stay small. */
  private static final int LIMIT = 1024;
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(5);
  /** Beyond this a failure was not prompt: the client waited for the body rather than stopping. */
  private static final Duration PROMPT = Duration.ofSeconds(3);
  private static final String NAVIGATE = "POST /v1/sessions/s-1/navigate";
  private static final String HOW_TO_RAISE = "raise the limit with StagehandOkHttpClient.builder().maxResponseBytes(bytes),"
      + " or for some calls with client.withOptions(b -> b.maxResponseBytes(bytes))";

  private static final String STARTING =
      "event: starting\ndata: {\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"e1\"}\n\n";
  private static final String RESULT_PREFIX = "{\"success\":true,\"data\":{\"result\":\"";
  private static final String RESULT_SUFFIX = "\"}}";
  private static final String EVENT_PREFIX = "{\"data\":{\"status\":\"finished\",\"result\":\"";
  private static final String EVENT_SUFFIX = "\"},\"type\":\"system\",\"id\":\"e2\"}";

  private final List<StagehandClient> clients = new CopyOnWriteArrayList<>();
  private FaultServer server;

  @BeforeEach
  void start() throws IOException {
    server = FaultServer.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    try {
      clients.forEach(StagehandClient::close);
    } finally {
      server.close();
    }
    assertThat(server.errors()).as("failures inside the fault server").isEmpty();
  }

  private StagehandClient client(Consumer<StagehandOkHttpClient.Builder> settings) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .baseUrl(server.url())
        .timeout(CLIENT_TIMEOUT)
        .maxRetries(2)
        .sleeper(new WireFixtures.RecordingSleeper())
        .scheduler(WireFixtures.RecordingScheduler.immediate());
    settings.accept(builder);
    StagehandClient client = builder.build();
    clients.add(client);
    return client;
  }

  private StagehandClient client(long maxResponseBytes) {
    return client(b -> b.maxResponseBytes(maxResponseBytes));
  }

  private static SessionNavigateParams params() {
    return SessionNavigateParams.builder().id("s-1").url("https://example.com").build();
  }

  /** A navigate answer of exactly {@code bytes} bytes: its result is a string of {@code x}. */
  private static String navigateBody(int bytes) {
    return RESULT_PREFIX + "x".repeat(bytes - RESULT_PREFIX.length() - RESULT_SUFFIX.length()) + RESULT_SUFFIX;
  }

  /** The data of a {@code finished} event of exactly {@code bytes} bytes. */
  private static String finishedData(int bytes) {
    return EVENT_PREFIX + "x".repeat(bytes - EVENT_PREFIX.length() - EVENT_SUFFIX.length()) + EVENT_SUFFIX;
  }

  /** How a body's length is known to the client. */
  enum Framing {
    /** A {@code Content-Length}. */
    DECLARED,
    /** Chunks, the length unknown until the last one. */
    CHUNKED
  }

  /** A 200 JSON answer framed as said; the connection stays open. */
  private static FaultServer.Reply answer(Framing framing, String body) {
    return framing == Framing.DECLARED ? json(200, body) : chunked(body);
  }

  private static FaultServer.Reply chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder chunks = new StringBuilder();
    for (int at = 0; at < bytes.length; at += 300) {
      String chunk = new String(bytes, at, Math.min(300, bytes.length - at), StandardCharsets.ISO_8859_1);
      chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] rest = (chunks + "0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    return connection -> {
      connection.write(head);
      connection.write(rest);
      return FaultServer.After.KEEP_ALIVE;
    };
  }

  /** Writes {@code text} (a head and part of a body), then holds the connection open until the client leaves. */
  private static FaultServer.Reply writeThenHold(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return connection -> {
      connection.write(bytes);
      connection.hold();
      return FaultServer.After.ENDED;
    };
  }

  private static String sseHead() {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n";
  }

  /** Fails unless the client has closed every connection by itself, without the client being closed. */
  private void assertTheClientLeftTheConnection() throws InterruptedException {
    assertThat(server.awaitAllClientConnectionsClosed(PROMPT))
        .as("the client closed the connection after the failure; still open: %s", server.openConnections())
        .isTrue();
  }

  private static void assertNamesTheBound(Throwable failure, String what, String bound) {
    assertThat(failure)
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageStartingWith(what + " is larger than maxResponseBytes, the client's limit of " + bound)
        .hasMessageEndingWith("If the server's answers are that large on purpose, " + HOW_TO_RAISE);
  }

  // ---- blocking calls -------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Framing.class)
  void aBodyOverTheLimitFailsNamingTheLimitItsValueAndHowToRaiseItAndIsNotRetried(Framing framing) {
    server.enqueue(3, answer(framing, navigateBody(LIMIT + 1)));
    StagehandClient client = client(LIMIT);

    Throwable failure = catchThrowable(() -> client.sessions().navigate(params()));

    assertNamesTheBound(failure, "The response of " + NAVIGATE, "1024 bytes (1 KiB)");
    if (framing == Framing.DECLARED) {
      assertThat(failure).hasMessageContaining("(its Content-Length is 1025 bytes)");
    }
    assertThat(server.requestCount()).as("sent once: a body over the bound is not retried").isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Framing.class)
  void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsNot(Framing framing) {
    server.enqueue(answer(framing, navigateBody(LIMIT)), answer(framing, navigateBody(LIMIT + 1)));
    StagehandClient client = client(LIMIT);

    SessionNavigateResponse atTheLimit = client.sessions().navigate(params());

    assertThat(atTheLimit.data().result().orElseThrow().textValue())
        .hasSize(LIMIT - RESULT_PREFIX.length() - RESULT_SUFFIX.length());
    assertThatThrownBy(() -> client.sessions().navigate(params())).isInstanceOf(StagehandInvalidDataException.class);
  }

  @ParameterizedTest(name = "response validation {0}")
  @ValueSource(booleans = {false, true})
  void theBoundHoldsWithAndWithoutResponseValidation(boolean validate) {
    server.enqueue(chunked(navigateBody(LIMIT + 1)));
    StagehandClient client = client(LIMIT);

    Throwable failure = catchThrowable(() ->
        client.sessions().navigate(params(), RequestOptions.builder().responseValidation(validate).build()));

    assertNamesTheBound(failure, "The response of " + NAVIGATE, "1024 bytes (1 KiB)");
  }

  @ParameterizedTest
  @EnumSource(Framing.class)
  void aBodyOverTheLimitIsClosedAtOnceWhileTheServerIsStillSendingIt(Framing framing) throws Exception {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + (framing == Framing.DECLARED ? "Content-Length: 100000000\r\n\r\n" : "Transfer-Encoding: chunked\r\n\r\n");
    String part = RESULT_PREFIX + "x".repeat(4 * LIMIT);
    server.enqueue(writeThenHold(head + (framing == Framing.DECLARED ? part
        : Integer.toHexString(part.length()) + "\r\n" + part + "\r\n")));
    StagehandClient client = client(LIMIT);

    long start = System.nanoTime();
    Throwable failure = catchThrowable(() -> client.sessions().navigate(params()));

    assertThat(failure).isInstanceOf(StagehandInvalidDataException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("failed without waiting for the rest").isLessThan(PROMPT);
    assertTheClientLeftTheConnection();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void theDefaultLimitIs64MiBAndADeclaredLongerBodyFailsBeforeItIsRead() throws Exception {
    assertThat(StagehandOkHttpClient.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(64L * 1024 * 1024);
    server.enqueue(writeThenHold("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + (64L * 1024 * 1024 + 1) + "\r\n\r\n" + RESULT_PREFIX));
    StagehandClient client = client(b -> {});

    Throwable failure = catchThrowable(() -> client.sessions().navigate(params()));

    assertNamesTheBound(failure, "The response of " + NAVIGATE, "67108864 bytes (64 MiB)");
    assertThat(failure).hasMessageContaining("(its Content-Length is 67108865 bytes)");
    assertTheClientLeftTheConnection();
  }

  @Test
  void anAsyncCallOverTheLimitFailsTheSameWayAndIsNotRetried() throws Exception {
    server.enqueue(3, chunked(navigateBody(LIMIT + 1)));
    StagehandClient client = client(LIMIT);

    CompletableFuture<SessionNavigateResponse> future = client.async().sessions().navigate(params());
    Throwable failure = catchThrowable(() -> future.get(PROMPT.toMillis(), TimeUnit.MILLISECONDS));

    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertNamesTheBound(failure.getCause(), "The response of " + NAVIGATE, "1024 bytes (1 KiB)");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aRawResponseOverTheLimitFails() {
    server.enqueue(chunked(navigateBody(LIMIT + 1)));
    StagehandClient client = client(LIMIT);

    Throwable failure = catchThrowable(() -> client.sessions().withRawResponse().navigate(params()));

    assertNamesTheBound(failure, "The response of " + NAVIGATE, "1024 bytes (1 KiB)");
  }

  @Test
  void anErrorBodyOverTheLimitIsCutToTheLimitAndTheStatusStillDecides() {
    server.enqueue(json(500, "{\"success\":false,\"error\":\"" + "e".repeat(4 * LIMIT) + "\"}"));
    StagehandClient client = client(b -> b.maxResponseBytes(LIMIT).maxRetries(0));

    Throwable failure = catchThrowable(() -> client.sessions().navigate(params()));

    assertThat(failure).isInstanceOf(InternalServerException.class);
    assertThat(((InternalServerException) failure).body()).hasSize(LIMIT).startsWith("{\"success\":false,\"error\":\"eee");
  }

  @Test
  void aStreamingCallAnsweredWithPlainJsonOverTheLimitFails() {
    server.enqueue(chunked(navigateBody(LIMIT + 1)));
    StagehandClient client = client(LIMIT);

    Throwable failure = catchThrowable(() -> client.sessions().navigateStreaming(params()).close());

    assertNamesTheBound(failure, "The response of " + NAVIGATE, "1024 bytes (1 KiB)");
  }

  @Test
  void withOptionsChangesTheLimitForTheDerivedClientOnly() {
    server.enqueue(chunked(navigateBody(2 * LIMIT)), chunked(navigateBody(2 * LIMIT)));
    StagehandClient client = client(LIMIT);
    StagehandClient larger = client.withOptions(b -> b.maxResponseBytes(4 * LIMIT));

    assertThat(larger.sessions().navigate(params()).success()).isTrue();
    assertThatThrownBy(() -> client.sessions().navigate(params())).isInstanceOf(StagehandInvalidDataException.class);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Integer.MAX_VALUE + 1L, Long.MAX_VALUE})
  void theBuilderRejectsABoundOutOfRangeNamingIt(long bytes) {
    assertThatThrownBy(() -> StagehandOkHttpClient.builder().maxResponseBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxResponseBytes must be between 1 and 2147483647 (bytes), was " + bytes);
  }

  // ---- streams ---------------------------------------------------------------------------------------

  /** Reads a stream to its end or failure; returns the events read and the failure. */
  private static Throwable readAll(StreamResponse<StreamEvent> stream, List<StreamEvent> read) {
    try (StreamResponse<StreamEvent> events = stream) {
      Iterator<StreamEvent> iterator = events.stream().iterator();
      while (iterator.hasNext()) {
        read.add(iterator.next());
      }
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void anEventOfOneLongLineOverTheLimitFailsAndClosesTheStream() throws Exception {
    server.enqueue(sse(STARTING, "event: finished\ndata: " + finishedData(8 * LIMIT) + "\n\n").thenStall());
    StagehandClient client = client(LIMIT);
    List<StreamEvent> read = new ArrayList<>();

    Throwable failure = readAll(client.sessions().navigateStreaming(params()), read);

    assertThat(read).hasSize(1);
    assertNamesTheBound(failure, "Event 2 of the stream of " + NAVIGATE, "1024 bytes (1 KiB)");
    assertTheClientLeftTheConnection();
  }

  @Test
  void aLineThatNeverEndsIsNotBufferedWhileItGrowsButFailsAsSoonAsItPassesTheLimit() throws Exception {
    server.enqueue(writeThenHold(sseHead() + STARTING + "data: " + EVENT_PREFIX + "x".repeat(8 * LIMIT)));
    StagehandClient client = client(LIMIT);
    List<StreamEvent> read = new ArrayList<>();

    long start = System.nanoTime();
    Throwable failure = readAll(client.sessions().navigateStreaming(params()), read);

    assertNamesTheBound(failure, "Event 2 of the stream of " + NAVIGATE, "1024 bytes (1 KiB)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("failed without waiting for the line's end")
        .isLessThan(PROMPT);
    assertTheClientLeftTheConnection();
  }

  @Test
  void anEventOfManyShortLinesOverTheLimitFails() throws Exception {
    StringBuilder event = new StringBuilder("event: finished\n");
    String data = finishedData(4 * LIMIT);
    for (int at = 0; at < data.length(); at += 40) {
      event.append("data: ").append(data, at, Math.min(data.length(), at + 40)).append('\n');
    }
    server.enqueue(sse(STARTING, event + "\n").thenStall());
    StagehandClient client = client(LIMIT);
    List<StreamEvent> read = new ArrayList<>();

    Throwable failure = readAll(client.sessions().navigateStreaming(params()), read);

    assertThat(read).hasSize(1);
    assertNamesTheBound(failure, "Event 2 of the stream of " + NAVIGATE, "1024 bytes (1 KiB)");
    assertTheClientLeftTheConnection();
  }

  @Test
  void anEventOfExactlyTheLimitIsReadAndOneByteMoreIsNot() {
    String atTheLimit = finishedData(LIMIT);
    // Over two lines, split between two JSON tokens: the line feed that joins them counts, one byte of the limit.
    String split = finishedData(LIMIT - 1);
    int between = "{\"data\":".length();
    server.enqueue(
        sse(STARTING, "event: finished\ndata: " + atTheLimit + "\n\n"),
        sse(STARTING, "event: finished\ndata: " + split.substring(0, between) + "\ndata: " + split.substring(between) + "\n\n"),
        sse(STARTING, "event: finished\ndata: " + finishedData(LIMIT + 1) + "\n\n"));
    StagehandClient client = client(LIMIT);

    for (int i = 0; i < 2; i++) {
      List<StreamEvent> read = new ArrayList<>();
      assertThat(readAll(client.sessions().navigateStreaming(params()), read)).isNull();
      assertThat(read).hasSize(2);
    }
    List<StreamEvent> read = new ArrayList<>();
    assertNamesTheBound(readAll(client.sessions().navigateStreaming(params()), read),
        "Event 2 of the stream of " + NAVIGATE, "1024 bytes (1 KiB)");
  }

  @Test
  void theLimitIsPerEventNotPerStream() {
    String log = "event: log\ndata: {\"data\":{\"status\":\"running\",\"message\":\"" + "m".repeat(LIMIT - 100)
        + "\"},\"type\":\"log\",\"id\":\"l\"}\n\n";
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(log);
    }
    events.add("event: finished\ndata: " + finishedData(LIMIT) + "\n\n");
    server.enqueue(sse(events.toArray(new String[0])));
    StagehandClient client = client(LIMIT);
    List<StreamEvent> read = new ArrayList<>();

    assertThat(readAll(client.sessions().navigateStreaming(params()), read)).isNull();
    assertThat(read).hasSize(21);
  }

  @Test
  void anAsyncStreamOverTheLimitFailsItsCompletion() throws Exception {
    server.enqueue(sse(STARTING, "event: finished\ndata: " + finishedData(8 * LIMIT) + "\n\n").thenStall());
    StagehandClient client = client(LIMIT);
    List<StreamEvent> read = new CopyOnWriteArrayList<>();

    AsyncStreamResponse<StreamEvent> stream = client.async().sessions().navigateStreaming(params());
    stream.subscribe(read::add);
    Throwable failure = catchThrowable(() -> stream.onCompleteFuture().get(PROMPT.toMillis(), TimeUnit.MILLISECONDS));

    assertThat(failure).isInstanceOf(ExecutionException.class);
    assertNamesTheBound(failure.getCause(), "Event 2 of the stream of " + NAVIGATE, "1024 bytes (1 KiB)");
    assertThat(read).hasSize(1);
    assertTheClientLeftTheConnection();
  }

  @Test
  void aRawStreamOverTheLimitFailsWhenItsEventIsRead() throws Exception {
    server.enqueue(sse(STARTING, "event: finished\ndata: " + finishedData(8 * LIMIT) + "\n\n").thenStall());
    StagehandClient client = client(LIMIT);

    HttpResponseFor<StreamResponse<StreamEvent>> raw = client.sessions().withRawResponse().navigateStreaming(params());
    Throwable failure = readAll(raw.parse(), new ArrayList<>());

    assertNamesTheBound(failure, "Event 2 of the stream of " + NAVIGATE, "1024 bytes (1 KiB)");
    assertTheClientLeftTheConnection();
  }

  // ---- nesting ---------------------------------------------------------------------------------------

  @Test
  void aResultNestedTooDeeplyIsInvalidDataOnEveryJacksonNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"result\":" + deep + "}}"),
        sse("event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":" + deep
            + "},\"type\":\"system\",\"id\":\"e2\"}\n\n"));
    StagehandClient client = client(b -> {});

    assertThatThrownBy(() -> client.sessions().navigate(params()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("nesting depth");
    assertThat(readAll(client.sessions().navigateStreaming(params()), new ArrayList<>()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("nesting depth");
  }
}
