package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.models.sessions.*;

/** The transport's description of each operation's call, made from its params. Not API. */
public final class Requests {
  private Requests() {}

  /** The transport's description of {@code start}. */
  public static ApiRequest of(SessionStartParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.START, null, params, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  /** The transport's description of {@code navigate}. */
  public static ApiRequest of(SessionNavigateParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.NAVIGATE, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(NavigateOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code act}. */
  public static ApiRequest of(SessionActParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.ACT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(ActOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code observe}. */
  public static ApiRequest of(SessionObserveParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.OBSERVE, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(ObserveOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code extract}. */
  public static ApiRequest of(SessionExtractParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.EXTRACT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(),
        params.options().flatMap(ExtractOptions::timeout).orElse(null));
  }

  /** The transport's description of {@code executeAgent}. */
  public static ApiRequest of(SessionExecuteAgentParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.EXECUTE_AGENT, params.id(), params, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  /** The transport's description of {@code replay}. */
  public static ApiRequest of(SessionReplayParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.REPLAY, params.id(), null, params.additionalHeaders(), params.additionalQueryParams(), null);
  }

  /** The transport's description of {@code end}. */
  public static ApiRequest of(SessionEndParams params) {
    Checks.notNull(params, "params");
    return ApiRequest.of(Endpoint.END, params.id(), params.additionalProperties().isEmpty() ? null : params,
        params.additionalHeaders(), params.additionalQueryParams(), null);
  }
}
