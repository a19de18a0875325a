package com.browserbase.stagehand.errors;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an HTTP error status. Subclasses name the status class; this base class
 * carries what every error has: the status, the response headers, the raw body and the readable
 * message the server put in it.
 *
 * <p>{@link #getMessage()} reads like {@code 404 Not Found: Session not found (POST
 * /v1/sessions/abc/act)}; {@link #message()} is only the server's part.
 */
public class StagehandServiceException extends StagehandException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final String body;
  private final String message;
  private final String code;

  /**
   * Creates the exception for one error response from what its accessors return (headers keyed by
   * lower-case name, the body empty when there was none, {@code code} possibly {@code null});
   * {@code summary} is the full exception message.
   */
  public StagehandServiceException(int statusCode, Map<String, List<String>> headers, String body, String message,
      String code, String summary) {
    super(summary);
    this.statusCode = statusCode;
    this.headers = headers != null ? headers : Collections.<String, List<String>>emptyMap();
    this.body = body != null ? body : "";
    this.message = message;
    this.code = code;
  }

  /** The HTTP status code of the response. */
  public int statusCode() {
    return statusCode;
  }

  /** The response headers, keyed by lower-case name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a response header, matched without regard to case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.<String>empty() : Optional.of(values.get(0));
  }

  /** The raw response body (JSON, HTML from a proxy, or empty). */
  public String body() {
    return body;
  }

  /** The server's readable message, taken from whatever form of error body it sent. */
  public String message() {
    return message;
  }

  /** The server's machine-readable error code, when the body carried one. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }
}
