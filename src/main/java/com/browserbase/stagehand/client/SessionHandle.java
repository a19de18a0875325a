package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.session.Handles;
import com.browserbase.stagehand.internal.session.NewTabs;
import com.browserbase.stagehand.internal.session.SessionCalls;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.AgentResultData;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.ReplayResult;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The blocking {@link StagehandSession}: each call runs on the calling thread and returns its value. Not API. */
final class SessionHandle extends SessionView<StagehandSession, Optional<JsonNode>, ActResultData, List<Action>,
    JsonNode, AgentResultData, ReplayResult> implements StagehandSession {
  SessionHandle(ClientSession session, RequestOptions options, Consumer<? super StreamEvent> progress,
      String frameId) {
    super(session, options, progress, frameId);
  }

  @Override
  StagehandSession view(RequestOptions options, Consumer<? super StreamEvent> progress, String frameId) {
    return new SessionHandle(session, options, progress, frameId);
  }

  @Override
  Optional<JsonNode> navigated(String url, Optional<JsonNode> result) {
    if (session.cache != null) {
      session.cache.navigated(url, result, frameId);
    }
    return result;
  }

  @Override
  ActResultData actThroughCache(String instruction, ActOptions options) {
    return session.cache.act(instruction, options, frameId, new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return ActCache.now(() -> run(SessionCalls.act(id(), frameId, instruction, null, options)));
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        return ActCache.now(() -> run(SessionCalls.act(id(), frameId, null, action, options)));
      }
    });
  }

  @Override
  public <T> T extract(String instruction, Class<T> type) {
    return extractAs(instruction, type, null, false);
  }

  @Override
  public <T> T extract(String instruction, Class<T> type, ExtractOptions options) {
    return extractAs(instruction, type, options, true);
  }

  @Override
  public <T> T extract(String instruction, TypeReference<T> type) {
    return extractAs(instruction, type, null, false);
  }

  @Override
  public <T> T extract(String instruction, TypeReference<T> type, ExtractOptions options) {
    return extractAs(instruction, type, options, true);
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
  @Override
  @SuppressWarnings("unchecked")
  <R> R run(SessionCalls.Call<?, ?> call) {
    session.checkOpen();
    return (R) runCall(call);
  }

  /** {@link #once}, again while the server does not know the tab the call aims at yet ({@link NewTabs}). */
  private <A, V> V runCall(SessionCalls.Call<A, V> call) {
    for (long waited = 0; ; ) {
      try {
        return once(call);
      } catch (NotFoundException | SseException e) {
        long delay = NewTabs.retryDelayMs(frameId, e, waited);
        if (delay < 0) {
          throw e;
        }
        try {
          session.transport.sleeper().sleep(delay);
        } catch (InterruptedException interrupt) {
          Thread.currentThread().interrupt();
          InterruptedIOException cause = new InterruptedIOException("interrupted while waiting for the server to know tab "
              + frameId);
          cause.initCause(interrupt);
          throw new StagehandIoException("Interrupted while waiting for the server to know tab " + frameId, cause);
        }
        waited += delay;
        session.checkOpen();
      }
    }
  }

  private <A, V> V once(SessionCalls.Call<A, V> call) {
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
