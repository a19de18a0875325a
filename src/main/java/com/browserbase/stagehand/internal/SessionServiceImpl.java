package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.*;
import com.browserbase.stagehand.services.SessionService;
import java.util.List;
import java.util.Optional;

/** {@link SessionService} over the shared transport. Not API. */
public final class SessionServiceImpl implements SessionService {
  private final HttpTransport transport;
  private final StartHook starts;
  private final SessionHandles handles;
  private final SessionService.WithRawResponse withRawResponse;

  /** Creates the service; every {@code start} goes through {@code starts}, every handle through {@code handles}. */
  public SessionServiceImpl(HttpTransport transport, StartHook starts, SessionHandles handles) {
    this.transport = transport;
    this.starts = starts;
    this.handles = handles;
    this.withRawResponse = new Raw(transport, starts);
  }

  @Override
  public StagehandSession open(SessionStartParams params, RequestOptions options) {
    return handles.open(params, options);
  }

  @Override
  public StagehandSession attach(String sessionId) {
    return handles.attach(sessionId).sync;
  }

  @Override
  public List<StagehandSession> opened() {
    return handles.opened();
  }

  @Override
  public Optional<StagehandSession> opened(String sessionId) {
    return handles.opened(sessionId).map(session -> session.sync);
  }

  @Override
  public SessionService.WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  @Override
  public SessionStartResponse start(SessionStartParams params, RequestOptions options) {
    return starts.start(params, sent -> transport.execute(request(sent), options, Responses.START));
  }

  @Override
  public SessionNavigateResponse navigate(SessionNavigateParams params, RequestOptions options) {
    return transport.execute(request(params), options, Responses.NAVIGATE);
  }

  @Override
  public StreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params, RequestOptions options) {
    return transport.stream(request(params), options, Responses.NAVIGATE);
  }

  @Override
  public SessionActResponse act(SessionActParams params, RequestOptions options) {
    return transport.execute(request(params), options, Responses.ACT);
  }

  @Override
  public StreamResponse<StreamEvent> actStreaming(SessionActParams params, RequestOptions options) {
    return transport.stream(request(params), options, Responses.ACT);
  }

  @Override
  public SessionObserveResponse observe(SessionObserveParams params, RequestOptions options) {
    return transport.execute(request(params), options, Responses.OBSERVE);
  }

  @Override
  public StreamResponse<StreamEvent> observeStreaming(SessionObserveParams params, RequestOptions options) {
    return transport.stream(request(params), options, Responses.OBSERVE);
  }

  @Override
  public SessionExtractResponse extract(SessionExtractParams params, RequestOptions options) {
    return transport.execute(request(params), options, Responses.EXTRACT);
  }

  @Override
  public StreamResponse<StreamEvent> extractStreaming(SessionExtractParams params, RequestOptions options) {
    return transport.stream(request(params), options, Responses.EXTRACT);
  }

  @Override
  public SessionExecuteAgentResponse executeAgent(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.execute(request(params), options, Responses.EXECUTE_AGENT);
  }

  @Override
  public StreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.stream(request(params), options, Responses.EXECUTE_AGENT);
  }

  @Override
  public SessionReplayResponse replay(SessionReplayParams params, RequestOptions options) {
    return transport.execute(request(params), options, Responses.REPLAY);
  }

  @Override
  public SessionEndResponse end(SessionEndParams params, RequestOptions options) {
    return transport.execute(request(params), options, Responses.END);
  }

  /** The raw-response view. */
  private static final class Raw implements SessionService.WithRawResponse {
    private final HttpTransport transport;
    private final StartHook starts;

    Raw(HttpTransport transport, StartHook starts) {
      this.transport = transport;
      this.starts = starts;
    }

    @Override
    public HttpResponseFor<SessionStartResponse> start(SessionStartParams params, RequestOptions options) {
      return starts.start(params, sent -> transport.executeRaw(SessionServiceImpl.request(sent), options, Responses.START));
    }

    @Override
    public HttpResponseFor<SessionNavigateResponse> navigate(SessionNavigateParams params, RequestOptions options) {
      return transport.executeRaw(SessionServiceImpl.request(params), options, Responses.NAVIGATE);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> navigateStreaming(SessionNavigateParams params, RequestOptions options) {
      return transport.streamRaw(SessionServiceImpl.request(params), options, Responses.NAVIGATE);
    }

    @Override
    public HttpResponseFor<SessionActResponse> act(SessionActParams params, RequestOptions options) {
      return transport.executeRaw(SessionServiceImpl.request(params), options, Responses.ACT);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> actStreaming(SessionActParams params, RequestOptions options) {
      return transport.streamRaw(SessionServiceImpl.request(params), options, Responses.ACT);
    }

    @Override
    public HttpResponseFor<SessionObserveResponse> observe(SessionObserveParams params, RequestOptions options) {
      return transport.executeRaw(SessionServiceImpl.request(params), options, Responses.OBSERVE);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> observeStreaming(SessionObserveParams params, RequestOptions options) {
      return transport.streamRaw(SessionServiceImpl.request(params), options, Responses.OBSERVE);
    }

    @Override
    public HttpResponseFor<SessionExtractResponse> extract(SessionExtractParams params, RequestOptions options) {
      return transport.executeRaw(SessionServiceImpl.request(params), options, Responses.EXTRACT);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> extractStreaming(SessionExtractParams params, RequestOptions options) {
      return transport.streamRaw(SessionServiceImpl.request(params), options, Responses.EXTRACT);
    }

    @Override
    public HttpResponseFor<SessionExecuteAgentResponse> executeAgent(SessionExecuteAgentParams params, RequestOptions options) {
      return transport.executeRaw(SessionServiceImpl.request(params), options, Responses.EXECUTE_AGENT);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options) {
      return transport.streamRaw(SessionServiceImpl.request(params), options, Responses.EXECUTE_AGENT);
    }

    @Override
    public HttpResponseFor<SessionReplayResponse> replay(SessionReplayParams params, RequestOptions options) {
      return transport.executeRaw(SessionServiceImpl.request(params), options, Responses.REPLAY);
    }

    @Override
    public HttpResponseFor<SessionEndResponse> end(SessionEndParams params, RequestOptions options) {
      return transport.executeRaw(SessionServiceImpl.request(params), options, Responses.END);
    }
  }

  /** The transport's description of {@code start}. */
  static ApiRequest request(SessionStartParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.START, null, params, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  /** The transport's description of {@code navigate}. */
  static ApiRequest request(SessionNavigateParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.NAVIGATE, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(NavigateOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code act}. */
  static ApiRequest request(SessionActParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.ACT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(ActOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code observe}. */
  static ApiRequest request(SessionObserveParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.OBSERVE, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(ObserveOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code extract}. */
  static ApiRequest request(SessionExtractParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.EXTRACT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(ExtractOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code executeAgent}. */
  static ApiRequest request(SessionExecuteAgentParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.EXECUTE_AGENT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  /** The transport's description of {@code replay}. */
  static ApiRequest request(SessionReplayParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.REPLAY, params.id(), null, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  /** The transport's description of {@code end}. */
  static ApiRequest request(SessionEndParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.END, params.id(), params.additionalProperties().isEmpty() ? null : params,
        params.additionalHeaders(), params.additionalQueryParams(), null);
  }
}
