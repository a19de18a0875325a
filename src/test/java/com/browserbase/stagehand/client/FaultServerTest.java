package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.FaultServer.closeAfter;
import static com.browserbase.stagehand.client.FaultServer.closeWhenIdle;
import static com.browserbase.stagehand.client.FaultServer.json;
import static com.browserbase.stagehand.client.FaultServer.neverAnswer;
import static com.browserbase.stagehand.client.FaultServer.raw;
import static com.browserbase.stagehand.client.FaultServer.resetAfter;
import static com.browserbase.stagehand.client.FaultServer.resetBeforeResponse;
import static com.browserbase.stagehand.client.FaultServer.sse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link FaultServer} driven by a plain socket: what each reply puts on the wire, and what the server records. */
class FaultServerTest {
  private static final String POST =
      "POST /v1/sessions/s-1/act?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Trace: t-1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 13\r\n\r\n{\"input\":\"a\"}";
  private static final String GET = "GET /v1/sessions/s-1/replay HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  private static final String E1 = "data: {\"id\":\"e1\"}\n\n";
  private static final String E2 = "event: log\ndata: {\"id\":\"e2\"}\n\n";
  private static final Duration SHORT = Duration.ofMillis(300);

  private FaultServer server;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = FaultServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    assertThat(server.awaitAllClientConnectionsClosed(Duration.ofSeconds(5))).isTrue();
    server.close();
    assertThat(server.errors()).isEmpty();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("fault-server-" + server.port() + "-"));
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(5_000);
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String request) throws IOException {
    socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  /** Reads until {@code end} has been read; fails at an EOF before it. */
  private static String readThrough(Socket socket, String end) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
      int b = in.read();
      if (b == -1) {
        throw new AssertionError("EOF before " + end + " after: " + read.toString(StandardCharsets.UTF_8));
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  /** Reads until EOF. */
  private static String readToEof(Socket socket) throws IOException {
    return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Reads what arrives until the read fails; returns what was read and the failure. */
  private static Object[] readUntilFailure(Socket socket) {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    try {
      int n;
      while ((n = socket.getInputStream().read(buffer)) != -1) {
        read.write(buffer, 0, n);
      }
      return new Object[] {read.toString(StandardCharsets.UTF_8), null};
    } catch (IOException e) {
      return new Object[] {read.toString(StandardCharsets.UTF_8), e};
    }
  }

  @Test
  void aJsonReplyIsAnsweredWithItsHeadersAndTheConnectionServesTheNextRequest() throws Exception {
    server.enqueue(json(200, "{\"ok\":1}", Map.of("x-request-id", "req-42")), json(404, "{\"error\":\"gone\"}"));
    Socket socket = connect();

    send(socket, POST);
    String first = readThrough(socket, "{\"ok\":1}");
    send(socket, GET);
    String second = readThrough(socket, "{\"error\":\"gone\"}");

    assertThat(first).startsWith("HTTP/1.1 200 OK\r\n")
        .contains("Content-Type: application/json\r\n", "Content-Length: 8\r\n", "x-request-id: req-42\r\n");
    assertThat(second).startsWith("HTTP/1.1 404 Not Found\r\n").contains("Content-Length: 16\r\n");
    assertThat(server.connectionCount()).isEqualTo(1);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void eachRequestIsRecordedWithMethodPathHeadersAndBody() throws Exception {
    server.enqueue(json(200, "{}"), json(200, "{}"));
    Socket socket = connect();

    send(socket, POST);
    readThrough(socket, "{}");
    send(socket, GET);
    readThrough(socket, "{}");

    List<FaultServer.Request> requests = server.requests();
    assertThat(requests).hasSize(2);
    FaultServer.Request post = requests.get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.target()).isEqualTo("/v1/sessions/s-1/act?x=1");
    assertThat(post.path()).isEqualTo("/v1/sessions/s-1/act");
    assertThat(post.line()).isEqualTo("POST /v1/sessions/s-1/act");
    assertThat(post.header("x-trace")).isEqualTo("t-1");
    assertThat(post.header("X-TRACE")).isEqualTo("t-1");
    assertThat(post.body()).isEqualTo("{\"input\":\"a\"}");
    assertThat(post.connection()).isEqualTo(1);
    assertThat(requests.get(1).line()).isEqualTo("GET /v1/sessions/s-1/replay");
    assertThat(requests.get(1).body()).isEmpty();
  }

  @Test
  void aRequestWithNothingScriptedIsAnswered500() throws Exception {
    Socket socket = connect();

    send(socket, GET);

    assertThat(readThrough(socket, "\"}")).startsWith("HTTP/1.1 500 ").contains("no reply scripted for GET /v1/sessions/s-1/replay");
  }

  @Test
  void aReplyEnqueuedSeveralTimesAnswersThatManyRequests() throws Exception {
    server.enqueue(2, json(503, "{}")).enqueue(json(200, "{}"));
    Socket socket = connect();

    List<String> statusLines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      send(socket, GET);
      statusLines.add(readThrough(socket, "{}").lines().findFirst().orElseThrow());
    }

    assertThat(statusLines).containsExactly(
        "HTTP/1.1 503 Service Unavailable", "HTTP/1.1 503 Service Unavailable", "HTTP/1.1 200 OK");
  }

  @Test
  void rawBytesAreWrittenVerbatim() throws Exception {
    server.enqueue(raw("garbage\r\n\r\n"));
    Socket socket = connect();

    send(socket, GET);

    assertThat(readThrough(socket, "\r\n\r\n")).isEqualTo("garbage\r\n\r\n");
  }

  @Test
  void resetBeforeResponseReadsTheRequestThenResets() throws Exception {
    server.enqueue(resetBeforeResponse());
    Socket socket = connect();

    send(socket, POST);
    Object[] result = readUntilFailure(socket);

    assertThat(result[0]).isEqualTo("");
    assertThat(result[1]).isInstanceOf(SocketException.class);
    assertThat(((Exception) result[1]).getMessage()).containsIgnoringCase("reset");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void resetAfterWritesItsBytesThenResets() throws Exception {
    String partial = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"success\":true,\"da";
    server.enqueue(resetAfter(partial));
    Socket socket = connect();

    send(socket, POST);
    Object[] result = readUntilFailure(socket);

    assertThat(result[0]).isEqualTo(partial);
    assertThat(result[1]).isInstanceOf(SocketException.class);
  }

  @Test
  void closeAfterWritesItsBytesThenSendsAFinAndWaitsForTheClientToClose() throws Exception {
    String partial = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789";
    server.enqueue(closeAfter(partial));
    Socket socket = connect();

    send(socket, POST);

    assertThat(readToEof(socket)).isEqualTo(partial);
    assertThat(server.awaitAllClientConnectionsClosed(SHORT)).as("the client still holds its end").isFalse();
    socket.close();
    assertThat(server.awaitAllClientConnectionsClosed(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void closeAfterNothingIsAFinWithoutAnAnswer() throws Exception {
    server.enqueue(closeAfter(""));
    Socket socket = connect();

    send(socket, GET);

    assertThat(readToEof(socket)).isEmpty();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void neverAnswerHoldsTheConnectionUntilTheClientLeaves() throws Exception {
    server.enqueue(neverAnswer());
    Socket socket = connect();
    socket.setSoTimeout((int) SHORT.toMillis());

    send(socket, POST);

    assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    assertThat(server.awaitRequest(1, Duration.ofSeconds(5)).line()).isEqualTo("POST /v1/sessions/s-1/act");
    assertThat(server.awaitAllClientConnectionsClosed(SHORT)).isFalse();
    assertThat(server.openConnections()).containsExactly("connection 1 (1 requests)");
    socket.close();
    assertThat(server.awaitAllClientConnectionsClosed(Duration.ofSeconds(5))).isTrue();
    assertThat(server.openConnections()).isEmpty();
  }

  @Test
  void aChunkedEventStreamSendsEachEventAsAChunkThenTheLastChunkAndKeepsTheConnection() throws Exception {
    server.enqueue(sse(E1, E2).chunked().header("x-request-id", "req-7").thenFinish(), json(200, "{}"));
    Socket socket = connect();

    send(socket, POST);
    String stream = readThrough(socket, "\r\n0\r\n\r\n");
    send(socket, GET);
    readThrough(socket, "{}");

    assertThat(stream).startsWith("HTTP/1.1 200 OK\r\n")
        .contains("Content-Type: text/event-stream\r\n", "Transfer-Encoding: chunked\r\n", "x-request-id: req-7\r\n")
        .doesNotContain("Content-Length")
        .endsWith("\r\n\r\n" + Integer.toHexString(E1.length()) + "\r\n" + E1 + "\r\n"
            + Integer.toHexString(E2.length()) + "\r\n" + E2 + "\r\n0\r\n\r\n");
    assertThat(server.connectionCount()).isEqualTo(1);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void aCloseDelimitedEventStreamEndsWithAFin() throws Exception {
    server.enqueue(sse(E1, E2));
    Socket socket = connect();

    send(socket, POST);
    String stream = readToEof(socket);

    assertThat(stream).contains("Connection: close\r\n").doesNotContain("Transfer-Encoding").endsWith("\r\n\r\n" + E1 + E2);
  }

  @Test
  void aChunkedEventStreamCanEndWithAFinBeforeItsLastChunk() throws Exception {
    server.enqueue(sse(E1).chunked().thenFin());
    Socket socket = connect();

    send(socket, POST);

    assertThat(readToEof(socket)).endsWith(E1 + "\r\n");
  }

  @Test
  void aCutEventStreamEndsInTheMiddleOfAFrameWithAFin() throws Exception {
    server.enqueue(sse(E1, E2).thenCut("data: {\"type\":\"system\",\"da"));
    Socket socket = connect();

    send(socket, POST);

    assertThat(readToEof(socket)).endsWith(E1 + E2 + "data: {\"type\":\"system\",\"da");
  }

  @Test
  void aResetEventStreamDeliversItsEventsThenAReset() throws Exception {
    server.enqueue(sse(E1, E2).thenReset());
    Socket socket = connect();

    send(socket, POST);
    Object[] result = readUntilFailure(socket);

    assertThat((String) result[0]).endsWith(E1 + E2);
    assertThat(result[1]).isInstanceOf(SocketException.class);
  }

  @Test
  void aStalledEventStreamDeliversItsEventsThenHoldsTheConnection() throws Exception {
    server.enqueue(sse(E1, E2).thenStall());
    Socket socket = connect();

    send(socket, POST);
    readThrough(socket, E1 + E2);
    socket.setSoTimeout((int) SHORT.toMillis());

    assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
    assertThat(server.awaitAllClientConnectionsClosed(SHORT)).isFalse();
  }

  @Test
  void closeWhenIdleAnswersThenClosesTheConnectionWhileTheClientHoldsIt() throws Exception {
    server.enqueue(closeWhenIdle(json(200, "{\"ok\":1}")), json(200, "{\"never\":1}"));
    Socket socket = connect();

    send(socket, POST);
    String answer = readThrough(socket, "{\"ok\":1}");
    assertThat(answer).doesNotContain("Connection: close");
    String rest = readToEof(socket); // the FIN, with no request sent

    assertThat(rest).isEmpty();
    assertThat(server.idleClosures()).isEqualTo(1);
    send(socket, GET); // the stale connection: written, dropped, never answered
    socket.shutdownOutput();
    assertThat(server.awaitAllClientConnectionsClosed(Duration.ofSeconds(5))).isTrue();
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void connectionsAreCountedAndEachServesItsOwnRequests() throws Exception {
    server.enqueue(json(200, "{}"), json(200, "{}"));
    Socket first = connect();
    Socket second = connect();

    send(first, GET);
    readThrough(first, "{}");
    send(second, GET);
    readThrough(second, "{}");

    assertThat(server.connectionCount()).isEqualTo(2);
    assertThat(server.requests()).extracting(FaultServer.Request::connection).containsExactly(1, 2);
  }

  @Test
  void awaitRequestWaitsForALateRequest() throws Exception {
    server.enqueue(json(200, "{}"));
    Socket socket = connect();
    Thread late = new Thread(() -> {
      try {
        Thread.sleep(100);
        send(socket, GET);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    late.start();

    assertThat(server.awaitRequest(1, Duration.ofSeconds(5)).line()).isEqualTo("GET /v1/sessions/s-1/replay");
    late.join();
    readThrough(socket, "{}");
    assertThatThrownBy(() -> server.awaitRequest(2, Duration.ofMillis(50))).isInstanceOf(AssertionError.class);
  }

  @Test
  void closeEndsHeldConnectionsAndEveryThread() throws Exception {
    server.enqueue(neverAnswer(), sse(E1).thenStall());
    Socket held = connect();
    Socket stalled = connect();
    send(held, POST);
    server.awaitRequest(1, Duration.ofSeconds(5)); // one at a time: each takes its reply in order
    send(stalled, POST);
    server.awaitRequest(2, Duration.ofSeconds(5));
    readThrough(stalled, E1);

    server.close();

    assertThat(readUntilFailure(held)[0]).isEqualTo("");
    assertThat((String) readUntilFailure(stalled)[0]).isEmpty();
    assertThat(server.awaitAllClientConnectionsClosed(Duration.ofSeconds(1))).isTrue();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("fault-server-" + server.port() + "-"));
    assertThatThrownBy(this::connect).isInstanceOf(IOException.class);
  }

  @Test
  void everyThreadOfTheServerIsADaemon() throws Exception {
    server.enqueue(neverAnswer());
    send(connect(), GET);
    server.awaitRequest(1, Duration.ofSeconds(5));

    assertThat(Thread.getAllStackTraces().keySet())
        .filteredOn(t -> t.getName().startsWith("fault-server-" + server.port() + "-"))
        .hasSize(2)
        .allMatch(Thread::isDaemon);
  }
}
