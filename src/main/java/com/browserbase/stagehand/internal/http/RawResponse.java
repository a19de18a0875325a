package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.http.HttpResponseFor;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.Response;

/** {@link HttpResponseFor} over a parser that runs once. Not API. */
final class RawResponse<T> implements HttpResponseFor<T> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final Supplier<T> parser;
  private final AutoCloseable resource;
  private T value;
  private boolean parsed;

  RawResponse(Response response, Supplier<T> parser, AutoCloseable resource) {
    this.statusCode = response.code();
    this.headers = Errors.headerMap(response.headers());
    this.parser = parser;
    this.resource = resource;
  }

  @Override
  public int statusCode() {
    return statusCode;
  }

  @Override
  public Map<String, List<String>> headers() {
    return headers;
  }

  @Override
  public synchronized T parse() {
    if (!parsed) {
      value = parser.get();
      parsed = true;
    }
    return value;
  }

  @Override
  public synchronized void close() {
    if (resource instanceof EventStream && !parsed) {
      ((EventStream) resource).release(); // never handed out: let a complete body keep its connection
    } else if (resource != null) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // closing a response body does not fail in a way the caller could act on
      }
    }
  }

  @Override
  public String toString() {
    return "HttpResponseFor{statusCode=" + statusCode + ", headers=" + headers.keySet() + "}";
  }
}
