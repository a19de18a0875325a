package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.Futures;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link AsyncStreamResponse} over a stream that starts asynchronously: once it has started, its
 * events are read on the given executor (an HTTP client thread by default) and handed to the
 * subscriber in order. Not API.
 */
final class AsyncEventStream implements AsyncStreamResponse<StreamEvent> {
  private final CompletableFuture<StreamResponse<StreamEvent>> started;
  private final Executor defaultExecutor;
  private final CompletableFuture<Void> completed = new CompletableFuture<>();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private volatile boolean closed;

  AsyncEventStream(CompletableFuture<StreamResponse<StreamEvent>> started, Executor defaultExecutor) {
    this.started = started;
    this.defaultExecutor = defaultExecutor;
  }

  @Override
  public AsyncStreamResponse<StreamEvent> subscribe(Handler<? super StreamEvent> handler) {
    return subscribe(handler, defaultExecutor);
  }

  @Override
  public AsyncStreamResponse<StreamEvent> subscribe(Handler<? super StreamEvent> handler, Executor executor) {
    Checks.notNull(handler, "handler");
    Checks.notNull(executor, "executor");
    if (!subscribed.compareAndSet(false, true)) {
      throw new IllegalStateException("A handler is already subscribed to this stream");
    }
    started.whenComplete((stream, error) -> {
      if (error != null) {
        run(executor, () -> finish(handler, closed ? null : Futures.unwrap(error)));
      } else {
        run(executor, () -> deliver(stream, handler));
      }
    });
    return this;
  }

  /**
   * Runs a task on the executor, or here when the executor is shut down (the client was closed):
   * the handler always hears how the stream ended.
   */
  private static void run(Executor executor, Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException shutDown) {
      task.run();
    }
  }

  private void deliver(StreamResponse<StreamEvent> stream, Handler<? super StreamEvent> handler) {
    try (StreamResponse<StreamEvent> events = stream) {
      Iterator<StreamEvent> it = events.stream().iterator();
      while (!closed && it.hasNext()) {
        handler.onNext(it.next());
      }
      finish(handler, null);
    } catch (Throwable t) {
      finish(handler, closed ? null : t);
    }
  }

  private void finish(Handler<? super StreamEvent> handler, Throwable error) {
    try {
      handler.onComplete(Optional.ofNullable(error));
    } finally {
      if (error == null) {
        completed.complete(null);
      } else {
        completed.completeExceptionally(error);
      }
    }
  }

  @Override
  public CompletableFuture<Void> onCompleteFuture() {
    return completed;
  }

  @Override
  public void close() {
    closed = true;
    if (!started.cancel(true) && !started.isCompletedExceptionally()) {
      started.join().close(); // started and done: join() does not wait
    }
    if (!subscribed.get()) {
      completed.complete(null);
    }
  }
}
