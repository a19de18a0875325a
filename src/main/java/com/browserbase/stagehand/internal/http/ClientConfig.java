package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.internal.runtime.ToString;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/** The settled options of a client. Immutable. Not API. */
public final class ClientConfig {
  /** Where the API is, such as {@code https://api.stagehand.browserbase.com}. */
  public final HttpUrl baseUrl;
  /** {@code x-bb-api-key}, or {@code null}. */
  public final String browserbaseApiKey;
  /** {@code x-bb-project-id}, or {@code null}. */
  public final String browserbaseProjectId;
  /** {@code x-model-api-key}, or {@code null}. */
  public final String modelApiKey;
  /** Retries of a failed call. */
  public final int maxRetries;
  /** The HTTP timeout set by the user, or {@code null} for each operation's default. */
  public final Duration timeout;
  /** How long to wait for a connection. */
  public final Duration connectTimeout;
  /** Whether every response is validated. */
  public final boolean responseValidation;
  /** Headers the user added to every request. */
  public final Headers extraHeaders;
  /** The most bytes of one response body, or of the data of one event of a stream. */
  public final long maxResponseBytes;

  /** Creates the configuration; see the fields. */
  public ClientConfig(
      HttpUrl baseUrl,
      String browserbaseApiKey,
      String browserbaseProjectId,
      String modelApiKey,
      int maxRetries,
      Duration timeout,
      Duration connectTimeout,
      boolean responseValidation,
      Headers extraHeaders,
      long maxResponseBytes) {
    this.baseUrl = baseUrl;
    this.browserbaseApiKey = browserbaseApiKey;
    this.browserbaseProjectId = browserbaseProjectId;
    this.modelApiKey = modelApiKey;
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.connectTimeout = connectTimeout;
    this.responseValidation = responseValidation;
    this.extraHeaders = extraHeaders;
    this.maxResponseBytes = maxResponseBytes;
  }

  /** The headers of every request: identification, credentials that are set, then the user's. */
  Headers baseHeaders() {
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
    return headers.build();
  }

  /** Shows the settings; credentials show only whether they are set. */
  @Override
  public String toString() {
    return ToString.of("ClientConfig")
        .add("baseUrl", baseUrl)
        .secret("browserbaseApiKey", browserbaseApiKey)
        .secret("browserbaseProjectId", browserbaseProjectId)
        .secret("modelApiKey", modelApiKey)
        .add("maxRetries", maxRetries)
        .add("timeout", timeout)
        .add("connectTimeout", connectTimeout)
        .add("responseValidation", responseValidation)
        .add("extraHeaders", extraHeaders.size() == 0 ? null : extraHeaders.names())
        .add("maxResponseBytes", maxResponseBytes)
        .toString();
  }
}
