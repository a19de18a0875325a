package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the blocking and the asynchronous handle share: the session they view, the request options of
 * their calls and the progress listener (or {@code null}), and the session's description. Not API.
 */
abstract class SessionView {
  final ClientSession session;
  final RequestOptions options;
  final Consumer<? super StreamEvent> progress;

  SessionView(ClientSession session, RequestOptions options, Consumer<? super StreamEvent> progress) {
    this.session = session;
    this.options = options;
    this.progress = progress;
  }

  /** The session id. */
  public String id() {
    return session.id;
  }

  /** The CDP WebSocket URL of the session's browser, when the server reported one. */
  public Optional<String> cdpUrl() {
    return Optional.ofNullable(session.cdpUrl);
  }

  /** When the client opened or attached the session. */
  public Instant openedAt() {
    return session.openedAt;
  }

  /** Whether the session was ended through this client. */
  public boolean isEnded() {
    return session.isEnded();
  }

  @Override
  public String toString() {
    return session.toString();
  }
}
