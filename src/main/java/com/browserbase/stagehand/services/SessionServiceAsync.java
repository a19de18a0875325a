package com.browserbase.stagehand.services;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.client.StagehandSessionAsync;
import com.browserbase.stagehand.models.sessions.*;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The operations of {@link SessionService}, asynchronous: each returns at once with a {@link
 * CompletableFuture} completed on an HTTP client thread (no thread waits per call, retries are
 * scheduled). Cancelling a future cancels its HTTP call. Failures complete the future exceptionally
 * with the exceptions of {@link SessionService}. Thread-safe.
 *
 * <pre>{@code
 * client.async().sessions()
 *     .act(SessionActParams.builder().id(id).input("click the login button").build())
 *     .thenAccept(r -> System.out.println(r.data().result().message()));
 * }</pre>
 */
public interface SessionServiceAsync {
  /** The same operations completing with the raw HTTP response (status, headers) and the parsed value. */
  WithRawResponse withRawResponse();

  /** Starts a session; the future completes with its handle. Cancelling it cancels the start. */
  default CompletableFuture<StagehandSessionAsync> open(SessionStartParams params) {
    return open(params, RequestOptions.none());
  }

  /** Starts a session, with options for the start call only; the future completes with its handle. */
  CompletableFuture<StagehandSessionAsync> open(SessionStartParams params, RequestOptions options);

  /** A handle for a session started elsewhere; see {@link SessionService#attach(String)}. Sends nothing. */
  StagehandSessionAsync attach(String sessionId);

  /** The handles of the sessions not ended yet, oldest first; see {@link SessionService#opened()}. */
  List<StagehandSessionAsync> opened();

  /** The handle of {@code sessionId} among {@link #opened()}. */
  Optional<StagehandSessionAsync> opened(String sessionId);

  /** Starts a browser session; its id is {@code data().sessionId()}. Not retried once the server may have acted on it. */
  default CompletableFuture<SessionStartResponse> start(SessionStartParams params) {
    return start(params, RequestOptions.none());
  }

  /** Starts a browser session; its id is {@code data().sessionId()}, with options for this call only. */
  CompletableFuture<SessionStartResponse> start(SessionStartParams params, RequestOptions options);

  /** Opens a URL in the session's browser. */
  default CompletableFuture<SessionNavigateResponse> navigate(SessionNavigateParams params) {
    return navigate(params, RequestOptions.none());
  }

  /** Opens a URL in the session's browser, with options for this call only. */
  CompletableFuture<SessionNavigateResponse> navigate(SessionNavigateParams params, RequestOptions options);

  /** Streams {@code navigate}: progress events, then a {@code finished} event with the result. */
  default AsyncStreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params) {
    return navigateStreaming(params, RequestOptions.none());
  }

  /** Streams {@code navigate}, with options for this call only. */
  AsyncStreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params, RequestOptions options);

  /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned. A failed action in the browser is {@code data().result().success() == false}, not an exception. Not retried once the server may have acted on it. */
  default CompletableFuture<SessionActResponse> act(SessionActParams params) {
    return act(params, RequestOptions.none());
  }

  /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned, with options for this call only. */
  CompletableFuture<SessionActResponse> act(SessionActParams params, RequestOptions options);

  /** Streams {@code act}: progress events, then a {@code finished} event with the result. */
  default AsyncStreamResponse<StreamEvent> actStreaming(SessionActParams params) {
    return actStreaming(params, RequestOptions.none());
  }

  /** Streams {@code act}, with options for this call only. */
  AsyncStreamResponse<StreamEvent> actStreaming(SessionActParams params, RequestOptions options);

  /** Finds the actions on the page that match an instruction. */
  default CompletableFuture<SessionObserveResponse> observe(SessionObserveParams params) {
    return observe(params, RequestOptions.none());
  }

  /** Finds the actions on the page that match an instruction, with options for this call only. */
  CompletableFuture<SessionObserveResponse> observe(SessionObserveParams params, RequestOptions options);

  /** Streams {@code observe}: progress events, then a {@code finished} event with the result. */
  default AsyncStreamResponse<StreamEvent> observeStreaming(SessionObserveParams params) {
    return observeStreaming(params, RequestOptions.none());
  }

  /** Streams {@code observe}, with options for this call only. */
  AsyncStreamResponse<StreamEvent> observeStreaming(SessionObserveParams params, RequestOptions options);

  /** Extracts data from the page, shaped by a JSON Schema. */
  default CompletableFuture<SessionExtractResponse> extract(SessionExtractParams params) {
    return extract(params, RequestOptions.none());
  }

  /** Extracts data from the page, shaped by a JSON Schema, with options for this call only. */
  CompletableFuture<SessionExtractResponse> extract(SessionExtractParams params, RequestOptions options);

  /** Streams {@code extract}: progress events, then a {@code finished} event with the result. */
  default AsyncStreamResponse<StreamEvent> extractStreaming(SessionExtractParams params) {
    return extractStreaming(params, RequestOptions.none());
  }

  /** Streams {@code extract}, with options for this call only. */
  AsyncStreamResponse<StreamEvent> extractStreaming(SessionExtractParams params, RequestOptions options);

  /** Runs a multi-step agent. Can take minutes: the default HTTP timeout is 30 minutes. Not retried once the server may have acted on it. */
  default CompletableFuture<SessionExecuteAgentResponse> executeAgent(SessionExecuteAgentParams params) {
    return executeAgent(params, RequestOptions.none());
  }

  /** Runs a multi-step agent, with options for this call only. */
  CompletableFuture<SessionExecuteAgentResponse> executeAgent(SessionExecuteAgentParams params, RequestOptions options);

  /** Streams {@code executeAgent}: progress events, then a {@code finished} event with the result. */
  default AsyncStreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params) {
    return executeAgentStreaming(params, RequestOptions.none());
  }

  /** Streams {@code executeAgent}, with options for this call only. */
  AsyncStreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options);

  /** Returns the replay metrics of a session ({@code GET}). */
  default CompletableFuture<SessionReplayResponse> replay(SessionReplayParams params) {
    return replay(params, RequestOptions.none());
  }

  /** Returns the replay metrics of a session ({@code GET}), with options for this call only. */
  CompletableFuture<SessionReplayResponse> replay(SessionReplayParams params, RequestOptions options);

  /** Ends a session and releases its browser. Sends no body. */
  default CompletableFuture<SessionEndResponse> end(SessionEndParams params) {
    return end(params, RequestOptions.none());
  }

  /** Ends a session and releases its browser, with options for this call only. */
  CompletableFuture<SessionEndResponse> end(SessionEndParams params, RequestOptions options);

  /**
   * The operations of {@link SessionServiceAsync} completing with {@link HttpResponseFor}. For a
   * stream, the response completes when the stream starts; its {@code parse()} gives the stream.
   */
  interface WithRawResponse {
    /** Starts a browser session; its id is {@code data().sessionId()}, with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionStartResponse>> start(SessionStartParams params) {
      return start(params, RequestOptions.none());
    }

    /** Starts a browser session; its id is {@code data().sessionId()}, with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionStartResponse>> start(SessionStartParams params, RequestOptions options);

    /** Opens a URL in the session's browser, with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionNavigateResponse>> navigate(SessionNavigateParams params) {
      return navigate(params, RequestOptions.none());
    }

    /** Opens a URL in the session's browser, with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionNavigateResponse>> navigate(SessionNavigateParams params, RequestOptions options);

    /** Streams {@code navigate}: progress events, then a {@code finished} event with the result. */
    default CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> navigateStreaming(SessionNavigateParams params) {
      return navigateStreaming(params, RequestOptions.none());
    }

    /** Streams {@code navigate}, with options for this call only. */
    CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> navigateStreaming(SessionNavigateParams params, RequestOptions options);

    /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned, with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionActResponse>> act(SessionActParams params) {
      return act(params, RequestOptions.none());
    }

    /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned, with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionActResponse>> act(SessionActParams params, RequestOptions options);

    /** Streams {@code act}: progress events, then a {@code finished} event with the result. */
    default CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> actStreaming(SessionActParams params) {
      return actStreaming(params, RequestOptions.none());
    }

    /** Streams {@code act}, with options for this call only. */
    CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> actStreaming(SessionActParams params, RequestOptions options);

    /** Finds the actions on the page that match an instruction, with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionObserveResponse>> observe(SessionObserveParams params) {
      return observe(params, RequestOptions.none());
    }

    /** Finds the actions on the page that match an instruction, with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionObserveResponse>> observe(SessionObserveParams params, RequestOptions options);

    /** Streams {@code observe}: progress events, then a {@code finished} event with the result. */
    default CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> observeStreaming(SessionObserveParams params) {
      return observeStreaming(params, RequestOptions.none());
    }

    /** Streams {@code observe}, with options for this call only. */
    CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> observeStreaming(SessionObserveParams params, RequestOptions options);

    /** Extracts data from the page, shaped by a JSON Schema, with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionExtractResponse>> extract(SessionExtractParams params) {
      return extract(params, RequestOptions.none());
    }

    /** Extracts data from the page, shaped by a JSON Schema, with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionExtractResponse>> extract(SessionExtractParams params, RequestOptions options);

    /** Streams {@code extract}: progress events, then a {@code finished} event with the result. */
    default CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> extractStreaming(SessionExtractParams params) {
      return extractStreaming(params, RequestOptions.none());
    }

    /** Streams {@code extract}, with options for this call only. */
    CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> extractStreaming(SessionExtractParams params, RequestOptions options);

    /** Runs a multi-step agent, with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionExecuteAgentResponse>> executeAgent(SessionExecuteAgentParams params) {
      return executeAgent(params, RequestOptions.none());
    }

    /** Runs a multi-step agent, with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionExecuteAgentResponse>> executeAgent(SessionExecuteAgentParams params, RequestOptions options);

    /** Streams {@code executeAgent}: progress events, then a {@code finished} event with the result. */
    default CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> executeAgentStreaming(SessionExecuteAgentParams params) {
      return executeAgentStreaming(params, RequestOptions.none());
    }

    /** Streams {@code executeAgent}, with options for this call only. */
    CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options);

    /** Returns the replay metrics of a session ({@code GET}), with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionReplayResponse>> replay(SessionReplayParams params) {
      return replay(params, RequestOptions.none());
    }

    /** Returns the replay metrics of a session ({@code GET}), with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionReplayResponse>> replay(SessionReplayParams params, RequestOptions options);

    /** Ends a session and releases its browser, with the raw HTTP response. */
    default CompletableFuture<HttpResponseFor<SessionEndResponse>> end(SessionEndParams params) {
      return end(params, RequestOptions.none());
    }

    /** Ends a session and releases its browser, with options for this call only. */
    CompletableFuture<HttpResponseFor<SessionEndResponse>> end(SessionEndParams params, RequestOptions options);
  }
}
