package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * The action cache as one session uses it: the client's {@link ActCache}, and which page the session is on,
 * which the cache's keys need ({@link PageUrls}). Both handles of the session act through it. Thread-safe. Not API.
 */
public final class SessionCache {
  private final ActCache cache;
  private final PageUrls pages;

  /** {@code cdpUrl}, the session's CDP WebSocket URL, and {@code cdpHttp} ({@link PageUrls#client}) may be null. */
  public SessionCache(ActCache cache, String cdpUrl, OkHttpClient cdpHttp) {
    this.cache = cache;
    this.pages = new PageUrls(cdpUrl, cdpHttp, PageUrls.CDP_BUDGET_MS);
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
    return cache.actBlocking(instruction, options, pages.currentBlocking(frameId), calls);
  }

  /** {@link #act}, asynchronously; cancelling the result cancels the call in flight. */
  public CompletableFuture<ActResultData> actAsync(String instruction, ActOptions options, String frameId,
      ActCache.Calls calls) {
    return cache.act(instruction, options, pages.current(frameId), calls);
  }
}
