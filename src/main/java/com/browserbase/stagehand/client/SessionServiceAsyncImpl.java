package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.internal.http.HttpTransport;
import com.browserbase.stagehand.internal.http.Requests;
import com.browserbase.stagehand.internal.http.Responses;
import com.browserbase.stagehand.internal.session.StartHook;
import com.browserbase.stagehand.models.sessions.*;
import com.browserbase.stagehand.services.SessionServiceAsync;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link SessionServiceAsync} over the shared transport. Not API. */
public final class SessionServiceAsyncImpl implements SessionServiceAsync {
  private final HttpTransport transport;
  private final StartHook starts;
  private final SessionHandles handles;
  private final SessionServiceAsync.WithRawResponse withRawResponse;

  /** Creates the service; every {@code start} goes through {@code starts}, every handle through {@code handles}. */
  public SessionServiceAsyncImpl(HttpTransport transport, StartHook starts, SessionHandles handles) {
    this.transport = transport;
    this.starts = starts;
    this.handles = handles;
    this.withRawResponse = new Raw(transport, starts);
  }

  @Override
  public CompletableFuture<StagehandSessionAsync> open(SessionStartParams params, RequestOptions options) {
    return handles.openAsync(params, options);
  }

  @Override
  public StagehandSessionAsync attach(String sessionId) {
    return handles.attach(sessionId).async;
  }

  @Override
  public List<StagehandSessionAsync> opened() {
    return handles.openedAsync();
  }

  @Override
  public Optional<StagehandSessionAsync> opened(String sessionId) {
    return handles.opened(sessionId).map(session -> session.async);
  }

  @Override
  public SessionServiceAsync.WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  @Override
  public CompletableFuture<SessionStartResponse> start(SessionStartParams params, RequestOptions options) {
    return starts.startAsync(params, sent -> transport.executeAsync(Requests.of(sent), options, Responses.START));
  }

  @Override
  public CompletableFuture<SessionNavigateResponse> navigate(SessionNavigateParams params, RequestOptions options) {
    return transport.executeAsync(Requests.of(params), options, Responses.NAVIGATE);
  }

  @Override
  public AsyncStreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params, RequestOptions options) {
    return transport.streamAsync(Requests.of(params), options, Responses.NAVIGATE);
  }

  @Override
  public CompletableFuture<SessionActResponse> act(SessionActParams params, RequestOptions options) {
    return transport.executeAsync(Requests.of(params), options, Responses.ACT);
  }

  @Override
  public AsyncStreamResponse<StreamEvent> actStreaming(SessionActParams params, RequestOptions options) {
    return transport.streamAsync(Requests.of(params), options, Responses.ACT);
  }

  @Override
  public CompletableFuture<SessionObserveResponse> observe(SessionObserveParams params, RequestOptions options) {
    return transport.executeAsync(Requests.of(params), options, Responses.OBSERVE);
  }

  @Override
  public AsyncStreamResponse<StreamEvent> observeStreaming(SessionObserveParams params, RequestOptions options) {
    return transport.streamAsync(Requests.of(params), options, Responses.OBSERVE);
  }

  @Override
  public CompletableFuture<SessionExtractResponse> extract(SessionExtractParams params, RequestOptions options) {
    return transport.executeAsync(Requests.of(params), options, Responses.EXTRACT);
  }

  @Override
  public AsyncStreamResponse<StreamEvent> extractStreaming(SessionExtractParams params, RequestOptions options) {
    return transport.streamAsync(Requests.of(params), options, Responses.EXTRACT);
  }

  @Override
  public CompletableFuture<SessionExecuteAgentResponse> executeAgent(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.executeAsync(Requests.of(params), options, Responses.EXECUTE_AGENT);
  }

  @Override
  public AsyncStreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.streamAsync(Requests.of(params), options, Responses.EXECUTE_AGENT);
  }

  @Override
  public CompletableFuture<SessionReplayResponse> replay(SessionReplayParams params, RequestOptions options) {
    return transport.executeAsync(Requests.of(params), options, Responses.REPLAY);
  }

  @Override
  public CompletableFuture<SessionEndResponse> end(SessionEndParams params, RequestOptions options) {
    return transport.executeAsync(Requests.of(params), options, Responses.END);
  }

  /** The raw-response view. */
  private static final class Raw implements SessionServiceAsync.WithRawResponse {
    private final HttpTransport transport;
    private final StartHook starts;

    Raw(HttpTransport transport, StartHook starts) {
      this.transport = transport;
      this.starts = starts;
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionStartResponse>> start(SessionStartParams params, RequestOptions options) {
      return starts.startAsync(params, sent -> transport.executeRawAsync(Requests.of(sent), options, Responses.START));
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionNavigateResponse>> navigate(SessionNavigateParams params, RequestOptions options) {
      return transport.executeRawAsync(Requests.of(params), options, Responses.NAVIGATE);
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> navigateStreaming(SessionNavigateParams params, RequestOptions options) {
      return transport.streamRawAsync(Requests.of(params), options, Responses.NAVIGATE);
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionActResponse>> act(SessionActParams params, RequestOptions options) {
      return transport.executeRawAsync(Requests.of(params), options, Responses.ACT);
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> actStreaming(SessionActParams params, RequestOptions options) {
      return transport.streamRawAsync(Requests.of(params), options, Responses.ACT);
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionObserveResponse>> observe(SessionObserveParams params, RequestOptions options) {
      return transport.executeRawAsync(Requests.of(params), options, Responses.OBSERVE);
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> observeStreaming(SessionObserveParams params, RequestOptions options) {
      return transport.streamRawAsync(Requests.of(params), options, Responses.OBSERVE);
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionExtractResponse>> extract(SessionExtractParams params, RequestOptions options) {
      return transport.executeRawAsync(Requests.of(params), options, Responses.EXTRACT);
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> extractStreaming(SessionExtractParams params, RequestOptions options) {
      return transport.streamRawAsync(Requests.of(params), options, Responses.EXTRACT);
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionExecuteAgentResponse>> executeAgent(SessionExecuteAgentParams params, RequestOptions options) {
      return transport.executeRawAsync(Requests.of(params), options, Responses.EXECUTE_AGENT);
    }

    @Override
    public CompletableFuture<HttpResponseFor<StreamResponse<StreamEvent>>> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options) {
      return transport.streamRawAsync(Requests.of(params), options, Responses.EXECUTE_AGENT);
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionReplayResponse>> replay(SessionReplayParams params, RequestOptions options) {
      return transport.executeRawAsync(Requests.of(params), options, Responses.REPLAY);
    }

    @Override
    public CompletableFuture<HttpResponseFor<SessionEndResponse>> end(SessionEndParams params, RequestOptions options) {
      return transport.executeRawAsync(Requests.of(params), options, Responses.END);
    }
  }
}
