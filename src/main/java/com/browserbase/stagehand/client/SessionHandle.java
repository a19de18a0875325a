package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.session.Handles;
import com.browserbase.stagehand.internal.session.SessionCalls;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.AgentResultData;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.ReplayResult;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The blocking {@link StagehandSession}: a view of an {@link ClientSession} with its request options and progress listener. Not API. */
final class SessionHandle extends SessionView implements StagehandSession {
  SessionHandle(ClientSession session, RequestOptions options, Consumer<? super StreamEvent> progress) {
    super(session, options, progress);
  }

  @Override
  public StagehandSession withOptions(RequestOptions options) {
    return new SessionHandle(session, Checks.notNull(options, "options"), progress);
  }

  @Override
  public StagehandSession withProgress(Consumer<? super StreamEvent> progress) {
    return new SessionHandle(session, options, Checks.notNull(progress, "progress"));
  }

  @Override
  public Optional<JsonNode> navigate(String url) {
    return navigated(url, run(SessionCalls.navigate(id(), url, null)));
  }

  @Override
  public Optional<JsonNode> navigate(String url, NavigateOptions options) {
    return navigated(url, run(SessionCalls.navigate(id(), url, Checks.notNull(options, "options"))));
  }

  private Optional<JsonNode> navigated(String url, Optional<JsonNode> result) {
    session.pages.navigated(url, result);
    return result;
  }

  @Override
  public ActResultData act(String instruction) {
    return act(Checks.notNull(instruction, "instruction"), null, true);
  }

  @Override
  public ActResultData act(String instruction, ActOptions options) {
    return act(Checks.notNull(instruction, "instruction"), Checks.notNull(options, "options"), true);
  }

  /** An act by instruction: through the client's action cache when it has one. */
  private ActResultData act(String instruction, ActOptions options, boolean cached) {
    if (session.cache == null || !cached) {
      return run(SessionCalls.act(id(), instruction, null, options));
    }
    session.checkOpen();
    return session.cache.actBlocking(instruction, options, session.pages.currentBlocking(), new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return ActCache.now(() -> SessionHandle.this.act(instruction, options, false));
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        return ActCache.now(() -> run(SessionCalls.act(id(), null, action, options)));
      }
    });
  }

  @Override
  public ActResultData act(Action action) {
    return run(SessionCalls.act(id(), null, Checks.notNull(action, "action"), null));
  }

  @Override
  public ActResultData act(Action action, ActOptions options) {
    return run(SessionCalls.act(id(), null, Checks.notNull(action, "action"), Checks.notNull(options, "options")));
  }

  @Override
  public List<Action> observe() {
    return run(SessionCalls.observe(id(), null, null));
  }

  @Override
  public List<Action> observe(String instruction) {
    return run(SessionCalls.observe(id(), Checks.notNull(instruction, "instruction"), null));
  }

  @Override
  public List<Action> observe(String instruction, ObserveOptions options) {
    return run(SessionCalls.observe(id(), Checks.notNull(instruction, "instruction"), Checks.notNull(options, "options")));
  }

  @Override
  public JsonNode extract() {
    return run(SessionCalls.extract(id(), null, null));
  }

  @Override
  public JsonNode extract(String instruction) {
    return run(SessionCalls.extract(id(), Checks.notNull(instruction, "instruction"), null));
  }

  @Override
  public JsonNode extract(String instruction, ExtractOptions options) {
    return run(SessionCalls.extract(id(), Checks.notNull(instruction, "instruction"), Checks.notNull(options, "options")));
  }

  @Override
  public <T> T extract(String instruction, Class<T> type) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type), null));
  }

  @Override
  public <T> T extract(String instruction, Class<T> type, ExtractOptions options) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type),
        Checks.notNull(options, "options")));
  }

  @Override
  public <T> T extract(String instruction, TypeReference<T> type) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type), null));
  }

  @Override
  public <T> T extract(String instruction, TypeReference<T> type, ExtractOptions options) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type),
        Checks.notNull(options, "options")));
  }

  @Override
  public AgentResultData execute(String instruction) {
    return execute(Handles.DEFAULT_AGENT, Handles.agentOptions(instruction));
  }

  @Override
  public AgentResultData execute(AgentConfig config, AgentExecuteOptions options) {
    return run(SessionCalls.execute(id(), Checks.notNull(config, "config"), Checks.notNull(options, "options")));
  }

  @Override
  public ReplayResult replay() {
    return run(SessionCalls.replay(id()));
  }

  @Override
  public void end() {
    session.end(options);
  }

  @Override
  public void close() {
    end();
  }

  /**
   * Makes a call: blocking, or streamed with each event handed to the listener and the value read
   * from the {@code finished} event.
   */
  private <R, V> V run(SessionCalls.Call<R, V> call) {
    session.checkOpen();
    if (progress == null || !call.streams()) {
      return call.fromAnswer.apply(session.transport.execute(call.request, options, call.type));
    }
    StreamEvent last = null;
    try (StreamResponse<StreamEvent> events = session.transport.stream(call.request, options, call.type)) {
      for (Iterator<StreamEvent> it = events.stream().iterator(); it.hasNext(); ) {
        last = it.next();
        progress.accept(last);
      }
    }
    // A stream ends with its finished event, or throws: the last event is the finished one.
    return call.fromResult.apply(Handles.resultOf(last));
  }

}
