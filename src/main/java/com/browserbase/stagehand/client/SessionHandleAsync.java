package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.runtime.Futures;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/** The asynchronous {@link StagehandSessionAsync}: each call returns a future at once; cancelling it cancels the call. Not API. */
final class SessionHandleAsync extends SessionView<StagehandSessionAsync, CompletableFuture<Optional<JsonNode>>,
    CompletableFuture<ActResultData>, CompletableFuture<List<Action>>, CompletableFuture<JsonNode>,
    CompletableFuture<AgentResultData>, CompletableFuture<ReplayResult>> implements StagehandSessionAsync {
  SessionHandleAsync(ClientSession session, RequestOptions options, Consumer<? super StreamEvent> progress,
      String frameId) {
    super(session, options, progress, frameId);
  }

  @Override
  public StagehandSession sync() {
    StagehandSession sync = session.sync.withOptions(options);
    return frameId == null ? sync : sync.onFrame(frameId);
  }

  @Override
  StagehandSessionAsync view(RequestOptions options, Consumer<? super StreamEvent> progress, String frameId) {
    return new SessionHandleAsync(session, options, progress, frameId);
  }

  /** The navigation's result, noted for the action cache before the caller sees it; cancelling it cancels the call. */
  @Override
  CompletableFuture<Optional<JsonNode>> navigated(String url, CompletableFuture<Optional<JsonNode>> call) {
    if (session.cache == null) {
      return call;
    }
    CompletableFuture<Optional<JsonNode>> result = new CompletableFuture<>();
    call.whenComplete((value, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        session.cache.navigated(url, value, frameId);
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
  CompletableFuture<ActResultData> actThroughCache(String instruction, ActOptions options) {
    return session.cache.actAsync(instruction, options, frameId, new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return run(SessionCalls.act(id(), frameId, instruction, null, options));
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        return run(SessionCalls.act(id(), frameId, null, action, options));
      }
    });
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, Class<T> type) {
    return extractAs(instruction, type, null, false);
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, Class<T> type, ExtractOptions options) {
    return extractAs(instruction, type, options, true);
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, TypeReference<T> type) {
    return extractAs(instruction, type, null, false);
  }

  @Override
  public <T> CompletableFuture<T> extract(String instruction, TypeReference<T> type, ExtractOptions options) {
    return extractAs(instruction, type, options, true);
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
  @Override
  @SuppressWarnings("unchecked")
  <R> R run(SessionCalls.Call<?, ?> call) {
    session.checkOpen();
    return (R) runCall(call);
  }

  private <R, V> CompletableFuture<V> runCall(SessionCalls.Call<R, V> call) {
    CompletableFuture<V> result = new CompletableFuture<>();
    attempt(call, result, 0);
    return result;
  }

  /**
   * Completes {@code result} with {@link #once}, made again, after a wait that holds no thread, while the
   * server does not know the tab the call aims at yet ({@link NewTabs}). Cancelling {@code result}
   * cancels the attempt under way; a cancelled result is not attempted again.
   */
  private <R, V> void attempt(SessionCalls.Call<R, V> call, CompletableFuture<V> result, long waited) {
    if (result.isDone()) {
      return; // cancelled while it waited
    }
    CompletableFuture<V> once;
    try {
      session.checkOpen();
      once = once(call);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return;
    }
    result.whenComplete((value, error) -> {
      if (result.isCancelled()) {
        once.cancel(true);
      }
    });
    once.whenComplete((value, error) -> {
      long delay = error == null ? -1 : NewTabs.retryDelayMs(frameId, error, waited);
      if (delay >= 0 && !result.isDone()) {
        session.transport.scheduler().schedule(() -> attempt(call, result, waited + delay), delay);
      } else if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(value);
      }
    });
  }

  private <R, V> CompletableFuture<V> once(SessionCalls.Call<R, V> call) {
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
      result.completeExceptionally(Futures.unwrap(error));
      return;
    }
    try {
      result.complete(value.get());
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

}
