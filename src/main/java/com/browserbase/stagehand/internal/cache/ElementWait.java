package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.internal.http.RetryScheduler;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.models.sessions.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a cached action is replayed, waits a bounded time for its element to be in the page, as the TypeScript
 * library's act cache waits for a cached selector to be attached: a page that renders the element late (a script,
 * a slow request) then gets the action instead of a failed replay and a model call. Over the session's {@link
 * CdpConnection}: a session attached to the page target (flattened, kept), and a {@code Runtime.evaluate} of {@code
 * document.evaluate} (an XPath) or {@code document.querySelector} (CSS), polled on a timer, never holding a thread.
 * An element that does not appear within the bound is replayed all the same (the server's self-heal or the model
 * takes over); one that cannot be looked for (no connection, a page that cannot be attached, a selector through an
 * iframe or a shadow root) is replayed at once. Thread-safe. Not API.
 */
final class ElementWait implements CdpConnection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.cache");
  /** The longest wait for one element. */
  static final long BOUND_MS = 2_000;
  /** How often the page is looked at meanwhile. */
  static final long POLL_MS = 50;
  /** A step into a frame's document, which {@code document.evaluate} of the page cannot follow. */
  private static final Pattern FRAME_STEP = Pattern.compile("/i?frame(\\[\\d+])?/", Pattern.CASE_INSENSITIVE);

  private final CdpConnection cdp;
  private final PageUrls pages;
  private final RetryScheduler timer;
  private final long boundMs;
  private final long pollMs;
  /** The session attached to each page target, by target id, on the connection in use. */
  private final Map<String, CompletableFuture<String>> sessions = new ConcurrentHashMap<>();

  ElementWait(CdpConnection cdp, PageUrls pages, RetryScheduler timer, long boundMs, long pollMs) {
    this.cdp = cdp;
    this.pages = pages;
    this.timer = timer;
    this.boundMs = boundMs;
    this.pollMs = pollMs;
    cdp.listen(this);
  }

  /**
   * Completes with {@code true} once {@code action}'s element is in {@code frameId}'s tab ({@code null}: the newest),
   * {@code false} at the bound or at once when it cannot be looked for. Never fails; cancelling it stops the polls.
   */
  CompletableFuture<Boolean> await(Action action, String frameId) {
    String expression = expression(action.selector());
    String target = expression != null && cdp.usable() ? pages.target(frameId) : null;
    if (target == null) {
      return CompletableFuture.completedFuture(false);
    }
    CompletableFuture<Boolean> found = new CompletableFuture<>();
    timer.schedule(() -> {
      if (found.complete(false)) {
        LOG.debug("act cache: the element of a cached action did not appear within {} ms; replaying it anyway",
            boundMs);
      }
    }, boundMs);
    poll(found, target, expression);
    return found;
  }

  /** {@link #await}, waited for on this thread; an interrupt stops the wait and stays set for the call that follows. */
  void awaitBlocking(Action action, String frameId) {
    CompletableFuture<Boolean> found = await(action, frameId);
    try {
      found.get(boundMs + cdp.budgetMs(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      found.cancel(true);
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      found.cancel(true); // await() completes by its bound itself
    }
  }

  /** Looks once, then again after {@link #pollMs} until found, the bound, or nothing left to ask. */
  private void poll(CompletableFuture<Boolean> found, String target, String expression) {
    if (found.isDone()) {
      return;
    }
    CompletableFuture<String> attached = session(target);
    attached.whenComplete((session, refused) -> {
      if (refused != null) { // the browser does not let this page be looked at
        found.complete(false);
        return;
      }
      cdp.send("Runtime.evaluate", Json.MAPPER.createObjectNode().put("expression", expression)
          .put("returnByValue", true), session).whenComplete((result, error) -> {
            if (found.isDone()) {
              return;
            }
            if (error == null) {
              JsonNode value = result.path("result").path("value");
              if (!value.isBoolean() || value.booleanValue()) { // there, or a selector the page cannot take
                found.complete(value.isBoolean());
                return;
              }
            } else if (!(error instanceof CdpConnection.ErrorAnswer)) { // the connection is gone
              found.complete(false);
              return;
            } else if (error.getMessage().toLowerCase(java.util.Locale.ROOT).contains("session")) {
              sessions.remove(target, attached); // detached meanwhile: attach again
            } // else a page between two documents: look again
            timer.schedule(() -> poll(found, target, expression), pollMs);
          });
    });
  }

  /** The session attached to {@code target}: the one kept, or a new one. */
  private CompletableFuture<String> session(String target) {
    CompletableFuture<String> known = sessions.get(target);
    if (known != null) {
      return known;
    }
    CompletableFuture<String> attached = new CompletableFuture<>();
    known = sessions.putIfAbsent(target, attached);
    if (known != null) {
      return known;
    }
    cdp.send("Target.attachToTarget", Json.MAPPER.createObjectNode().put("targetId", target).put("flatten", true), null)
        .whenComplete((result, error) -> {
          if (error != null || !result.path("sessionId").isTextual()) {
            sessions.remove(target, attached);
            attached.completeExceptionally(error != null ? error : new CdpConnection.ErrorAnswer("no sessionId"));
          } else {
            attached.complete(result.path("sessionId").asText());
          }
        });
    return attached;
  }

  @Override
  public void connected() {
    sessions.clear(); // a connection's sessions end with it
  }

  @Override
  public void event(String method, JsonNode params, String sessionId) {
    if (method.equals("Target.detachedFromTarget") || method.equals("Target.targetDestroyed")) {
      sessions.remove(params.path("targetId").asText());
    }
  }

  /**
   * What tells, in the page, whether {@code selector}'s element is there: {@code true}, {@code false}, or {@code null}
   * when the page cannot take the selector; {@code null} when it cannot be looked for from the page's document.
   */
  static String expression(String selector) {
    String trimmed = selector == null ? "" : selector.trim();
    if (trimmed.isEmpty() || trimmed.contains(">>")) {
      return null; // a hop into a frame
    }
    String test;
    if (trimmed.regionMatches(true, 0, "xpath=", 0, 6) || trimmed.startsWith("/")) {
      String path = trimmed.regionMatches(true, 0, "xpath=", 0, 6) ? trimmed.substring(6).trim() : trimmed;
      path = path.startsWith("/") ? path : "/" + path;
      if (path.contains("//") || FRAME_STEP.matcher(path).find()) {
        return null; // through a shadow root or into a frame's document
      }
      test = "document.evaluate(" + TextNode.valueOf(path)
          + ", document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue !== null";
    } else {
      test = "document.querySelector(" + TextNode.valueOf(trimmed) + ") !== null";
    }
    return "(() => { try { return " + test + "; } catch (e) { return null; } })()";
  }
}
