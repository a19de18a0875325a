package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.internal.http.RetryScheduler;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.KnownSecrets;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.CookieJar;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which page a session is on, for the act cache's key. The REST API does not say, so the browser is asked:
 * {@code Target.getTargets} over the session's CDP WebSocket, one short connection per question, and the URL of the
 * newest page target this object has seen (the server acts on the newest page), or, for a call aimed at a tab (a
 * {@code frameId}: a tab's main frame id is its target id), that tab's. Without a {@code cdpUrl} (an attached
 * session), or when the browser cannot be reached (a self-hosted server elsewhere reports a loopback address), the
 * answer is the last URL the session's handles navigated to (in that tab), or {@code null}; a connection that never opened, or a
 * browser that did not answer in time, is not tried again. The hosted API's {@code cdpUrl} is signed: it is never
 * logged with its query. Thread-safe. Not API.
 */
public final class PageUrls {
  private static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.cache");
  /** The longest the browser may take to answer, connection included. */
  static final long CDP_BUDGET_MS = 5_000;
  private static final String GET_TARGETS = "{\"id\":1,\"method\":\"Target.getTargets\"}";

  private final String cdpUrl;
  /** The {@code cdpUrl}'s query values: an exception's text may quote the URL, signing key and all. */
  private final KnownSecrets cdpSecrets;
  private final OkHttpClient http;
  private final long budgetMs;
  private volatile String navigated;
  /** The last URL navigated to in each tab a navigation was aimed at, by frame id. */
  private final Map<String, String> navigatedTabs = new ConcurrentHashMap<>();
  private volatile boolean cdpUnreachable;
  /** The order in which page targets were first seen, by target id. */
  private final Map<String, Long> firstSeen = new HashMap<>();
  private long seen;

  /**
   * For the session's CDP WebSocket URL, read with {@code http} (see {@link #client}), either of which may be {@code
   * null}, the browser answering within {@code budgetMs} ({@link #CDP_BUDGET_MS}).
   */
  public PageUrls(String cdpUrl, OkHttpClient http, long budgetMs) {
    this.cdpUrl = http != null ? cdpUrl : null;
    this.cdpSecrets = this.cdpUrl != null ? KnownSecrets.of(Redactor.queryValues(this.cdpUrl, false)) : KnownSecrets.NONE;
    this.http = http;
    this.budgetMs = budgetMs;
  }

  /**
   * The client for CDP WebSockets, made from the SDK's: the same proxy, TLS, sockets and pools, but
   * none of the interceptors, event listeners or cookies meant for the API.
   */
  public static OkHttpClient client(OkHttpClient http) {
    OkHttpClient.Builder cdp = http.newBuilder();
    cdp.interceptors().clear();
    cdp.networkInterceptors().clear();
    return cdp.eventListener(EventListener.NONE)
        .cookieJar(CookieJar.NO_COOKIES)
        .connectTimeout(Math.min(http.connectTimeoutMillis(), CDP_BUDGET_MS), TimeUnit.MILLISECONDS)
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .writeTimeout(CDP_BUDGET_MS, TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .pingInterval(0, TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * Notes a navigation through a handle, aimed at {@code frameId}'s tab or ({@code null}) the active one: the URL
   * the server says it reached, else the one asked for.
   */
  public void navigated(String url, Optional<JsonNode> result, String frameId) {
    JsonNode reached = result.isPresent() ? result.get().path("url") : null;
    String page = reached != null && reached.isTextual() && !reached.asText().isEmpty() ? reached.asText() : url;
    if (frameId == null) {
      navigated = page;
    } else {
      navigatedTabs.put(frameId, page);
    }
  }

  /**
   * The URL of {@code frameId}'s tab, or ({@code null}) of the page the server works on; {@code null} when it is not
   * known. Never completes exceptionally; within the budget.
   */
  public CompletableFuture<String> current(String frameId) {
    String fallback = frameId == null ? navigated : navigatedTabs.get(frameId);
    if (cdpUrl == null || cdpUnreachable) {
      return CompletableFuture.completedFuture(fallback);
    }
    CompletableFuture<String> answer = new CompletableFuture<>();
    Listener listener = new Listener(answer, frameId);
    try {
      WebSocket socket = http.newWebSocket(new Request.Builder().url(cdpUrl).build(), listener);
      RetryScheduler.SYSTEM.schedule(() -> {
        if (answer.completeExceptionally(new TimeoutException("no answer within " + budgetMs + " ms"))) {
          socket.cancel();
        }
      }, budgetMs);
    } catch (RuntimeException e) { // a URL OkHttp cannot use, a closed client: never opened
      answer.completeExceptionally(e);
    }
    return answer.handle((url, error) -> {
      if (error == null) {
        return url != null ? url : fallback;
      }
      if (!listener.opened || error instanceof TimeoutException) {
        cdpUnreachable = true; // not worth its wait on every act
      }
      LOG.debug("Cannot read the page URL over CDP ({}): {}; using the last URL navigated to", redacted(cdpUrl),
          Redactor.mask(error.toString(), cdpSecrets));
      return fallback;
    });
  }

  /** {@link #current}, waited for. */
  public String currentBlocking(String frameId) {
    try {
      return current(frameId).get(budgetMs + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the call that follows sees it
    } catch (ExecutionException | TimeoutException e) {
      // current() answers its fallback itself; a wait past the budget falls back here
    }
    return frameId == null ? navigated : navigatedTabs.get(frameId);
  }

  /** The URL of the page target {@code frameId} (a tab's main frame id is its target id); {@code null}: none. */
  private static String tab(JsonNode targets, String frameId) {
    for (JsonNode target : targets) {
      if (target.path("type").asText().equals("page") && target.path("targetId").asText().equals(frameId)) {
        return target.path("url").isTextual() ? target.path("url").asText() : null;
      }
    }
    return null;
  }

  /**
   * The URL of the page target first seen last, remembering the order across questions (a page never seen before is
   * newer than every other); {@code null} when there is no page.
   */
  private synchronized String pick(JsonNode targets) {
    Set<String> present = new HashSet<>();
    String newest = null;
    long newestSeen = -1;
    for (JsonNode target : targets) {
      if (!target.path("type").asText().equals("page")) {
        continue;
      }
      String id = target.path("targetId").asText();
      present.add(id);
      Long order = firstSeen.get(id);
      if (order == null) {
        order = ++seen;
        firstSeen.put(id, order);
      }
      if (order > newestSeen && target.path("url").isTextual()) {
        newestSeen = order;
        newest = target.path("url").asText();
      }
    }
    firstSeen.keySet().retainAll(present);
    return newest;
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

  /** Asks once, answers {@code answer} with the URL of {@code frameId}'s tab or of the newest, closes. */
  private final class Listener extends WebSocketListener {
    private final CompletableFuture<String> answer;
    private final String frameId;
    volatile boolean opened;

    Listener(CompletableFuture<String> answer, String frameId) {
      this.answer = answer;
      this.frameId = frameId;
    }

    @Override
    public void onOpen(WebSocket socket, Response response) {
      opened = true;
      socket.send(GET_TARGETS);
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      JsonNode message;
      try {
        message = Json.MAPPER.readTree(text);
      } catch (IOException e) {
        answer.completeExceptionally(new IOException("the browser answered something that is not JSON"));
        socket.close(1000, null);
        return;
      }
      if (message == null || message.path("id").asInt() != 1) {
        return; // an event
      }
      socket.close(1000, null);
      if (message.has("error")) {
        answer.completeExceptionally(new IOException("Target.getTargets failed: " + message.path("error").path("message").asText()));
      } else {
        JsonNode targets = message.path("result").path("targetInfos");
        answer.complete(frameId == null ? pick(targets) : tab(targets, frameId));
      }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      socket.close(1000, null);
      answer.completeExceptionally(new IOException("the browser closed the connection (" + code + ")"));
    }

    @Override
    public void onFailure(WebSocket socket, Throwable failure, Response response) {
      answer.completeExceptionally(response != null
          ? new IOException("the browser refused the connection: HTTP " + response.code(), failure)
          : failure);
    }
  }
}
