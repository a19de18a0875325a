package com.browserbase.stagehand.core;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Params;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of one call that override the client's: timeout, retries, response validation, extra
 * headers and query parameters. Immutable.
 *
 * <pre>{@code
 * sessions.executeAgent(params, RequestOptions.builder().timeout(Duration.ofMinutes(45)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final Duration timeout;
  private final Integer maxRetries;
  private final Boolean responseValidation;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> queryParams;

  private RequestOptions(Builder builder) {
    timeout = builder.timeout;
    maxRetries = builder.maxRetries;
    responseValidation = builder.responseValidation;
    headers = Params.copyMulti(builder.headers);
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

  /** Extra headers of this call; never null. */
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
        + ", responseValidation=" + responseValidation + ", headers=" + headers.keySet()
        + ", queryParams=" + queryParams.keySet() + "}";
  }

  /** Builds {@link RequestOptions}. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private Boolean responseValidation;
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
