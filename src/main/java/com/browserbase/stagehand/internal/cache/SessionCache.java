package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.internal.http.CallEvents;
import com.browserbase.stagehand.internal.http.RetryScheduler;
import com.browserbase.stagehand.internal.runtime.Futures;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The action cache as one session uses it: the client's {@link ActCache}; which page the session is on, which the
 * cache's keys need ({@link PageUrls}); and, before each replayed action, a wait for its element ({@link
 * ElementWait}), both over one CDP connection to the session's browser, kept until {@link #close()}. Both handles
 * of the session act through it. Each act by instruction is reported to the client's {@link CallEvents} as it ends,
 * with how the cache served it. Thread-safe. Not API.
 */
public final class SessionCache {
  private final ActCache cache;
  private final CdpConnection cdp;
  private final PageUrls pages;
  private final ElementWait elements;
  private final CallEvents events;
  private final String sessionId;

  /**
   * For the session's CDP WebSocket URL and {@code cdpHttp} ({@link CdpConnection#client}), either possibly null;
   * its acts are reported to {@code events} as acts of session {@code sessionId}.
   */
  public SessionCache(ActCache cache, String cdpUrl, OkHttpClient cdpHttp, CallEvents events, String sessionId) {
    this(cache, new CdpConnection(cdpUrl, cdpHttp, CdpConnection.BUDGET_MS), ElementWait.BOUND_MS, events, sessionId);
  }

  SessionCache(ActCache cache, CdpConnection cdp, long waitMs) {
    this(cache, cdp, waitMs, CallEvents.NONE, null);
  }

  private SessionCache(ActCache cache, CdpConnection cdp, long waitMs, CallEvents events, String sessionId) {
    this.events = events;
    this.sessionId = sessionId;
    this.cache = cache;
    this.cdp = cdp;
    this.pages = new PageUrls(cdp);
    this.elements = new ElementWait(cdp, pages, RetryScheduler.SYSTEM, waitMs, ElementWait.POLL_MS);
  }

  /**
   * Notes a navigation through a handle aimed at {@code frameId}'s tab ({@code null}: the server's active tab): the
   * URL the server says it reached, else the one asked for.
   */
  public void navigated(String url, Optional<JsonNode> result, String frameId) {
    pages.navigated(url, result, frameId);
  }

  /**
   * An act by instruction through the cache, aimed at {@code frameId}'s tab ({@code null}: the server's active tab),
   * keyed by that tab's URL; every step on the calling thread (see {@link ActCache#act}).
   */
  public ActResultData act(String instruction, ActOptions options, String frameId, ActCache.Calls calls) {
    CallEvents.CachedAct act = events.startCachedAct(sessionId);
    ActResultData acted;
    try {
      acted = actBlocking(instruction, options, frameId, calls);
    } catch (RuntimeException | Error e) {
      act.ended(ActCache.MISS, e);
      throw e;
    }
    act.ended(statusOf(acted), null);
    return acted;
  }

  private ActResultData actBlocking(String instruction, ActOptions options, String frameId, ActCache.Calls calls) {
    return cache.actBlocking(instruction, options, pages.currentBlocking(frameId), new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return calls.act(instruction, options);
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        elements.awaitBlocking(action, frameId);
        return calls.act(action, options);
      }
    });
  }

  /** {@link #act}, asynchronously; cancelling the result cancels the call in flight, or the wait before it. */
  public CompletableFuture<ActResultData> actAsync(String instruction, ActOptions options, String frameId,
      ActCache.Calls calls) {
    CallEvents.CachedAct act = events.startCachedAct(sessionId);
    CompletableFuture<ActResultData> result = actThroughCache(instruction, options, frameId, calls);
    result.whenComplete((acted, error) -> {
      if (error != null) {
        act.ended(ActCache.MISS, Futures.unwrap(error));
      } else {
        act.ended(statusOf(acted), null);
      }
    });
    return result;
  }

  /**
   * How the cache served an act, as it marked the result and counted it; an act that failed counts as a {@code MISS}
   * (see {@link ActCache}).
   */
  private static String statusOf(ActResultData acted) {
    JsonNode status = acted.additionalProperties().get(ActCache.STATUS_PROPERTY);
    return status != null && status.isTextual() ? status.textValue() : ActCache.MISS;
  }

  private CompletableFuture<ActResultData> actThroughCache(String instruction, ActOptions options, String frameId,
      ActCache.Calls calls) {
    return cache.act(instruction, options, pages.current(frameId), new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return calls.act(instruction, options);
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        return after(elements.await(action, frameId), () -> calls.act(action, options));
      }
    });
  }

  /** Closes the connection to the browser: the session ended. Never blocks. */
  public void close() {
    cdp.close();
  }

  /** {@code call} made once {@code wait} is over; cancelling the result cancels the wait or the call. */
  static CompletableFuture<ActResultData> after(CompletableFuture<?> wait,
      java.util.function.Supplier<CompletableFuture<ActResultData>> call) {
    CompletableFuture<ActResultData> result = new CompletableFuture<>();
    CompletableFuture<CompletableFuture<ActResultData>> made = wait.handle((over, error) -> {
      if (result.isDone()) {
        return null;
      }
      CompletableFuture<ActResultData> calling;
      try {
        calling = call.get();
      } catch (RuntimeException | Error e) {
        result.completeExceptionally(e);
        return null;
      }
      if (result.isCancelled()) { // cancelled while the call was being made
        calling.cancel(true);
      }
      calling.whenComplete((value, failure) -> {
        if (failure != null) {
          result.completeExceptionally(failure);
        } else {
          result.complete(value);
        }
      });
      return calling;
    });
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        wait.cancel(true);
        CompletableFuture<ActResultData> calling = made.getNow(null);
        if (calling != null) {
          calling.cancel(true);
        }
      }
    });
    return result;
  }
}
