package com.browserbase.stagehand.services;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.*;
import java.util.List;
import java.util.Optional;

/**
 * The operations on browser sessions, one method per REST operation of the Stagehand API, each
 * with an overload taking {@link RequestOptions}. The {@code ...Streaming} methods return the
 * operation's progress as Server-Sent Events ({@code x-stream-response: true}), each event as it
 * arrives. Thread-safe.
 *
 * <p>Errors are unchecked: {@link com.browserbase.stagehand.errors.StagehandServiceException} and
 * its subclasses for error statuses, {@link com.browserbase.stagehand.errors.StagehandIoException}
 * for network failures and timeouts, {@link com.browserbase.stagehand.errors.SseException} for an
 * error event in a stream.
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
  /** The same operations returning the raw HTTP response (status, headers) with the parsed value. */
  WithRawResponse withRawResponse();

  /**
   * Starts a session and returns its handle, the easiest way to work with it. Close the handle
   * (try-with-resources) to end the session; {@link StagehandClient#close()} ends the ones left open.
   */
  default StagehandSession open(SessionStartParams params) {
    return open(params, RequestOptions.none());
  }

  /** Starts a session and returns its handle, with options for the start call only. */
  StagehandSession open(SessionStartParams params, RequestOptions options);

  /**
   * A handle for a session started elsewhere (by another client or process): closing it ends the
   * session. Returns the handle this client already has for that id, if any. Sends nothing.
   *
   * @throws IllegalArgumentException when {@code sessionId} is empty, {@code "."} or {@code ".."}
   */
  StagehandSession attach(String sessionId);

  /** The handles this client (or a client sharing its pools) opened or attached and that are not ended, oldest first. */
  List<StagehandSession> opened();

  /** The handle of {@code sessionId} among {@link #opened()}. */
  Optional<StagehandSession> opened(String sessionId);

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

  /** Streams {@code navigate}: progress events, then a {@code finished} event with the result. */
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

  /** Streams {@code act}: progress events, then a {@code finished} event with the result. */
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

  /** Streams {@code observe}: progress events, then a {@code finished} event with the result. */
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

  /** Streams {@code extract}: progress events, then a {@code finished} event with the result. */
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

  /** Streams {@code executeAgent}: progress events, then a {@code finished} event with the result. */
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

  /**
   * The operations of {@link SessionService} returning {@link HttpResponseFor}: status and headers,
   * and the value from {@code parse()}. A stream's response must be closed, or parsed and closed.
   */
  interface WithRawResponse {
    /** Starts a browser session; its id is {@code data().sessionId()}, with the raw HTTP response. */
    default HttpResponseFor<SessionStartResponse> start(SessionStartParams params) {
      return start(params, RequestOptions.none());
    }

    /** Starts a browser session; its id is {@code data().sessionId()}, with options for this call only. */
    HttpResponseFor<SessionStartResponse> start(SessionStartParams params, RequestOptions options);

    /** Opens a URL in the session's browser, with the raw HTTP response. */
    default HttpResponseFor<SessionNavigateResponse> navigate(SessionNavigateParams params) {
      return navigate(params, RequestOptions.none());
    }

    /** Opens a URL in the session's browser, with options for this call only. */
    HttpResponseFor<SessionNavigateResponse> navigate(SessionNavigateParams params, RequestOptions options);

    /** Streams {@code navigate}: progress events, then a {@code finished} event with the result. */
    default HttpResponseFor<StreamResponse<StreamEvent>> navigateStreaming(SessionNavigateParams params) {
      return navigateStreaming(params, RequestOptions.none());
    }

    /** Streams {@code navigate}, with options for this call only. */
    HttpResponseFor<StreamResponse<StreamEvent>> navigateStreaming(SessionNavigateParams params, RequestOptions options);

    /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned, with the raw HTTP response. */
    default HttpResponseFor<SessionActResponse> act(SessionActParams params) {
      return act(params, RequestOptions.none());
    }

    /** Performs one action, from an instruction or an {@link Action} that {@code observe} returned, with options for this call only. */
    HttpResponseFor<SessionActResponse> act(SessionActParams params, RequestOptions options);

    /** Streams {@code act}: progress events, then a {@code finished} event with the result. */
    default HttpResponseFor<StreamResponse<StreamEvent>> actStreaming(SessionActParams params) {
      return actStreaming(params, RequestOptions.none());
    }

    /** Streams {@code act}, with options for this call only. */
    HttpResponseFor<StreamResponse<StreamEvent>> actStreaming(SessionActParams params, RequestOptions options);

    /** Finds the actions on the page that match an instruction, with the raw HTTP response. */
    default HttpResponseFor<SessionObserveResponse> observe(SessionObserveParams params) {
      return observe(params, RequestOptions.none());
    }

    /** Finds the actions on the page that match an instruction, with options for this call only. */
    HttpResponseFor<SessionObserveResponse> observe(SessionObserveParams params, RequestOptions options);

    /** Streams {@code observe}: progress events, then a {@code finished} event with the result. */
    default HttpResponseFor<StreamResponse<StreamEvent>> observeStreaming(SessionObserveParams params) {
      return observeStreaming(params, RequestOptions.none());
    }

    /** Streams {@code observe}, with options for this call only. */
    HttpResponseFor<StreamResponse<StreamEvent>> observeStreaming(SessionObserveParams params, RequestOptions options);

    /** Extracts data from the page, shaped by a JSON Schema, with the raw HTTP response. */
    default HttpResponseFor<SessionExtractResponse> extract(SessionExtractParams params) {
      return extract(params, RequestOptions.none());
    }

    /** Extracts data from the page, shaped by a JSON Schema, with options for this call only. */
    HttpResponseFor<SessionExtractResponse> extract(SessionExtractParams params, RequestOptions options);

    /** Streams {@code extract}: progress events, then a {@code finished} event with the result. */
    default HttpResponseFor<StreamResponse<StreamEvent>> extractStreaming(SessionExtractParams params) {
      return extractStreaming(params, RequestOptions.none());
    }

    /** Streams {@code extract}, with options for this call only. */
    HttpResponseFor<StreamResponse<StreamEvent>> extractStreaming(SessionExtractParams params, RequestOptions options);

    /** Runs a multi-step agent, with the raw HTTP response. */
    default HttpResponseFor<SessionExecuteAgentResponse> executeAgent(SessionExecuteAgentParams params) {
      return executeAgent(params, RequestOptions.none());
    }

    /** Runs a multi-step agent, with options for this call only. */
    HttpResponseFor<SessionExecuteAgentResponse> executeAgent(SessionExecuteAgentParams params, RequestOptions options);

    /** Streams {@code executeAgent}: progress events, then a {@code finished} event with the result. */
    default HttpResponseFor<StreamResponse<StreamEvent>> executeAgentStreaming(SessionExecuteAgentParams params) {
      return executeAgentStreaming(params, RequestOptions.none());
    }

    /** Streams {@code executeAgent}, with options for this call only. */
    HttpResponseFor<StreamResponse<StreamEvent>> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options);

    /** Returns the replay metrics of a session ({@code GET}), with the raw HTTP response. */
    default HttpResponseFor<SessionReplayResponse> replay(SessionReplayParams params) {
      return replay(params, RequestOptions.none());
    }

    /** Returns the replay metrics of a session ({@code GET}), with options for this call only. */
    HttpResponseFor<SessionReplayResponse> replay(SessionReplayParams params, RequestOptions options);

    /** Ends a session and releases its browser, with the raw HTTP response. */
    default HttpResponseFor<SessionEndResponse> end(SessionEndParams params) {
      return end(params, RequestOptions.none());
    }

    /** Ends a session and releases its browser, with options for this call only. */
    HttpResponseFor<SessionEndResponse> end(SessionEndParams params, RequestOptions options);
  }
}
