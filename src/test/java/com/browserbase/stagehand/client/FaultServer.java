package com.browserbase.stagehand.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted HTTP/1.1 server on a raw {@link ServerSocket}, for the faults MockWebServer cannot
 * express: resets, half-written bodies, cut event streams, stalls, connections closed while pooled.
 *
 * <p>It accepts connections on 127.0.0.1 (an ephemeral port), reads each request (request line,
 * headers, a {@code Content-Length} body), records it, and answers it with the next {@link Reply}
 * of its script, in arrival order, serving several requests per connection until a reply ends the
 * connection. A request with nothing left in the script is answered 500. Every thread is a daemon
 * thread that {@link #close()} joins; {@code close()} closes every socket.
 *
 * <p>A connection is <em>done</em> when its reader has seen the client's end (EOF or an error), or
 * when the server reset it: {@link #awaitAllClientConnectionsClosed} waits for every connection to
 * be done, which tells whether a client left a connection open.
 */
final class FaultServer implements AutoCloseable {
  /** A request as the server read it. Header names are lower case. */
  record Request(int connection, String method, String target, Map<String, List<String>> headers, String body) {
    /** The path, without the query. */
    String path() {
      int query = target.indexOf('?');
      return query < 0 ? target : target.substring(0, query);
    }

    /** {@code POST /v1/sessions/s-1/act}. */
    String line() {
      return method + " " + path();
    }

    /** The first value of a header, or {@code null}. */
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  /** What happens to the connection after a reply. */
  enum After {
    /** The response is complete; read the connection's next request. */
    KEEP_ALIVE,
    /** The reply has ended the connection (closed, reset or held until the client left). */
    ENDED
  }

  /** One scripted answer. Stateless, so that one instance can answer several requests. */
  @FunctionalInterface
  interface Reply {
    After serve(Connection connection) throws IOException, InterruptedException;
  }

  /** How long {@link #closeWhenIdle} waits after its answer before closing. */
  static final Duration IDLE_CLOSE_DELAY = Duration.ofMillis(100);
  private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();
  private final AtomicInteger idleClosures = new AtomicInteger();
  private final Object arrivals = new Object();
  private volatile boolean closed;

  private FaultServer() throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    acceptor = new Thread(this::acceptLoop, "fault-server-" + port() + "-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  static FaultServer start() throws IOException {
    return new FaultServer();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** {@code http://127.0.0.1:port/}. */
  String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  /** Adds replies to the script, answered in order. */
  FaultServer enqueue(Reply... replies) {
    Collections.addAll(script, replies);
    return this;
  }

  /** Adds {@code reply} to the script {@code times} times. */
  FaultServer enqueue(int times, Reply reply) {
    for (int i = 0; i < times; i++) {
      script.add(reply);
    }
    return this;
  }

  /** The requests read so far, in arrival order. */
  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  int requestCount() {
    return requests.size();
  }

  int connectionCount() {
    return connections.size();
  }

  /** How many connections {@link #closeWhenIdle} has closed. */
  int idleClosures() {
    return idleClosures.get();
  }

  /** Failures inside the server itself (a malformed request, a bug): a test may assert there are none. */
  List<Throwable> errors() {
    return new ArrayList<>(errors);
  }

  /** Waits until {@code count} requests have arrived; returns the last of them, or fails. */
  Request awaitRequest(int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    synchronized (arrivals) {
      while (requests.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("expected " + count + " requests within " + limit + ", got " + requests.size());
        }
        TimeUnit.NANOSECONDS.timedWait(arrivals, left);
      }
    }
    return requests.get(count - 1);
  }

  /**
   * Waits until every connection accepted so far (and any accepted meanwhile) is done: its reader saw
   * the client close it (EOF or an error), or the server reset it.
   *
   * @return whether all were done within {@code limit}
   */
  boolean awaitAllClientConnectionsClosed(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      List<Connection> snapshot = new ArrayList<>(connections);
      for (Connection connection : snapshot) {
        long left = deadline - System.nanoTime();
        if (!connection.done.await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
          return false;
        }
      }
      if (connections.size() == snapshot.size()) {
        return true;
      }
    }
  }

  /** The connections that are not done yet, for a failure message. */
  List<String> openConnections() {
    List<String> open = new ArrayList<>();
    for (Connection connection : connections) {
      if (connection.done.getCount() > 0) {
        open.add("connection " + connection.index + " (" + connection.requestsServed + " requests)");
      }
    }
    return open;
  }

  /** Closes the listening socket and every connection, and joins every thread of the server. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    closeQuietly(serverSocket);
    List<String> stuck = new ArrayList<>();
    join(acceptor, stuck); // no connection is added after this
    for (Connection connection : connections) {
      closeQuietly(connection.socket);
      connection.thread.interrupt();
    }
    for (Connection connection : connections) {
      join(connection.thread, stuck);
    }
    if (!stuck.isEmpty()) {
      throw new IllegalStateException("FaultServer threads did not end: " + stuck);
    }
  }

  private static void join(Thread thread, List<String> stuck) throws InterruptedException {
    thread.join(JOIN_LIMIT.toMillis());
    if (thread.isAlive()) {
      stuck.add(thread.getName());
    }
  }

  // ---- replies ---------------------------------------------------------------------------------------

  /** A complete JSON answer; the connection stays open for the next request. */
  static Reply json(int status, String body) {
    return json(status, body, Map.of());
  }

  /** A complete JSON answer with extra headers; the connection stays open for the next request. */
  static Reply json(int status, String body, Map<String, String> extraHeaders) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder()
        .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
        .append("Content-Type: application/json\r\n")
        .append("Content-Length: ").append(bytes.length).append("\r\n");
    extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    byte[] response = concat(head.toString().getBytes(StandardCharsets.ISO_8859_1), bytes);
    return connection -> {
      connection.write(response);
      return After.KEEP_ALIVE;
    };
  }

  /**
   * {@code text} written verbatim (garbage, or a hand-made response); the connection then serves the
   * next request, as if what was written were a complete response.
   */
  static Reply raw(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return connection -> {
      connection.write(bytes);
      return After.KEEP_ALIVE;
    };
  }

  /** Reads the request, then resets the connection (RST) without a byte of answer. */
  static Reply resetBeforeResponse() {
    return resetAfter("");
  }

  /** Writes {@code text} (headers and part of a body, say), then resets the connection (RST). */
  static Reply resetAfter(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return connection -> {
      connection.write(bytes);
      connection.reset();
      return After.ENDED;
    };
  }

  /**
   * Writes {@code text}, then closes the connection (FIN): for instance a {@code Content-Length: 100}
   * with 10 bytes of body. Empty: a FIN without a byte of answer.
   */
  static Reply closeAfter(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return connection -> {
      connection.write(bytes);
      connection.fin();
      return After.ENDED;
    };
  }

  /** Reads the request and never answers: holds the connection until the client leaves or the server closes. */
  static Reply neverAnswer() {
    return connection -> {
      connection.hold();
      return After.ENDED;
    };
  }

  /**
   * Answers like {@code reply}, keeping the connection open, then closes it (FIN) {@link
   * #IDLE_CLOSE_DELAY} later while the client holds it as an idle, pooled connection. Anything the
   * client sends on it afterwards is read and dropped, never answered.
   */
  static Reply closeWhenIdle(Reply reply) {
    return closeWhenIdle(reply, IDLE_CLOSE_DELAY);
  }

  /** {@link #closeWhenIdle(Reply)}, closing {@code idle} after the answer: a proxy's idle timeout. */
  static Reply closeWhenIdle(Reply reply, Duration idle) {
    return connection -> {
      if (reply.serve(connection) == After.ENDED) {
        return After.ENDED;
      }
      Thread.sleep(idle.toMillis());
      connection.server().idleClosures.incrementAndGet();
      connection.fin();
      return After.ENDED;
    };
  }

  /** A {@code 200 text/event-stream} answer writing {@code events} (whole frames), each flushed on its own. */
  static Sse sse(String... events) {
    return new Sse(List.of(events), false, Map.of(), End.FINISH, null);
  }

  /** How an event stream ends. */
  enum End {
    /** A clean end: the last chunk (chunked, and the connection kept) or a FIN (close-delimited). */
    FINISH,
    /** A FIN, without the last chunk when chunked. */
    FIN,
    /** A reset (RST). */
    RESET,
    /** Part of a frame, then a FIN. */
    CUT,
    /** Nothing more: the connection is held open until the client leaves or the server closes. */
    STALL
  }

  /** An event stream reply; each {@code then...} / setting returns a changed copy. */
  record Sse(List<String> events, boolean chunkedEncoding, Map<String, String> headers, End end, String partial)
      implements Reply {
    /** Sends the events chunked rather than close-delimited. */
    Sse chunked() {
      return new Sse(events, true, headers, end, partial);
    }

    /** Adds a response header. */
    Sse header(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Sse(events, chunkedEncoding, more, end, partial);
    }

    Sse thenFinish() {
      return new Sse(events, chunkedEncoding, headers, End.FINISH, null);
    }

    Sse thenFin() {
      return new Sse(events, chunkedEncoding, headers, End.FIN, null);
    }

    Sse thenReset() {
      return new Sse(events, chunkedEncoding, headers, End.RESET, null);
    }

    /** Writes {@code partialFrame} (say {@code data: {"type":"system","da}), then a FIN. */
    Sse thenCut(String partialFrame) {
      return new Sse(events, chunkedEncoding, headers, End.CUT, partialFrame);
    }

    Sse thenStall() {
      return new Sse(events, chunkedEncoding, headers, End.STALL, null);
    }

    @Override
    public After serve(Connection connection) throws IOException, InterruptedException {
      StringBuilder head = new StringBuilder()
          .append("HTTP/1.1 200 OK\r\n")
          .append("Content-Type: text/event-stream\r\n")
          .append("Cache-Control: no-cache\r\n")
          .append(chunkedEncoding ? "Transfer-Encoding: chunked\r\n" : "Connection: close\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("\r\n");
      connection.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      for (String event : events) {
        writePart(connection, event);
      }
      switch (end) {
        case FINISH:
          if (chunkedEncoding) {
            connection.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            return After.KEEP_ALIVE;
          }
          connection.fin();
          return After.ENDED;
        case FIN:
          connection.fin();
          return After.ENDED;
        case RESET:
          connection.reset();
          return After.ENDED;
        case CUT:
          writePart(connection, partial);
          connection.fin();
          return After.ENDED;
        case STALL:
        default:
          connection.hold();
          return After.ENDED;
      }
    }

    private void writePart(Connection connection, String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (chunkedEncoding) {
        connection.write(concat(
            (Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
            bytes,
            "\r\n".getBytes(StandardCharsets.ISO_8859_1)));
      } else {
        connection.write(bytes);
      }
    }
  }

  // ---- connections -----------------------------------------------------------------------------------

  /** One accepted connection, served by its own thread. */
  final class Connection {
    final int index;
    final Socket socket;
    final Thread thread;
    final CountDownLatch done = new CountDownLatch(1);
    private InputStream in;
    private OutputStream out;
    private volatile int requestsServed;

    Connection(int index, Socket socket) {
      this.index = index;
      this.socket = socket;
      this.thread = new Thread(this::serve, "fault-server-" + port() + "-connection-" + index);
      this.thread.setDaemon(true);
    }

    FaultServer server() {
      return FaultServer.this;
    }

    /** Writes and flushes at once. */
    void write(byte[] bytes) throws IOException {
      if (bytes.length > 0) {
        out.write(bytes);
        out.flush();
      }
    }

    /** Sends a FIN (no more output), then reads and drops whatever comes until the client leaves. */
    void fin() throws IOException {
      out.flush();
      socket.shutdownOutput();
      hold();
    }

    /** Resets the connection: a RST, no FIN. */
    void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    /** Keeps the connection open, reading and dropping input, until the client leaves or the server closes. */
    void hold() {
      byte[] buffer = new byte[8192];
      try {
        while (in.read(buffer) != -1) {
          // dropped: nothing on a held connection is answered
        }
      } catch (IOException clientGoneOrServerClosed) {
        // either ends the hold
      }
    }

    private void serve() {
      try (Socket s = socket) {
        s.setTcpNoDelay(true);
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
        while (!closed) {
          Request request = readRequest();
          if (request == null) {
            break; // the client closed the connection between requests
          }
          Reply reply;
          synchronized (script) { // a request is seen only once it has its reply: arrival order = script order
            reply = script.poll();
            record(request);
          }
          requestsServed++;
          if (reply == null) {
            reply = json(500, "{\"success\":false,\"error\":\"FaultServer: no reply scripted for "
                + request.line() + "\"}");
          }
          if (reply.serve(this) == After.ENDED) {
            break;
          }
        }
      } catch (SocketException | EOFException clientGoneOrServerClosed) {
        // the connection ended while reading a request, or the server is closing
      } catch (InterruptedException serverClosing) {
        Thread.currentThread().interrupt();
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          errors.add(e);
        }
      } finally {
        done.countDown();
      }
    }

    /** Reads one request, or returns {@code null} at a clean EOF before its first byte. */
    private Request readRequest() throws IOException {
      String requestLine = readLine(true);
      if (requestLine == null) {
        return null;
      }
      String[] parts = requestLine.split(" ");
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        throw new IOException("Not an HTTP/1.1 request line: " + requestLine);
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      String line;
      while (!(line = readLine(false)).isEmpty()) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          throw new IOException("Malformed header line: " + line);
        }
        headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
      if (headers.containsKey("transfer-encoding")) {
        throw new IOException("Chunked request bodies are not supported: the SDK sends a Content-Length");
      }
      List<String> length = headers.get("content-length");
      byte[] body = new byte[0];
      if (length != null) {
        int n = Integer.parseInt(length.get(0));
        body = in.readNBytes(n);
        if (body.length < n) {
          throw new EOFException("The request body ended after " + body.length + " of " + n + " bytes");
        }
      }
      return new Request(index, parts[0], parts[1], Collections.unmodifiableMap(headers),
          new String(body, StandardCharsets.UTF_8));
    }

    /** A line without its CRLF or LF; {@code null} at an EOF before its first byte when {@code eofAllowed}. */
    private String readLine(boolean eofAllowed) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      while (true) {
        int b = in.read();
        if (b == -1) {
          if (eofAllowed && line.size() == 0) {
            return null;
          }
          throw new EOFException("The connection ended in the middle of a request");
        }
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
          return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
        }
        line.write(b);
      }
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        Connection connection = new Connection(connections.size() + 1, socket);
        connections.add(connection);
        if (closed) {
          closeQuietly(socket);
        }
        connection.thread.start();
      } catch (IOException e) {
        if (!closed) {
          errors.add(e);
        }
      }
    }
  }

  private void record(Request request) {
    synchronized (arrivals) {
      requests.add(request);
      arrivals.notifyAll();
    }
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 400: return "Bad Request";
      case 404: return "Not Found";
      case 408: return "Request Timeout";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 503: return "Service Unavailable";
      default: return "Status " + status;
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.writeBytes(part);
    }
    return all.toByteArray();
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
