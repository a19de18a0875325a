package com.browserbase.stagehand.services;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.*;

/**
 * The operations on browser sessions, one method per REST operation of the Stagehand API, each
 * with an overload taking {@link RequestOptions}. The {@code ...Streaming} methods return the
 * operation's progress as Server-Sent Events. Thread-safe.
 *
 * <p>Errors are unchecked: {@link com.browserbase.stagehand.errors.StagehandServiceException} and
 * its subclasses for error statuses, {@link com.browserbase.stagehand.errors.StagehandIoException}
 * for network failures and timeouts.
 *
 * <pre>{@code
 * SessionService sessions = client.sessions();
 * String id = sessions.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
 *     .data().sessionId();
 * try {
 *   sessions.navigate(SessionNavigateParams.builder().id(id).url("https://example.com").build());
 *   sessions.act(SessionActParams.builder().id(id).input("click the first link").build());
 * } finally {
 *   sessions.end(SessionEndParams.builder().id(id).build());
 * }
 * }</pre>
 */
public interface SessionService {

  /** Starts a browser session; its id is {@code data().sessionId()}. Not retried once the server may have acted on it. */
  default SessionStartResponse start(SessionStartParams params) {
    return start(params, RequestOptions.none());
  }

  /** Starts a browser session; its id is {@code data().sessionId()}, with options for this call only. */
  SessionStartResponse start(SessionStartParams params, RequestOptions options);

  /** Opens a URL in the session's browser. */
  default SessionNavigateResponse navigate(SessionNavigateParams params) {
    return navigate(params, RequestOptions.none());
  }

  /** Opens a URL in the session's browser, with options for this call only. */
  SessionNavigateResponse navigate(SessionNavigateParams params, RequestOptions options);

  /**
   * Like {@link #navigate(SessionNavigateParams)}, delivering progress as events: log lines, then a {@code finished}
   * event whose {@code result()} is the operation's result. Sends {@code x-stream-response: true}.
   */
  default StreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params) {
    return navigateStreaming(params, RequestOptions.none());
  }

  /** Streams {@code navigate}, with options for this call only. */
  StreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params, RequestOptions options);

  /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned. A failed action in the browser is {@code data().result().success() == false}, not an exception. Not retried once the server may have acted on it. */
  default SessionActResponse act(SessionActParams params) {
    return act(params, RequestOptions.none());
  }

  /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned, with options for this call only. */
  SessionActResponse act(SessionActParams params, RequestOptions options);

  /**
   * Like {@link #act(SessionActParams)}, delivering progress as events: log lines, then a {@code finished}
   * event whose {@code result()} is the operation's result. Sends {@code x-stream-response: true}.
   */
  default StreamResponse<StreamEvent> actStreaming(SessionActParams params) {
    return actStreaming(params, RequestOptions.none());
  }

  /** Streams {@code act}, with options for this call only. */
  StreamResponse<StreamEvent> actStreaming(SessionActParams params, RequestOptions options);

  /** Finds the actions on the page that match an instruction. */
  default SessionObserveResponse observe(SessionObserveParams params) {
    return observe(params, RequestOptions.none());
  }

  /** Finds the actions on the page that match an instruction, with options for this call only. */
  SessionObserveResponse observe(SessionObserveParams params, RequestOptions options);

  /**
   * Like {@link #observe(SessionObserveParams)}, delivering progress as events: log lines, then a {@code finished}
   * event whose {@code result()} is the operation's result. Sends {@code x-stream-response: true}.
   */
  default StreamResponse<StreamEvent> observeStreaming(SessionObserveParams params) {
    return observeStreaming(params, RequestOptions.none());
  }

  /** Streams {@code observe}, with options for this call only. */
  StreamResponse<StreamEvent> observeStreaming(SessionObserveParams params, RequestOptions options);

  /** Extracts data from the page, shaped by a JSON Schema. */
  default SessionExtractResponse extract(SessionExtractParams params) {
    return extract(params, RequestOptions.none());
  }

  /** Extracts data from the page, shaped by a JSON Schema, with options for this call only. */
  SessionExtractResponse extract(SessionExtractParams params, RequestOptions options);

  /**
   * Like {@link #extract(SessionExtractParams)}, delivering progress as events: log lines, then a {@code finished}
   * event whose {@code result()} is the operation's result. Sends {@code x-stream-response: true}.
   */
  default StreamResponse<StreamEvent> extractStreaming(SessionExtractParams params) {
    return extractStreaming(params, RequestOptions.none());
  }

  /** Streams {@code extract}, with options for this call only. */
  StreamResponse<StreamEvent> extractStreaming(SessionExtractParams params, RequestOptions options);

  /** Runs a multi-step agent. Can take minutes: the default HTTP timeout is 30 minutes. Not retried once the server may have acted on it. */
  default SessionExecuteAgentResponse executeAgent(SessionExecuteAgentParams params) {
    return executeAgent(params, RequestOptions.none());
  }

  /** Runs a multi-step agent, with options for this call only. */
  SessionExecuteAgentResponse executeAgent(SessionExecuteAgentParams params, RequestOptions options);

  /**
   * Like {@link #executeAgent(SessionExecuteAgentParams)}, delivering progress as events: log lines, then a {@code finished}
   * event whose {@code result()} is the operation's result. Sends {@code x-stream-response: true}.
   */
  default StreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params) {
    return executeAgentStreaming(params, RequestOptions.none());
  }

  /** Streams {@code executeAgent}, with options for this call only. */
  StreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options);

  /** Returns the replay metrics of a session ({@code GET}). */
  default SessionReplayResponse replay(SessionReplayParams params) {
    return replay(params, RequestOptions.none());
  }

  /** Returns the replay metrics of a session ({@code GET}), with options for this call only. */
  SessionReplayResponse replay(SessionReplayParams params, RequestOptions options);

  /** Ends a session and releases its browser. Sends no body. */
  default SessionEndResponse end(SessionEndParams params) {
    return end(params, RequestOptions.none());
  }

  /** Ends a session and releases its browser, with options for this call only. */
  SessionEndResponse end(SessionEndParams params, RequestOptions options);
}
