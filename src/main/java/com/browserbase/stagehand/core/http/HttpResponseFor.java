package com.browserbase.stagehand.core.http;

import java.util.List;
import java.util.Map;

/**
 * A successful HTTP response with its status and headers, and the typed value it carries. From
 * {@code sessions().withRawResponse()}.
 *
 * <pre>{@code
 * HttpResponseFor<SessionStartResponse> raw = client.sessions().withRawResponse().start(params);
 * String requestId = raw.headers().get("x-request-id").get(0);
 * SessionStartResponse started = raw.parse();
 * }</pre>
 *
 * @param <T> the type {@link #parse()} returns
 */
public interface HttpResponseFor<T> extends AutoCloseable {
  /** The HTTP status code. */
  int statusCode();

  /** The response headers, keyed by lower-case name. */
  Map<String, List<String>> headers();

  /**
   * The value of the response, parsed on the first call (and validated when response validation is
   * on); later calls return the same value. For a stream, the {@link StreamResponse} to read.
   */
  T parse();

  /** Releases the response: needed only for a stream whose {@link #parse()} was never called. */
  @Override
  void close();
}
