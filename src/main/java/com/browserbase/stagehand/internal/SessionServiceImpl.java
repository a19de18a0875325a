package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.*;
import com.browserbase.stagehand.services.SessionService;

/** {@link SessionService} over the shared transport. Not API. */
public final class SessionServiceImpl implements SessionService {
  private final HttpTransport transport;

  /** Creates the service. */
  public SessionServiceImpl(HttpTransport transport) {
    this.transport = transport;
  }

  @Override
  public SessionStartResponse start(SessionStartParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionStartResponse.class, SessionStartResponse::validate);
  }

  @Override
  public SessionNavigateResponse navigate(SessionNavigateParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionNavigateResponse.class, SessionNavigateResponse::validate);
  }

  @Override
  public StreamResponse<StreamEvent> navigateStreaming(SessionNavigateParams params, RequestOptions options) {
    return transport.stream(request(params), options);
  }

  @Override
  public SessionActResponse act(SessionActParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionActResponse.class, SessionActResponse::validate);
  }

  @Override
  public StreamResponse<StreamEvent> actStreaming(SessionActParams params, RequestOptions options) {
    return transport.stream(request(params), options);
  }

  @Override
  public SessionObserveResponse observe(SessionObserveParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionObserveResponse.class, SessionObserveResponse::validate);
  }

  @Override
  public StreamResponse<StreamEvent> observeStreaming(SessionObserveParams params, RequestOptions options) {
    return transport.stream(request(params), options);
  }

  @Override
  public SessionExtractResponse extract(SessionExtractParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionExtractResponse.class, SessionExtractResponse::validate);
  }

  @Override
  public StreamResponse<StreamEvent> extractStreaming(SessionExtractParams params, RequestOptions options) {
    return transport.stream(request(params), options);
  }

  @Override
  public SessionExecuteAgentResponse executeAgent(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionExecuteAgentResponse.class, SessionExecuteAgentResponse::validate);
  }

  @Override
  public StreamResponse<StreamEvent> executeAgentStreaming(SessionExecuteAgentParams params, RequestOptions options) {
    return transport.stream(request(params), options);
  }

  @Override
  public SessionReplayResponse replay(SessionReplayParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionReplayResponse.class, SessionReplayResponse::validate);
  }

  @Override
  public SessionEndResponse end(SessionEndParams params, RequestOptions options) {
    return transport.execute(request(params), options, SessionEndResponse.class, SessionEndResponse::validate);
  }

  static ApiRequest request(SessionStartParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.START, null, params, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  static ApiRequest request(SessionNavigateParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.NAVIGATE, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(), params.options().flatMap(NavigateOptions::timeout).orElse(null));
  }

  static ApiRequest request(SessionActParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.ACT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(), params.options().flatMap(ActOptions::timeout).orElse(null));
  }

  static ApiRequest request(SessionObserveParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.OBSERVE, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(), params.options().flatMap(ObserveOptions::timeout).orElse(null));
  }

  static ApiRequest request(SessionExtractParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.EXTRACT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(), params.options().flatMap(ExtractOptions::timeout).orElse(null));
  }

  static ApiRequest request(SessionExecuteAgentParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.EXECUTE_AGENT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  static ApiRequest request(SessionReplayParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.REPLAY, params.id(), null, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  static ApiRequest request(SessionEndParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.END, params.id(), params.additionalProperties().isEmpty() ? null : params, params.additionalHeaders(), params.additionalQueryParams(), null);
  }
}
