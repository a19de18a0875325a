package com.browserbase.stagehand.internal.session;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.cache.SessionCache;
import com.browserbase.stagehand.internal.http.HttpTransport;
import com.browserbase.stagehand.internal.runtime.Futures;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session a client opened or attached: its id, its browser, and whether it ended. It is ended exactly
 * once, whichever handle or thread ends it, and leaves the registry then. The client's
 * {@code ClientSession}, which holds the handles, extends it. Not API.
 */
public class OpenSession {
  /** How long ending a session may take while the client closes, when the client does not say. */
  private static final Duration WHILE_CLOSING = Duration.ofSeconds(10);
  /**
   * How many times an end that failed while the client closes is sent again: the transport's rules decide
   * which failures (a connection failure, 408, 409, 429 and 5xx; never another 4xx, and a 404 means ended),
   * its backoff how long it waits, and the timeout bounds the whole.
   */
  private static final int END_RETRIES_WHILE_CLOSING = 3;

  public final String id;
  public final String cdpUrl;
  public final Instant openedAt;
  public final HttpTransport transport;
  /** The client's action cache as this session uses it, or {@code null} when the client has none. */
  public final SessionCache cache;
  private final SessionRegistry<?> registry;
  /** Set once, by the first end: completes when the server has ended the session. */
  private final AtomicReference<CompletableFuture<Void>> ending = new AtomicReference<>();

  /**
   * @param cache the client's action cache, or {@code null}
   * @param cdpHttp the client for the action cache's CDP connection (see {@code CdpConnection.client}), or {@code null}
   */
  protected OpenSession(String id, String cdpUrl, Instant openedAt, HttpTransport transport, SessionRegistry<?> registry,
      ActCache cache, okhttp3.OkHttpClient cdpHttp) {
    this.id = id;
    this.cdpUrl = cdpUrl;
    this.openedAt = openedAt;
    this.transport = transport;
    this.registry = registry;
    this.cache = cache != null ? new SessionCache(cache, cdpUrl, cdpHttp, transport.callEvents(), id) : null;
  }

  public boolean isEnded() {
    return ending.get() != null;
  }

  /** Throws {@link IllegalStateException} naming the session when it has ended. */
  public void checkOpen() {
    if (isEnded()) {
      throw new IllegalStateException("Session " + id + " is ended");
    }
  }

  /**
   * Ends the session, blocking: the first caller sends {@code end} and sees its failure; a later one
   * waits for the first to finish and returns quietly.
   */
  public void end(RequestOptions options) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    if (!ending.compareAndSet(null, mine)) {
      awaitQuietly(ending.get());
      return;
    }
    ended();
    try {
      transport.execute(SessionCalls.end(id).request, options, Operation.END.type);
      mine.complete(null);
    } catch (NotFoundException gone) {
      mine.complete(null); // the server no longer knows it: ended all the same
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** Ends the session asynchronously, once; a later call gets (a view of) the first call's future. */
  public CompletableFuture<Void> endAsync(RequestOptions options) {
    return endAsync(() -> transport.executeAsync(SessionCalls.end(id).request, options, Operation.END.type));
  }

  /** Ends the session while the client closes: the call goes out although the client takes no more. */
  public CompletableFuture<Void> endWhileClosing() {
    return endWhileClosing(WHILE_CLOSING);
  }

  /** {@link #endWhileClosing()}, retries included, within {@code limit}. */
  public CompletableFuture<Void> endWhileClosing(Duration limit) {
    RequestOptions options = RequestOptions.builder().timeout(limit).maxRetries(END_RETRIES_WHILE_CLOSING).build();
    return endAsync(() -> transport.executeWhileClosing(SessionCalls.end(id).request, options, Operation.END.type));
  }

  private CompletableFuture<Void> endAsync(java.util.function.Supplier<CompletableFuture<?>> send) {
    CompletableFuture<Void> mine = new CompletableFuture<>();
    if (!ending.compareAndSet(null, mine)) {
      return ending.get().thenApply(done -> done);
    }
    ended();
    CompletableFuture<?> call;
    try {
      call = send.get();
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      return mine.thenApply(done -> done);
    }
    call.whenComplete((answer, error) -> {
      Throwable cause = Futures.unwrap(error);
      if (cause == null || cause instanceof NotFoundException) {
        mine.complete(null);
      } else {
        mine.completeExceptionally(cause);
      }
    });
    CompletableFuture<Void> view = mine.thenApply(done -> done);
    view.whenComplete((done, error) -> {
      if (view.isCancelled()) {
        call.cancel(true);
      }
    });
    return view;
  }

  /** The session ends: it leaves the registry, and the action cache's connection to its browser closes. */
  private void ended() {
    registry.remove(this);
    if (cache != null) {
      cache.close();
    }
  }

  private static void awaitQuietly(CompletableFuture<Void> end) {
    try {
      end.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException reportedByTheFirstCaller) {
      // the thread that sent the end saw the failure
    }
  }

  @Override
  public String toString() {
    return "StagehandSession{id=" + id + ", ended=" + isEnded() + "}";
  }
}
