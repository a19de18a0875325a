package com.browserbase.stagehand.client;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.HttpResponseFor;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.internal.http.ApiRequest;
import com.browserbase.stagehand.internal.http.Endpoint;
import com.browserbase.stagehand.internal.http.HttpTransport;
import com.browserbase.stagehand.internal.http.Requests;
import com.browserbase.stagehand.internal.http.Responses;
import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.session.StartHook;
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
    return starts.start(params, sent -> transport.execute(Requests.of(sent), options, Responses.START));
  }

  @Override
  public SessionNavigateResponse navigate(SessionNavigateParams params, RequestOptions options) {
    return transport.execute(Requests.of(params), options, Responses.NAVIGATE);
  }

  @Override
  public StreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params, RequestOptions options) {
    return transport.stream(Requests.of(params), options, Responses.NAVIGATE);
  }

  @Override
  public SessionActResponse act(SessionActParams params, RequestOptions options) {
    return transport.execute(Requests.of(params), options, Responses.ACT);
  }

  @Override
  public StreamResponse<StreamEvent> actStreaming(SessionActParams params, RequestOptions options) {
    return transport.stream(Requests.of(params), options, Responses.ACT);
  }

  @Override
  public SessionObserveResponse observe(SessionObserveParams params, RequestOptions options) {
    return transport.execute(Requests.of(params), options, Responses.OBSERVE);
  }

  @Override
  public StreamResponse<StreamEvent> observeStreaming(SessionObserveParams params, RequestOptions options) {
    return transport.stream(Requests.of(params), options, Responses.OBSERVE);
  }

  @Override
  public SessionExtractResponse extract(SessionExtractParams params, RequestOptions options) {
    return transport.execute(Requests.of(params), options, Responses.EXTRACT);
  }

  @Override
  public StreamResponse<StreamEvent> extractStreaming(SessionExtractParams params, RequestOptions options) {
    return transport.stream(Requests.of(params), options, Responses.EXTRACT);
  }

  @Override
  public SessionExecuteAgentResponse executeAgent(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.execute(Requests.of(params), options, Responses.EXECUTE_AGENT);
  }

  @Override
  public StreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.stream(Requests.of(params), options, Responses.EXECUTE_AGENT);
  }

  @Override
  public SessionReplayResponse replay(SessionReplayParams params, RequestOptions options) {
    return transport.execute(Requests.of(params), options, Responses.REPLAY);
  }

  @Override
  public SessionEndResponse end(SessionEndParams params, RequestOptions options) {
    return transport.execute(Requests.of(params), options, Responses.END);
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
      return starts.start(params, sent -> transport.executeRaw(Requests.of(sent), options, Responses.START));
    }

    @Override
    public HttpResponseFor<SessionNavigateResponse> navigate(SessionNavigateParams params, RequestOptions options) {
      return transport.executeRaw(Requests.of(params), options, Responses.NAVIGATE);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> navigateStreaming(SessionNavigateParams params, RequestOptions options) {
      return transport.streamRaw(Requests.of(params), options, Responses.NAVIGATE);
    }

    @Override
    public HttpResponseFor<SessionActResponse> act(SessionActParams params, RequestOptions options) {
      return transport.executeRaw(Requests.of(params), options, Responses.ACT);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> actStreaming(SessionActParams params, RequestOptions options) {
      return transport.streamRaw(Requests.of(params), options, Responses.ACT);
    }

    @Override
    public HttpResponseFor<SessionObserveResponse> observe(SessionObserveParams params, RequestOptions options) {
      return transport.executeRaw(Requests.of(params), options, Responses.OBSERVE);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> observeStreaming(SessionObserveParams params, RequestOptions options) {
      return transport.streamRaw(Requests.of(params), options, Responses.OBSERVE);
    }

    @Override
    public HttpResponseFor<SessionExtractResponse> extract(SessionExtractParams params, RequestOptions options) {
      return transport.executeRaw(Requests.of(params), options, Responses.EXTRACT);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> extractStreaming(SessionExtractParams params, RequestOptions options) {
      return transport.streamRaw(Requests.of(params), options, Responses.EXTRACT);
    }

    @Override
    public HttpResponseFor<SessionExecuteAgentResponse> executeAgent(SessionExecuteAgentParams params, RequestOptions options) {
      return transport.executeRaw(Requests.of(params), options, Responses.EXECUTE_AGENT);
    }

    @Override
    public HttpResponseFor<StreamResponse<StreamEvent>> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options) {
      return transport.streamRaw(Requests.of(params), options, Responses.EXECUTE_AGENT);
    }

    @Override
    public HttpResponseFor<SessionReplayResponse> replay(SessionReplayParams params, RequestOptions options) {
      return transport.executeRaw(Requests.of(params), options, Responses.REPLAY);
    }

    @Override
    public HttpResponseFor<SessionEndResponse> end(SessionEndParams params, RequestOptions options) {
      return transport.executeRaw(Requests.of(params), options, Responses.END);
    }
  }
}
