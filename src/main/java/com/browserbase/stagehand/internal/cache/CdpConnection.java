package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.internal.http.RetryScheduler;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.KnownSecrets;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CDP WebSocket connection a session keeps to its browser, for the action cache: opened by {@link #connect()}
 * (on an act), again after it was lost, and closed with the session. Commands answer futures; events go to the
 * {@link Listener}s. A connection that never answered anything, or a browser that does not answer in time ({@link
 * #giveUp}), leaves the browser unreachable for the session's life. The {@code cdpUrl}'s query (the hosted API signs
 * it) is never logged. Thread-safe. Not API.
 */
public final class CdpConnection {
  private static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.cache");
  /** The longest the browser may take to answer, connection included. */
  public static final long BUDGET_MS = 5_000;

  /** What a connection tells its users. */
  interface Listener {
    /** A new connection, before any command is sent on it but the ones sent from here. */
    void connected();

    /** An event of the browser's target ({@code sessionId} {@code null}) or of an attached session. */
    void event(String method, JsonNode params, String sessionId);
  }

  private final String url;
  /** The {@code cdpUrl}'s query values: an exception's text may quote the URL, signing key and all. */
  private final KnownSecrets secrets;
  private final OkHttpClient http;
  private final long budgetMs;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  /** The connection in use, or {@code null}: none yet, or lost. Guarded by {@code this}. */
  private Link link;
  private volatile boolean unreachable;
  private volatile boolean closed;

  /** For the session's CDP WebSocket URL, read with {@code http} ({@link #client}); either may be {@code null}. */
  public CdpConnection(String url, OkHttpClient http, long budgetMs) {
    this.url = http != null ? url : null;
    this.secrets = this.url != null ? KnownSecrets.of(Redactor.queryValues(this.url, false)) : KnownSecrets.NONE;
    this.http = http;
    this.budgetMs = budgetMs;
  }

  /**
   * The client for CDP WebSockets, made from the SDK's: the same proxy, TLS, sockets, pools and threads, but none of
   * the interceptors, event listeners or cookies meant for the API. OkHttp reads a WebSocket on a thread of its
   * dispatcher for the socket's whole life, counted as a call in flight: the sockets get a dispatcher of their own,
   * on the same threads, so that they never take the API's calls per host. Pings every 30 s find a connection that
   * died silently.
   */
  public static OkHttpClient client(OkHttpClient http) {
    Dispatcher readers = new Dispatcher(http.dispatcher().executorService());
    readers.setMaxRequests(Integer.MAX_VALUE);
    readers.setMaxRequestsPerHost(Integer.MAX_VALUE);
    OkHttpClient.Builder cdp = http.newBuilder();
    cdp.interceptors().clear();
    cdp.networkInterceptors().clear();
    return cdp.dispatcher(readers)
        .eventListener(EventListener.NONE)
        .cookieJar(CookieJar.NO_COOKIES)
        .connectTimeout(Math.min(http.connectTimeoutMillis(), BUDGET_MS), TimeUnit.MILLISECONDS)
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(BUDGET_MS, TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .pingInterval(30, TimeUnit.SECONDS)
        .build();
  }

  void listen(Listener listener) {
    listeners.add(listener);
  }

  /** Whether the browser may be asked: there is a {@code cdpUrl}, it was not given up on, the session is open. */
  boolean usable() {
    return url != null && !unreachable && !closed;
  }

  long budgetMs() {
    return budgetMs;
  }

  /** Whether a connection is open or opening. */
  synchronized boolean isOpen() {
    return link != null;
  }

  /** Opens a connection unless one is open or opening; the {@link Listener}s hear of a new one. */
  void connect() {
    synchronized (this) {
      if (!usable() || link != null) {
        return;
      }
      Link opened = link = new Link();
      try {
        opened.socket = http.newWebSocket(new Request.Builder().url(url).build(), opened);
      } catch (RuntimeException e) { // a URL OkHttp cannot use, a closed client: never opened
        link = null;
        unreachable = true;
        LOG.debug("Cannot open a CDP connection to {}: {}", where(), mask(e.toString()));
        return;
      }
      for (Listener listener : listeners) { // under the lock: whoever connects next finds them set up
        listener.connected();
      }
    }
  }

  /**
   * Sends a command on the open connection (none is opened here), to {@code sessionId}'s target when not {@code
   * null}: its {@code result}, or an {@link IOException}: an {@link ErrorAnswer}, or the connection lost or closed.
   * A command the browser never answers completes when the connection ends: bound the wait with {@link #within}.
   */
  CompletableFuture<JsonNode> send(String method, ObjectNode params, String sessionId) {
    Link current;
    synchronized (this) {
      current = link;
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    if (current == null) {
      answer.completeExceptionally(new IOException("no CDP connection"));
      return answer;
    }
    int id = ids.incrementAndGet();
    ObjectNode command = Json.MAPPER.createObjectNode().put("id", id).put("method", method);
    if (params != null) {
      command.set("params", params);
    }
    if (sessionId != null) {
      command.put("sessionId", sessionId);
    }
    current.pending.put(id, answer);
    if (current.ended || !current.socket.send(command.toString())) {
      current.pending.remove(id);
      answer.completeExceptionally(new IOException("the CDP connection is closed"));
    }
    return answer;
  }

  /** {@code future}, failed with a {@link TimeoutException} when not complete within {@code millis}. */
  static <T> CompletableFuture<T> within(CompletableFuture<T> future, long millis) {
    if (!future.isDone()) {
      RetryScheduler.SYSTEM.schedule(() -> future.completeExceptionally(
          new TimeoutException("no answer within " + millis + " ms")), millis);
    }
    return future;
  }

  /** The browser did not answer in time: not worth its wait on every act; the connection is closed. */
  void giveUp() {
    unreachable = true;
    drop(null);
  }

  /** Closes the connection for good (the session ended); commands waiting fail. Never blocks. */
  public void close() {
    closed = true;
    drop(null);
  }

  /** Ends {@code which} (or, {@code null}, the current connection), so that the next {@link #connect()} opens one. */
  private void drop(Link which) {
    Link ended;
    synchronized (this) {
      ended = link;
      if (ended == null || (which != null && which != ended)) {
        return;
      }
      link = null;
    }
    ended.end(new IOException("the CDP connection was closed"));
  }

  /** A message from the browser. */
  private void received(Link from, String text) {
    JsonNode message;
    try {
      message = Json.MAPPER.readTree(text);
    } catch (IOException e) {
      return; // not JSON: no browser sends that; nothing to answer
    }
    if (message == null || from.ended) {
      return; // a late message of a connection dropped: its commands have failed already
    }
    from.proven = true;
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = from.pending.remove(message.path("id").asInt());
      if (answer == null) {
        return;
      }
      if (message.has("error")) {
        answer.completeExceptionally(new ErrorAnswer(message.path("error").path("message").asText("an error")));
      } else {
        answer.complete(message.path("result"));
      }
      return;
    }
    String method = message.path("method").asText();
    String sessionId = message.path("sessionId").isTextual() ? message.path("sessionId").asText() : null;
    for (Listener listener : listeners) {
      listener.event(method, message.path("params"), sessionId);
    }
  }

  /**
   * The connection ended without {@link #close()}: when it had worked, the next act opens another; when it never
   * answered anything, the browser is unreachable from here.
   */
  private void lost(Link which, Throwable cause) {
    synchronized (this) {
      if (link != which) {
        return; // already dropped
      }
      link = null;
      if (!which.proven) {
        unreachable = true;
      }
    }
    which.end(cause instanceof IOException ? (IOException) cause : new IOException(cause));
    if (which.proven) { // else the failure is the answer of the first command, logged by who waits for it
      LOG.debug("The CDP connection to {} was lost ({}); the next act opens another", where(), mask(cause.toString()));
    }
  }

  /** The {@code cdpUrl} as it may be logged: without its query. */
  String where() {
    return url != null ? redacted(url) : "none";
  }

  /** {@code text} with the {@code cdpUrl}'s query values masked. */
  String mask(String text) {
    return Redactor.mask(text, secrets);
  }

  /** The URL without its query and fragment, where a signed URL keeps its signature. */
  static String redacted(String url) {
    for (int i = 0; i < url.length(); i++) {
      if (url.charAt(i) == '?' || url.charAt(i) == '#') {
        return url.substring(0, i) + "?...";
      }
    }
    return url;
  }

  /** The browser's error answer to a command: the connection works. */
  static final class ErrorAnswer extends IOException {
    private static final long serialVersionUID = 1L;

    ErrorAnswer(String message) {
      super(message);
    }
  }

  /** One WebSocket connection and the commands waiting for its answers. */
  private final class Link extends WebSocketListener {
    final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    volatile WebSocket socket;
    /** Whether the browser answered anything on it. */
    volatile boolean proven;
    volatile boolean ended;

    /** Fails the commands waiting, closes the socket, and cancels it if the browser does not answer the close. */
    void end(IOException cause) {
      ended = true;
      for (Integer id : pending.keySet()) {
        CompletableFuture<JsonNode> answer = pending.remove(id);
        if (answer != null) {
          answer.completeExceptionally(cause);
        }
      }
      WebSocket closing = socket;
      if (closing != null && closing.close(1000, null)) {
        RetryScheduler.SYSTEM.schedule(closing::cancel, 1_000);
      } else if (closing != null) {
        closing.cancel();
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      received(this, text);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      lost(this, new IOException("the browser closed the connection (" + code + ")"));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
      lost(this, response != null
          ? new IOException("the browser refused the connection: HTTP " + response.code(), failure)
          : failure);
    }
  }
}
