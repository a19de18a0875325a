package com.browserbase.stagehand.internal.local;

import com.browserbase.stagehand.internal.runtime.Futures;
import com.browserbase.stagehand.internal.session.StartHook;
import com.browserbase.stagehand.local.LocalServerException;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The {@link StartHook} of a client in local mode: fills in the default browser, and adds to a failed start the errors
 * the server logged meanwhile (a suppressed {@link LocalServerException}): a browser that cannot be launched shows only
 * as {@code connect ECONNREFUSED} in the answer, the cause ({@code spawn ... ENOENT}) in the server's log. Not API.
 */
final class LocalStartHook implements StartHook {
  private final LocalBrowserDefaults defaults;
  private final ServerOutput output;

  LocalStartHook(LocalBrowserDefaults defaults, ServerOutput output) {
    this.defaults = defaults;
    this.output = output;
  }

  @Override
  public <T> T start(SessionStartParams params, Function<SessionStartParams, T> send) {
    SessionStartParams request = defaults.apply(params);
    long mark = output.mark();
    try {
      return send.apply(request);
    } catch (RuntimeException e) {
      explain(e, mark);
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<T> startAsync(
      SessionStartParams params, Function<SessionStartParams, CompletableFuture<T>> send) {
    SessionStartParams request = defaults.apply(params);
    long mark = output.mark();
    CompletableFuture<T> call = send.apply(request);
    CompletableFuture<T> result = new CompletableFuture<>();
    call.whenComplete((value, failure) -> {
      if (failure == null) {
        result.complete(value);
      } else {
        explain(Futures.unwrap(failure), mark);
        result.completeExceptionally(failure);
      }
    });
    result.whenComplete((value, failure) -> {
      if (result.isCancelled()) {
        call.cancel(true);
      }
    });
    return result;
  }

  private void explain(Throwable failure, long mark) {
    output.settle(100, 1_000); // quiet 100 ms, 1 s at most: a failed start is slow anyway, let its last lines arrive
    List<String> errors = output.errorsSince(mark);
    if (!errors.isEmpty()) {
      failure.addSuppressed(new LocalServerException("While the session started, the local Stagehand server logged", errors, null));
    }
  }
}
