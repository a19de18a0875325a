package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.internal.runtime.Futures;
import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which page a session is on, for the act cache's key. The REST API does not say, so the browser is asked over the
 * session's kept {@link CdpConnection}: {@code Target.getTargets} once when it opens, then {@code
 * Target.setDiscoverTargets}, whose events keep each page target's URL up to date with no question per act. The
 * answer is the URL of the newest page target (first seen last: the server acts on the newest page) or, for a call
 * aimed at a tab (a {@code frameId}: a tab's main frame id is its target id), that tab's. A browser that sends no
 * events is asked {@code Target.getTargets} each time. Without a {@code cdpUrl} (an attached session), or when the
 * browser cannot be reached (a self-hosted server elsewhere reports a loopback address), the answer is the last URL
 * the session's handles navigated to (in that tab), or {@code null}. Thread-safe. Not API.
 */
public final class PageUrls implements CdpConnection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.cache");

  private final CdpConnection cdp;
  private volatile String navigated;
  /** The last URL navigated to in each tab a navigation was aimed at, by frame id. */
  private final Map<String, String> navigatedTabs = new ConcurrentHashMap<>();
  /** The page targets by id, with the order in which they were first seen. Guarded by {@code this}. */
  private final Map<String, Page> pages = new HashMap<>();
  private long seen;
  /** Completes when the connection in use has answered its {@code Target.getTargets}. */
  private volatile CompletableFuture<Void> synced = CompletableFuture.completedFuture(null);
  /** Whether the browser refused {@code Target.setDiscoverTargets}: it is asked each time. */
  private volatile boolean noEvents;

  /** A page target: when it was first seen, and its URL ({@code null}: none reported). */
  private static final class Page {
    final long order;
    String url;

    Page(long order) {
      this.order = order;
    }
  }

  /** Listens to {@code cdp}. */
  PageUrls(CdpConnection cdp) {
    this.cdp = cdp;
    cdp.listen(this);
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
   * known. Without a question to the browser once its events flow; never completes exceptionally; within the budget.
   */
  public CompletableFuture<String> current(String frameId) {
    String fallback = lastNavigated(frameId);
    cdp.connect();
    if (!cdp.usable()) {
      return CompletableFuture.completedFuture(fallback);
    }
    CompletableFuture<Void> sync = synced;
    CompletableFuture<?> asked;
    if (!sync.isDone()) {
      asked = sync; // a new connection: its first answer
    } else if (!sync.isCompletedExceptionally() && !noEvents) {
      return CompletableFuture.completedFuture(orElse(url(frameId), fallback));
    } else {
      asked = cdp.send("Target.getTargets", null, null).thenAccept(result -> update(result.path("targetInfos")));
    }
    return CdpConnection.within(asked, cdp.budgetMs()).handle((done, error) -> {
      if (error == null) {
        return orElse(url(frameId), fallback);
      }
      Throwable cause = Futures.unwrap(error);
      if (cause instanceof TimeoutException) {
        cdp.giveUp();
      }
      LOG.debug("Cannot read the page URL over CDP ({}): {}; using the last URL navigated to", cdp.where(),
          cdp.mask(cause.toString()));
      return fallback;
    });
  }

  /** {@link #current}, waited for. */
  public String currentBlocking(String frameId) {
    try {
      return current(frameId).get(cdp.budgetMs() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the call that follows sees it
    } catch (ExecutionException | TimeoutException e) {
      // current() answers its fallback itself; a wait past the budget falls back here
    }
    return lastNavigated(frameId);
  }

  /** The last URL navigated to in {@code frameId}'s tab, or ({@code null}) through a view aimed at no tab. */
  private String lastNavigated(String frameId) {
    return frameId == null ? navigated : navigatedTabs.get(frameId);
  }

  private static String orElse(String url, String fallback) {
    return url != null ? url : fallback;
  }

  @Override
  public void connected() {
    CompletableFuture<Void> sync = new CompletableFuture<>();
    synced = sync;
    noEvents = false;
    cdp.send("Target.getTargets", null, null).whenComplete((result, error) -> {
      if (error != null) {
        sync.completeExceptionally(error);
      } else {
        update(result.path("targetInfos"));
        sync.complete(null);
      }
    });
    cdp.send("Target.setDiscoverTargets", Json.MAPPER.createObjectNode().put("discover", true), null)
        .whenComplete((result, error) -> noEvents = error != null);
  }

  @Override
  public void event(String method, JsonNode params, String sessionId) {
    if (sessionId != null) {
      return;
    }
    if (method.equals("Target.targetCreated") || method.equals("Target.targetInfoChanged")) {
      JsonNode target = params.path("targetInfo");
      if (target.path("type").asText().equals("page")) {
        synchronized (this) {
          seen(target);
        }
      }
    } else if (method.equals("Target.targetDestroyed")) {
      synchronized (this) {
        pages.remove(params.path("targetId").asText());
      }
    }
  }

  /** The page targets are those of {@code targets}, a {@code Target.getTargets} answer; new ones are the newest. */
  private synchronized void update(JsonNode targets) {
    Set<String> present = new HashSet<>();
    for (JsonNode target : targets) {
      if (target.path("type").asText().equals("page")) {
        seen(target);
        present.add(target.path("targetId").asText());
      }
    }
    pages.keySet().retainAll(present);
  }

  /** Notes a page target's URL; one never seen before is newer than every other. */
  private void seen(JsonNode target) {
    String id = target.path("targetId").asText();
    Page page = pages.get(id);
    if (page == null) {
      page = new Page(++seen);
      pages.put(id, page);
    }
    if (target.path("url").isTextual()) {
      page.url = target.path("url").asText();
    }
  }

  /** The URL of page target {@code frameId}, or ({@code null}) of the newest page with a URL; {@code null}: none. */
  private synchronized String url(String frameId) {
    String id = target(frameId);
    return id != null ? pages.get(id).url : null;
  }

  /**
   * The id of page target {@code frameId} if the browser has it, or ({@code null}) of the newest page with a URL;
   * {@code null}: none. As last reported: no question to the browser.
   */
  synchronized String target(String frameId) {
    if (frameId != null) {
      Page page = pages.get(frameId);
      return page != null && page.url != null ? frameId : null;
    }
    String newest = null;
    long newestSeen = -1;
    for (Map.Entry<String, Page> page : pages.entrySet()) {
      if (page.getValue().url != null && page.getValue().order > newestSeen) {
        newestSeen = page.getValue().order;
        newest = page.getKey();
      }
    }
    return newest;
  }
}
