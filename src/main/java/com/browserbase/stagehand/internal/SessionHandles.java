package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.client.StagehandSessionAsync;
import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.SessionStartResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.OkHttpClient;

/**
 * Opens and attaches sessions for one client, and lists the open ones of its registry (shared with
 * the clients derived from the same root). Thread-safe. Not API.
 */
public final class SessionHandles {
  private final HttpTransport transport;
  private final StartHook starts;
  private final ClientState state;
  private final Clock clock;
  private final ActCache cache;
  private final OkHttpClient cdpHttp;

  /** Creates the handles of a client that calls through {@code transport} and starts through {@code starts}. */
  public SessionHandles(HttpTransport transport, StartHook starts, ClientState state, Clock clock) {
    this(transport, starts, state, clock, null, null);
  }

  /**
   * Creates the handles of a client with an action cache ({@code null}: none), whose sessions read
   * their page's URL over CDP with a client made from {@code http}.
   */
  public SessionHandles(HttpTransport transport, StartHook starts, ClientState state, Clock clock, ActCache cache,
      OkHttpClient http) {
    this.transport = transport;
    this.starts = starts;
    this.state = state;
    this.clock = clock;
    this.cache = cache;
    this.cdpHttp = cache != null && http != null ? PageUrls.client(http) : null;
  }

  /** Starts a session and returns its handle. */
  public StagehandSession open(SessionStartParams params, RequestOptions options) {
    Checks.notNull(params, "params");
    Checks.notNull(options, "options");
    SessionStartResponse started = starts.start(params,
        sent -> transport.execute(Operation.START.request(sent), options, Operation.START.type));
    return register(started).sync;
  }

  /**
   * Starts a session asynchronously. Cancelling the result cancels the start; a session that started
   * nonetheless is ended, since nobody holds its handle.
   */
  public CompletableFuture<StagehandSessionAsync> openAsync(SessionStartParams params, RequestOptions options) {
    Checks.notNull(params, "params");
    Checks.notNull(options, "options");
    CompletableFuture<SessionStartResponse> start = starts.startAsync(params,
        sent -> transport.executeAsync(Operation.START.request(sent), options, Operation.START.type));
    CompletableFuture<StagehandSessionAsync> result = new CompletableFuture<>();
    start.whenComplete((started, error) -> {
      if (error != null) {
        result.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
        return;
      }
      OpenSession session;
      try {
        session = register(started);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      if (!result.complete(session.async)) {
        session.endAsync(RequestOptions.none()); // cancelled meanwhile: nobody else can end it
      }
    });
    result.whenComplete((session, error) -> {
      if (result.isCancelled()) {
        start.cancel(true);
      }
    });
    return result;
  }

  /** The session a start answered, registered; ended at once if the client closed meanwhile. */
  private OpenSession register(SessionStartResponse started) {
    SessionStartResult data = started.data();
    OpenSession session = state.sessions()
        .add(new OpenSession(data.sessionId(), data.cdpUrl().orElse(null), clock.instant(), transport, state.sessions(),
            cache, cdpHttp));
    if (state.isClosed()) {
      session.endWhileClosing();
      throw new IllegalStateException("The Stagehand client is closed");
    }
    return session;
  }

  /** The open session {@code sessionId}: the one already known, or a new handle for a session started elsewhere. */
  public OpenSession attach(String sessionId) {
    Checks.nonEmpty(sessionId, "sessionId");
    if (sessionId.equals(".") || sessionId.equals("..")) {
      throw new IllegalArgumentException("sessionId must not be \"" + sessionId + "\": no URL path can name it");
    }
    state.checkOpen();
    return state.sessions().add(new OpenSession(sessionId, null, clock.instant(), transport, state.sessions(), cache, null));
  }

  /** The blocking handles of the sessions not ended yet, oldest first. */
  public List<StagehandSession> opened() {
    List<StagehandSession> handles = new ArrayList<>();
    for (OpenSession session : state.sessions().all()) {
      handles.add(session.sync);
    }
    return handles;
  }

  /** The asynchronous handles of the sessions not ended yet, oldest first. */
  public List<StagehandSessionAsync> openedAsync() {
    List<StagehandSessionAsync> handles = new ArrayList<>();
    for (OpenSession session : state.sessions().all()) {
      handles.add(session.async);
    }
    return handles;
  }

  /** The open session {@code sessionId}, if this client has it. */
  public Optional<OpenSession> opened(String sessionId) {
    return Optional.ofNullable(state.sessions().get(Checks.notNull(sessionId, "sessionId")));
  }
}
