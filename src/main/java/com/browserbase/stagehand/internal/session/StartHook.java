package com.browserbase.stagehand.internal.session;

import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.SessionStartResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * How a client makes the {@code start} of a session: in local mode it fills in the default browser and
 * adds the server's own account of a failure. The blocking, async and raw services all start through
 * it; {@link #unavailable} is what {@link Operation#START} checks of the answer. Not API.
 */
public interface StartHook {
  /** Sends the request as it is. */
  StartHook NONE = new StartHook() {
    @Override
    public <T> T start(SessionStartParams params, Function<SessionStartParams, T> send) {
      return send.apply(params);
    }

    @Override
    public <T> CompletableFuture<T> startAsync(
        SessionStartParams params, Function<SessionStartParams, CompletableFuture<T>> send) {
      return send.apply(params);
    }
  };

  /** Sends {@code params}, or the request this client makes of them, with {@code send}. */
  <T> T start(SessionStartParams params, Function<SessionStartParams, T> send);

  /** The same for an async start; cancelling the result cancels the call. */
  <T> CompletableFuture<T> startAsync(SessionStartParams params, Function<SessionStartParams, CompletableFuture<T>> send);

  /**
   * The hosted API answers {@code available: false} for a session it will not serve; its id is of no
   * use, so {@code start} raises this instead of returning it ({@code null}: the session is available).
   */
  static String unavailable(SessionStartResponse response) {
    SessionStartResult started = response.data();
    return started.available()
        ? null
        : "session " + started.sessionId() + " was created but is not available (available: false)";
  }
}
