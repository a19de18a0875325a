package com.browserbase.stagehand.client;

import com.browserbase.stagehand.services.SessionServiceAsync;
import java.util.function.Consumer;

/**
 * The asynchronous view of a {@link StagehandClient}: the same operations returning {@link
 * java.util.concurrent.CompletableFuture}s, over the same connection pool. From {@link
 * StagehandClient#async()}.
 *
 * <pre>{@code
 * CompletableFuture<SessionStartResponse> started = client.async().sessions().start(params);
 * }</pre>
 */
public interface StagehandClientAsync extends AutoCloseable {
  /** The operations on browser sessions. */
  SessionServiceAsync sessions();

  /** The blocking view of the same client. */
  StagehandClient sync();

  /** An asynchronous client with changed options, sharing this one's pools; see {@link StagehandClient#withOptions}. */
  StagehandClientAsync withOptions(Consumer<StagehandOkHttpClient.Builder> change);

  /** Closes the underlying client; see {@link StagehandClient#close()}. */
  @Override
  void close();
}
