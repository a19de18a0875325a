package com.browserbase.stagehand.core.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A stream of items delivered to a handler as they arrive, from the asynchronous client. Items are
 * read on an HTTP client thread (or handed to the executor you give); the caller's thread never
 * waits.
 *
 * <pre>{@code
 * client.async().sessions().actStreaming(params)
 *     .subscribe(e -> System.out.println(e.data().message().orElse("")))
 *     .onCompleteFuture()
 *     .join();
 * }</pre>
 *
 * @param <T> the item type
 */
public interface AsyncStreamResponse<T> extends AutoCloseable {
  /** Receives the items of a stream, then its end. */
  interface Handler<T> {
    /** Called for each item, in order, never concurrently. */
    void onNext(T item);

    /** Called once at the end: with the error when the stream failed, else empty. */
    default void onComplete(Optional<Throwable> error) {}
  }

  /**
   * Starts delivering items to {@code handler} on an HTTP client thread. May be called once.
   *
   * @throws IllegalStateException when a handler was already subscribed
   */
  AsyncStreamResponse<T> subscribe(Handler<? super T> handler);

  /** Starts delivering items to {@code handler}, each call made through {@code executor}. */
  AsyncStreamResponse<T> subscribe(Handler<? super T> handler, Executor executor);

  /**
   * Completes when the stream has ended and the handler has seen its end; completes exceptionally
   * with the stream's error ({@code SseException}, {@code StagehandIoException}, ...).
   */
  CompletableFuture<Void> onCompleteFuture();

  /**
   * Stops the stream and cancels its call. Idempotent, and safe from any thread, also while an item
   * is being read or handled: delivery stops quietly, and the handler's {@code onComplete} and {@link
   * #onCompleteFuture()} see no error.
   */
  @Override
  void close();
}
