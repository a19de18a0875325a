package com.browserbase.stagehand.core.http;

import java.util.stream.Stream;

/**
 * A response delivered as a stream of items, each as soon as it arrives. Holds an open HTTP
 * connection: use it in try-with-resources. Closing it early cancels the call.
 *
 * <pre>{@code
 * try (StreamResponse<StreamEvent> events = sessions.actStreaming(params)) {
 *   events.stream().forEach(e -> System.out.println(e.data().message().orElse("")));
 * }
 * }</pre>
 *
 * @param <T> the item type
 */
public interface StreamResponse<T> extends AutoCloseable {
  /**
   * The items, read lazily from the connection. Can be consumed once. Reading blocks until the next
   * item arrives; errors surface as unchecked exceptions from the stream's terminal operation.
   * Interrupting the reading thread ends a blocked read at once with a {@code StagehandIoException}
   * whose cause is an {@link java.io.InterruptedIOException}; the interrupt flag stays set.
   */
  Stream<T> stream();

  /**
   * Releases the connection, cancelling the call if it is still running. Idempotent, and safe from
   * any thread: a read blocked in another thread ends at once with a {@code StagehandIoException}.
   */
  @Override
  void close();
}
