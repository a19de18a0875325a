package com.browserbase.stagehand.core;

import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.Params;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of one call that override the client's: timeout, retries, response validation, the
 * server cache, extra headers and query parameters. Immutable.
 *
 * <pre>{@code
 * sessions.executeAgent(params, RequestOptions.builder().timeout(Duration.ofMinutes(45)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();
  /** The header that asks the hosted API to neither serve nor store a cached result. */
  private static final String CACHE_BYPASS_HEADER = "browserbase-cache-bypass";

  private final Duration timeout;
  private final Integer maxRetries;
  private final Boolean responseValidation;
  private final boolean cacheBypass;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> queryParams;

  private RequestOptions(Builder builder) {
    timeout = builder.timeout;
    maxRetries = builder.maxRetries;
    responseValidation = builder.responseValidation;
    cacheBypass = builder.cacheBypass;
    headers = Params.copyMulti(cacheBypass ? withCacheBypass(builder.headers) : builder.headers);
    queryParams = Params.copyMulti(builder.queryParams);
  }

  /** Options that change nothing: the client's settings apply. */
  public static RequestOptions none() {
    return NONE;
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The HTTP timeout of this call: the whole call for a blocking call, retries included; for a
   * stream, the longest wait for its answer and then between two events. A timeout is never retried.
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** How many times this call may be retried. */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /** Whether the response is validated against the expected shape. */
  public Optional<Boolean> responseValidation() {
    return Optional.ofNullable(responseValidation);
  }

  /** Whether this call bypasses the hosted API's cache of results; see {@link Builder#cacheBypass}. */
  public boolean cacheBypass() {
    return cacheBypass;
  }

  /** Extra headers of this call, including the one {@link #cacheBypass()} sends; never null. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** Extra query parameters of this call; never null. */
  public Map<String, List<String>> queryParams() {
    return queryParams;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries
        + ", responseValidation=" + responseValidation + ", cacheBypass=" + cacheBypass + ", headers=" + headers.keySet()
        + ", queryParams=" + queryParams.keySet() + "}";
  }

  /** The headers with exactly one cache-bypass header, whatever case a header put under that name had. */
  private static Map<String, List<String>> withCacheBypass(Map<String, List<String>> headers) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (headers != null) {
      for (Map.Entry<String, List<String>> header : headers.entrySet()) {
        if (!header.getKey().equalsIgnoreCase(CACHE_BYPASS_HEADER)) {
          result.put(header.getKey(), header.getValue());
        }
      }
    }
    result.put(CACHE_BYPASS_HEADER, Collections.singletonList("true"));
    return result;
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private Boolean responseValidation;
    private boolean cacheBypass;
    private Map<String, List<String>> headers;
    private Map<String, List<String>> queryParams;

    private Builder() {}

    /** The HTTP timeout of this call; must be positive. */
    public Builder timeout(Duration timeout) {
      Checks.notNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** How many times this call may be retried; 0 disables retries. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Checks.nonNegative(maxRetries, "maxRetries");
      return this;
    }

    /** Whether to validate the response against the expected shape. */
    public Builder responseValidation(boolean responseValidation) {
      this.responseValidation = responseValidation;
      return this;
    }

    /**
     * Whether this call bypasses the server-side cache of the hosted API (off by default). When on,
     * the call sends {@code browserbase-cache-bypass: true}, and the server neither answers from its
     * cache nor stores this result in it: for a page that changes, or to measure a real run. That
     * header then has this one value, even if {@link #putHeader} put another under its name.
     * Whether a call was answered from the cache shows in its response header {@code
     * browserbase-cache-status} ({@code HIT} or {@code MISS}), read through {@code
     * withRawResponse()}.
     */
    public Builder cacheBypass(boolean cacheBypass) {
      this.cacheBypass = cacheBypass;
      return this;
    }

    /** Adds a header sent with this call, after the client's and the params' headers. */
    public Builder putHeader(String name, String value) {
      headers = Params.put(headers, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Adds a query parameter sent with this call. */
    public Builder putQueryParam(String name, String value) {
      queryParams = Params.put(queryParams, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Builds the options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
