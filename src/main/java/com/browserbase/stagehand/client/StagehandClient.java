package com.browserbase.stagehand.client;

import com.browserbase.stagehand.services.SessionService;
import java.util.function.Consumer;

/**
 * A client of the Stagehand API. Thread-safe and meant to be shared: create one per application with
 * {@link StagehandOkHttpClient}, and close it when the application stops.
 *
 * <pre>{@code
 * try (StagehandClient client = StagehandOkHttpClient.fromEnv()) {
 *   SessionService sessions = client.sessions();
 *   ...
 * }
 * }</pre>
 */
public interface StagehandClient extends AutoCloseable {
  /** The operations on browser sessions. */
  SessionService sessions();

  /**
   * The URL of the Stagehand API this client calls: the configured base URL or, in local mode, the
   * local server's, such as {@code http://127.0.0.1:41234}. (Implementations outside this SDK that
   * do not override it throw {@link UnsupportedOperationException}.)
   */
  default String baseUrl() {
    throw new UnsupportedOperationException(getClass().getName() + " does not tell its base URL");
  }

  /** The asynchronous view of this client, sharing its pools and settings. */
  StagehandClientAsync async();

  /**
   * A client with changed options that shares this client's connection pool and threads. Closing
   * the derived client stops only it from making calls; closing this one cancels the calls of both.
   *
   * <pre>{@code
   * StagehandClient patient = client.withOptions(b -> b.timeout(Duration.ofMinutes(20)).maxRetries(5));
   * }</pre>
   */
  StagehandClient withOptions(Consumer<StagehandOkHttpClient.Builder> change);

  /**
   * Closes the client. Every later call throws {@link IllegalStateException} at once; calls in flight
   * (open streams included) are cancelled and fail with a {@code StagehandIoException}; every session
   * still {@linkplain com.browserbase.stagehand.services.SessionService#opened() open} is ended (a
   * browser left running costs money), an end that failed retried where that can help, all within a
   * bounded time; the connection pool and threads are released when this client created them. In local
   * mode, the client that started the server then stops it. A client from {@link #withOptions} only stops
   * making calls. Idempotent: a later call returns at once and throws nothing.
   *
   * @throws com.browserbase.stagehand.errors.SessionsNotEndedException when sessions could not be ended,
   *     naming them (also logged at WARN); the client is closed all the same
   */
  @Override
  void close();
}
