package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.cache.CdpConnection;
import com.browserbase.stagehand.internal.http.ClientState;
import com.browserbase.stagehand.internal.http.HttpTransport;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.Futures;
import com.browserbase.stagehand.internal.session.Operation;
import com.browserbase.stagehand.internal.session.SessionRegistry;
import com.browserbase.stagehand.internal.session.StartHook;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.SessionStartResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * Opens and attaches sessions for one client, and lists the open ones of its registry (shared with
 * the clients derived from the same root). Thread-safe. Not API.
 */
final class SessionHandles {
  private final HttpTransport transport;
  private final StartHook starts;
  private final ClientState state;
  private final SessionRegistry<ClientSession> registry;
  private final Clock clock;
  private final ActCache cache;
  private final OkHttpClient cdpHttp;

  /** Creates the handles of a client that calls through {@code transport} and starts through {@code starts}. */
  SessionHandles(HttpTransport transport, StartHook starts, ClientState state, SessionRegistry<ClientSession> registry,
      Clock clock) {
    this(transport, starts, state, registry, clock, null, null);
  }

  /**
   * Creates the handles of a client with an action cache ({@code null}: none), whose sessions read
   * their page's URL (and wait for cached elements) over CDP with a client made from {@code http}.
   */
  SessionHandles(HttpTransport transport, StartHook starts, ClientState state, SessionRegistry<ClientSession> registry,
      Clock clock, ActCache cache, OkHttpClient http) {
    this.transport = transport;
    this.starts = starts;
    this.state = state;
    this.registry = registry;
    this.clock = clock;
    this.cache = cache;
    this.cdpHttp = cache != null && http != null ? CdpConnection.client(http) : null;
  }

  /** Starts a session and returns its handle. */
  StagehandSession open(SessionStartParams params, RequestOptions options) {
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
  CompletableFuture<StagehandSessionAsync> openAsync(SessionStartParams params, RequestOptions options) {
    Checks.notNull(params, "params");
    Checks.notNull(options, "options");
    CompletableFuture<SessionStartResponse> start = starts.startAsync(params,
        sent -> transport.executeAsync(Operation.START.request(sent), options, Operation.START.type));
    CompletableFuture<StagehandSessionAsync> result = new CompletableFuture<>();
    start.whenComplete((started, error) -> {
      if (error != null) {
        result.completeExceptionally(Futures.unwrap(error));
        return;
      }
      ClientSession session;
      try {
        session = register(started);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      if (!result.complete(session.async)) {
        // cancelled meanwhile: nobody else can end it
        SessionRegistry.warnIfNotEnded(session.id, session.endAsync(RequestOptions.none()));
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
  private ClientSession register(SessionStartResponse started) {
    SessionStartResult data = started.data();
    ClientSession session = registry
        .add(new ClientSession(data.sessionId(), data.cdpUrl().orElse(null), clock.instant(), transport, registry,
            cache, cdpHttp));
    if (state.isClosed()) {
      SessionRegistry.warnIfNotEnded(session.id, session.endWhileClosing());
      throw new IllegalStateException("The Stagehand client is closed");
    }
    return session;
  }

  /** The open session {@code sessionId}: the one already known, or a new handle for a session started elsewhere. */
  ClientSession attach(String sessionId) {
    Checks.nonEmpty(sessionId, "sessionId");
    if (sessionId.equals(".") || sessionId.equals("..")) {
      throw new IllegalArgumentException("sessionId must not be \"" + sessionId + "\": no URL path can name it");
    }
    state.checkOpen();
    return registry.add(new ClientSession(sessionId, null, clock.instant(), transport, registry, cache, null));
  }

  /** The blocking handles of the sessions not ended yet, oldest first. */
  List<StagehandSession> opened() {
    List<StagehandSession> handles = new ArrayList<>();
    for (ClientSession session : registry.all()) {
      handles.add(session.sync);
    }
    return handles;
  }

  /** The asynchronous handles of the sessions not ended yet, oldest first. */
  List<StagehandSessionAsync> openedAsync() {
    List<StagehandSessionAsync> handles = new ArrayList<>();
    for (ClientSession session : registry.all()) {
      handles.add(session.async);
    }
    return handles;
  }

  /** The open session {@code sessionId}, if this client has it. */
  Optional<ClientSession> opened(String sessionId) {
    return Optional.ofNullable(registry.get(Checks.notNull(sessionId, "sessionId")));
  }
}
