package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link StagehandSession} for the asynchronous client: the same methods, returning {@link
 * CompletableFuture}s that complete on an HTTP client thread. Cancelling a future cancels its call.
 * From {@code client.async().sessions().open(...)}.
 *
 * <pre>{@code
 * client.async().sessions().open(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
 *     .thenCompose(session -> session.navigate("https://example.com")
 *         .thenCompose(page -> session.extract("the page title", Title.class))
 *         .whenComplete((title, error) -> session.end()));
 * }</pre>
 *
 * <p>A call on an ended session throws {@link IllegalStateException} at once. Thread-safe.
 */
public interface StagehandSessionAsync extends AutoCloseable {
  /** The session id. */
  String id();

  /** The CDP WebSocket URL of the session's browser, when the server reported one at the start. */
  Optional<String> cdpUrl();

  /** When this client opened or attached the session. */
  Instant openedAt();

  /** Whether the session was ended through this client. */
  boolean isEnded();

  /** The blocking handle of the same session. */
  StagehandSession sync();

  /** This session, with {@code options} applied to every call made through the returned view. */
  StagehandSessionAsync withOptions(RequestOptions options);

  /**
   * This session, with every call made through the returned view streamed, each event handed to
   * {@code progress} as it arrives (on an HTTP client thread, one at a time), and the futures
   * completing with the usual values. See {@link StagehandSession#withProgress}.
   */
  StagehandSessionAsync withProgress(Consumer<? super StreamEvent> progress);

  /** This session with its calls aimed at one tab: see {@link StagehandSession#onFrame}. */
  StagehandSessionAsync onFrame(String frameId);

  /** See {@link StagehandSession#navigate(String)}. */
  CompletableFuture<Optional<JsonNode>> navigate(String url);

  /** See {@link StagehandSession#navigate(String, NavigateOptions)}. */
  CompletableFuture<Optional<JsonNode>> navigate(String url, NavigateOptions options);

  /** See {@link StagehandSession#act(String)}. */
  CompletableFuture<ActResultData> act(String instruction);

  /** See {@link StagehandSession#act(String, ActOptions)}. */
  CompletableFuture<ActResultData> act(String instruction, ActOptions options);

  /** See {@link StagehandSession#act(Action)}. */
  CompletableFuture<ActResultData> act(Action action);

  /** See {@link StagehandSession#act(Action, ActOptions)}. */
  CompletableFuture<ActResultData> act(Action action, ActOptions options);

  /** See {@link StagehandSession#observe()}. */
  CompletableFuture<List<Action>> observe();

  /** See {@link StagehandSession#observe(ObserveOptions)}. */
  CompletableFuture<List<Action>> observe(ObserveOptions options);

  /** See {@link StagehandSession#observe(String)}. */
  CompletableFuture<List<Action>> observe(String instruction);

  /** See {@link StagehandSession#observe(String, ObserveOptions)}. */
  CompletableFuture<List<Action>> observe(String instruction, ObserveOptions options);

  /** See {@link StagehandSession#extract()}. */
  CompletableFuture<JsonNode> extract();

  /** See {@link StagehandSession#extract(ExtractOptions)}. */
  CompletableFuture<JsonNode> extract(ExtractOptions options);

  /** See {@link StagehandSession#extract(String)}. */
  CompletableFuture<JsonNode> extract(String instruction);

  /** See {@link StagehandSession#extract(String, ExtractOptions)}. */
  CompletableFuture<JsonNode> extract(String instruction, ExtractOptions options);

  /** See {@link StagehandSession#extract(String, Class)}; an unusable type throws at once. */
  <T> CompletableFuture<T> extract(String instruction, Class<T> type);

  /** See {@link StagehandSession#extract(String, Class, ExtractOptions)}. */
  <T> CompletableFuture<T> extract(String instruction, Class<T> type, ExtractOptions options);

  /** See {@link StagehandSession#extract(String, TypeReference)}. */
  <T> CompletableFuture<T> extract(String instruction, TypeReference<T> type);

  /** See {@link StagehandSession#extract(String, TypeReference, ExtractOptions)}. */
  <T> CompletableFuture<T> extract(String instruction, TypeReference<T> type, ExtractOptions options);

  /** See {@link StagehandSession#execute(String)}. */
  CompletableFuture<AgentResultData> execute(String instruction);

  /** See {@link StagehandSession#execute(AgentConfig, AgentExecuteOptions)}. */
  CompletableFuture<AgentResultData> execute(AgentConfig config, AgentExecuteOptions options);

  /** See {@link StagehandSession#replay()}. */
  CompletableFuture<ReplayResult> replay();

  /**
   * Ends the session, once: a second call returns the first call's future. Completes when the
   * server has ended it; a session the server no longer knows counts as ended.
   */
  CompletableFuture<Void> end();

  /** Ends the session and waits for it, as {@link StagehandSession#close()}. */
  @Override
  void close();
}
