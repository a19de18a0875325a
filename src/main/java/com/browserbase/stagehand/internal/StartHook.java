package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a client adds to the {@code start} of a session: in local mode, the default browser and the
 * server's own account of a failure. Both the blocking and the async services use it. Not API.
 */
public interface StartHook {
  /** Sends the request as it is. */
  StartHook NONE = new StartHook() {
    @Override
    public SessionStartParams prepare(SessionStartParams params) {
      return params;
    }

    @Override
    public <T> T call(Supplier<T> start) {
      return start.get();
    }

    @Override
    public <T> CompletableFuture<T> callAsync(Supplier<CompletableFuture<T>> start) {
      return start.get();
    }
  };

  /** The request to send for {@code params}. */
  SessionStartParams prepare(SessionStartParams params);

  /** Makes a blocking start; its failure may gain context. */
  <T> T call(Supplier<T> start);

  /** Makes an async start; its failure may gain context. Cancelling the result cancels the call. */
  <T> CompletableFuture<T> callAsync(Supplier<CompletableFuture<T>> start);
}
