package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** The asynchronous {@link StagehandSessionAsync}: a view of an {@link ClientSession}. Not API. */
final class SessionHandleAsync extends SessionView implements StagehandSessionAsync {
  SessionHandleAsync(ClientSession session, RequestOptions options, Consumer<? super StreamEvent> progress) {
    super(session, options, progress);
  }

  @Override
  public StagehandSession sync() {
    return session.sync.withOptions(options);
  }

  @Override
  public StagehandSessionAsync withOptions(RequestOptions options) {
    return new SessionHandleAsync(session, Checks.notNull(options, "options"), progress);
  }

  @Override
  public StagehandSessionAsync withProgress(Consumer<? super StreamEvent> progress) {
    return new SessionHandleAsync(session, options, Checks.notNull(progress, "progress"));
  }

  @Override
  public CompletableFuture<Optional<JsonNode>> navigate(String url) {
    return navigated(url, run(SessionCalls.navigate(id(), url, null)));
  }

  @Override
  public CompletableFuture<Optional<JsonNode>> navigate(String url, NavigateOptions options) {
    return navigated(url, run(SessionCalls.navigate(id(), url, Checks.notNull(options, "options"))));
  }

  /** The navigation's result, noted for the action cache before the caller sees it; cancelling it cancels the call. */
  private CompletableFuture<Optional<JsonNode>> navigated(String url, CompletableFuture<Optional<JsonNode>> call) {
    CompletableFuture<Optional<JsonNode>> result = new CompletableFuture<>();
    call.whenComplete((value, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        session.pages.navigated(url, value);
        result.complete(value);
      }
    });
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        call.cancel(true);
      }
    });
    return result;
  }

  @Override
  public CompletableFuture<ActResultData> act(String instruction) {
    return act(Checks.notNull(instruction, "instruction"), null, true);
  }

  @Override
  public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
    return act(Checks.notNull(instruction, "instruction"), Checks.notNull(options, "options"), true);
  }

  /** An act by instruction: through the client's action cache when it has one. */
  private CompletableFuture<ActResultData> act(String instruction, ActOptions options, boolean cached) {
    if (session.cache == null || !cached) {
      return run(SessionCalls.act(id(), instruction, null, options));
    }
    session.checkOpen();
    return session.cache.act(instruction, options, session.pages.current(), new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return SessionHandleAsync.this.act(instruction, options, false);
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        return run(SessionCalls.act(id(), null, action, options));
      }
    });
  }

  @Override
  public CompletableFuture<ActResultData> act(Action action) {
    return run(SessionCalls.act(id(), null, Checks.notNull(action, "action"), null));
  }

  @Override
  public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
    return run(SessionCalls.act(id(), null, Checks.notNull(action, "action"), Checks.notNull(options, "options")));
  }

  @Override
  public CompletableFuture<List<Action>> observe() {
    return run(SessionCalls.observe(id(), null, null));
  }

  @Override
  public CompletableFuture<List<Action>> observe(String instruction) {
    return run(SessionCalls.observe(id(), Checks.notNull(instruction, "instruction"), null));
  }

  @Override
  public CompletableFuture<List<Action>> observe(String instruction, ObserveOptions options) {
    return run(SessionCalls.observe(id(), Checks.notNull(instruction, "instruction"), Checks.notNull(options, "options")));
  }

  @Override
  public CompletableFuture<JsonNode> extract() {
    return run(SessionCalls.extract(id(), null, null));
  }

  @Override
  public CompletableFuture<JsonNode> extract(String instruction) {
    return run(SessionCalls.extract(id(), Checks.notNull(instruction, "instruction"), null));
  }

  @Override
  public CompletableFuture<JsonNode> extract(String instruction, ExtractOptions options) {
    return run(SessionCalls.extract(id(), Checks.notNull(instruction, "instruction"), Checks.notNull(options, "options")));
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, Class<T> type) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type), null));
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, Class<T> type, ExtractOptions options) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type),
        Checks.notNull(options, "options")));
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, TypeReference<T> type) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type), null));
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, TypeReference<T> type, ExtractOptions options) {
    return run(SessionCalls.<T>extract(id(), Checks.notNull(instruction, "instruction"), Handles.type(type),
        Checks.notNull(options, "options")));
  }

  @Override
  public CompletableFuture<AgentResultData> execute(String instruction) {
    return execute(Handles.DEFAULT_AGENT, Handles.agentOptions(instruction));
  }

  @Override
  public CompletableFuture<AgentResultData> execute(AgentConfig config, AgentExecuteOptions options) {
    return run(SessionCalls.execute(id(), Checks.notNull(config, "config"), Checks.notNull(options, "options")));
  }

  @Override
  public CompletableFuture<ReplayResult> replay() {
    return run(SessionCalls.replay(id()));
  }

  @Override
  public CompletableFuture<Void> end() {
    return session.endAsync(options);
  }

  @Override
  public void close() {
    try {
      end().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : new CompletionException(cause);
    }
  }

  /**
   * Makes a call: as the operation's blocking answer, or streamed with each event handed to the
   * listener and the value read from the {@code finished} event. Cancelling the result cancels the
   * call.
   */
  private <R, V> CompletableFuture<V> run(SessionCalls.Call<R, V> call) {
    session.checkOpen();
    CompletableFuture<V> result = new CompletableFuture<>();
    if (progress == null || !call.streams()) {
      CompletableFuture<R> answer = session.transport.executeAsync(call.request, options, call.type);
      answer.whenComplete((value, error) -> complete(result, error, () -> call.fromAnswer.apply(value)));
      result.whenComplete((value, error) -> {
        if (result.isCancelled()) {
          answer.cancel(true);
        }
      });
      return result;
    }
    AsyncStreamResponse<StreamEvent> events = session.transport.streamAsync(call.request, options, call.type);
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        events.close();
      }
    });
    StreamEvent[] last = new StreamEvent[1]; // written and read by the delivering thread only
    events.subscribe(new AsyncStreamResponse.Handler<StreamEvent>() {
      @Override
      public void onNext(StreamEvent event) {
        last[0] = event;
        progress.accept(event);
      }

      @Override
      public void onComplete(Optional<Throwable> error) {
        complete(result, error.orElse(null), () -> call.fromResult.apply(Handles.resultOf(last[0])));
      }
    });
    return result;
  }

  private static <V> void complete(CompletableFuture<V> result, Throwable error, java.util.function.Supplier<V> value) {
    if (error != null) {
      result.completeExceptionally(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
      return;
    }
    try {
      result.complete(value.get());
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

}
