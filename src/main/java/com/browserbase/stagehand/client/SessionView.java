package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.session.Handles;
import com.browserbase.stagehand.internal.session.SessionCalls;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Both session handles, written once: the session they view, the request options of their calls, the
 * progress listener (or {@code null}), the frame their calls aim at (or {@code null}: the server's active
 * tab), and every call with its checks. A handle says only how a call runs,
 * to a value or to a future ({@link #run}, {@link #actThroughCache}), and the type parameters name what
 * each call gives it: {@code NAV} for {@code navigate}, {@code ACT}, {@code OBS}, {@code JSON} for {@code
 * extract}, {@code AGENT} for {@code execute}, {@code REPLAY}. Not API.
 *
 * @param <S> the handle type, for the views {@code withOptions} and {@code withProgress} make
 */
abstract class SessionView<S, NAV, ACT, OBS, JSON, AGENT, REPLAY> {
  final ClientSession session;
  final RequestOptions options;
  final Consumer<? super StreamEvent> progress;
  final String frameId;

  SessionView(ClientSession session, RequestOptions options, Consumer<? super StreamEvent> progress, String frameId) {
    this.session = session;
    this.options = options;
    this.progress = progress;
    this.frameId = frameId;
  }

  /** A handle of this kind on the same session, with other options, another listener or another frame. */
  abstract S view(RequestOptions options, Consumer<? super StreamEvent> progress, String frameId);

  /** Runs {@code call}: its value, or a future of it; {@code R} is what the handle returns for that call. */
  abstract <R> R run(SessionCalls.Call<?, ?> call);

  /** Notes a navigation for the action cache once its result is there; returns that result. */
  abstract NAV navigated(String url, NAV result);

  /** An act by instruction through the client's action cache. */
  abstract ACT actThroughCache(String instruction, ActOptions options);

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

  public S withOptions(RequestOptions options) {
    return view(Checks.notNull(options, "options"), progress, frameId);
  }

  public S withProgress(Consumer<? super StreamEvent> progress) {
    return view(options, Checks.notNull(progress, "progress"), frameId);
  }

  public S onFrame(String frameId) {
    return view(options, progress, Checks.nonEmpty(frameId, "frameId"));
  }

  public NAV navigate(String url) {
    return navigated(url, run(SessionCalls.navigate(id(), frameId, url, null)));
  }

  public NAV navigate(String url, NavigateOptions options) {
    return navigated(url, run(SessionCalls.navigate(id(), frameId, url, Checks.notNull(options, "options"))));
  }

  public ACT act(String instruction) {
    return actByInstruction(Checks.notNull(instruction, "instruction"), null);
  }

  public ACT act(String instruction, ActOptions options) {
    return actByInstruction(Checks.notNull(instruction, "instruction"), Checks.notNull(options, "options"));
  }

  private ACT actByInstruction(String instruction, ActOptions options) {
    if (session.cache == null) {
      return run(SessionCalls.act(id(), frameId, instruction, null, options));
    }
    session.checkOpen();
    return actThroughCache(instruction, options);
  }

  public ACT act(Action action) {
    return run(SessionCalls.act(id(), frameId, null, Checks.notNull(action, "action"), null));
  }

  public ACT act(Action action, ActOptions options) {
    return run(SessionCalls.act(id(), frameId, null, Checks.notNull(action, "action"),
        Checks.notNull(options, "options")));
  }

  public OBS observe() {
    return run(SessionCalls.observe(id(), frameId, null, null));
  }

  public OBS observe(ObserveOptions options) {
    return run(SessionCalls.observe(id(), frameId, null, Checks.notNull(options, "options")));
  }

  public OBS observe(String instruction) {
    return run(SessionCalls.observe(id(), frameId, Checks.notNull(instruction, "instruction"), null));
  }

  public OBS observe(String instruction, ObserveOptions options) {
    return run(SessionCalls.observe(id(), frameId, Checks.notNull(instruction, "instruction"),
        Checks.notNull(options, "options")));
  }

  public JSON extract() {
    return run(SessionCalls.extract(id(), frameId, null, null));
  }

  public JSON extract(ExtractOptions options) {
    return run(SessionCalls.extract(id(), frameId, null, Checks.notNull(options, "options")));
  }

  public JSON extract(String instruction) {
    return run(SessionCalls.extract(id(), frameId, Checks.notNull(instruction, "instruction"), null));
  }

  public JSON extract(String instruction, ExtractOptions options) {
    return run(SessionCalls.extract(id(), frameId, Checks.notNull(instruction, "instruction"),
        Checks.notNull(options, "options")));
  }

  /**
   * A typed extract: the schema made from {@code type}, the result read into it. Checks the instruction,
   * the type, then the options when {@code withOptions}.
   */
  <R> R extractAs(String instruction, Object type, ExtractOptions options, boolean withOptions) {
    return run(SessionCalls.extract(id(), frameId, Checks.notNull(instruction, "instruction"), Handles.type(type),
        withOptions ? Checks.notNull(options, "options") : null));
  }

  public AGENT execute(String instruction) {
    return execute(Handles.DEFAULT_AGENT, Handles.agentOptions(instruction));
  }

  public AGENT execute(AgentConfig config, AgentExecuteOptions options) {
    return run(SessionCalls.execute(id(), frameId, Checks.notNull(config, "config"),
        Checks.notNull(options, "options")));
  }

  public REPLAY replay() {
    return run(SessionCalls.replay(id()));
  }

  @Override
  public String toString() {
    return session.toString();
  }
}
