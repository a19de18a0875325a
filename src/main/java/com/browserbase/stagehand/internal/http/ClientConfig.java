package com.browserbase.stagehand.internal.http;

import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The settled options of a client, as its transport uses them. Immutable. Not API. */
public final class ClientConfig {
  /** Where the sessions are, such as {@code https://api.stagehand.browserbase.com/v1/sessions}. */
  final HttpUrl sessionsUrl;
  /** The headers of every request: identification, the credentials that are set, then the user's. */
  final Headers headers;
  /** Retries of a failed call. */
  final int maxRetries;
  /** The HTTP timeout set by the user, or {@code null} for each operation's default. */
  final Duration timeout;
  /** How long to wait for a connection. */
  final Duration connectTimeout;
  /** Whether every response is validated. */
  final boolean responseValidation;
  /** The most bytes of one response body, or of the data of one event of a stream. */
  final long maxResponseBytes;

  /**
   * Settles the options: a credential that is {@code null} is not sent, and a header of {@code
   * extraHeaders} replaces the SDK's of the same name.
   */
  public ClientConfig(HttpUrl baseUrl, String browserbaseApiKey, String browserbaseProjectId, String modelApiKey,
      int maxRetries, Duration timeout, Duration connectTimeout, boolean responseValidation, Headers extraHeaders,
      long maxResponseBytes) {
    this.sessionsUrl = baseUrl.newBuilder().addPathSegments("v1/sessions").build();
    Headers.Builder headers = new Headers.Builder()
        .add("User-Agent", Version.USER_AGENT)
        .add("x-sdk-version", Version.SDK);
    if (browserbaseApiKey != null) {
      headers.add("x-bb-api-key", browserbaseApiKey);
    }
    if (browserbaseProjectId != null) {
      headers.add("x-bb-project-id", browserbaseProjectId);
    }
    if (modelApiKey != null) {
      headers.add("x-model-api-key", modelApiKey);
    }
    for (String name : extraHeaders.names()) {
      headers.removeAll(name);
      for (String value : extraHeaders.values(name)) {
        headers.add(name, value);
      }
    }
    this.headers = headers.build();
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.connectTimeout = connectTimeout;
    this.responseValidation = responseValidation;
    this.maxResponseBytes = maxResponseBytes;
  }
}
