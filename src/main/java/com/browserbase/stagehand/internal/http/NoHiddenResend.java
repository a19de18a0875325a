package com.browserbase.stagehand.internal.http;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;

/**
 * Keeps OkHttp from sending a request again by itself once it may have reached the server, so that
 * every such resend is the retry loop's, under {@code maxRetries}, its rules, backoff and logging.
 * Not API.
 *
 * <p>OkHttp resends a request whose body can be sent again (always a {@code GET} such as {@code
 * replay}) after a 408, after a 503 with {@code Retry-After: 0}, and after a connection failure while
 * sending it or waiting for its answer. This network interceptor hands each of those to the transport
 * inside a {@link ProtocolException}, which OkHttp never recovers from; {@link #unwrap} takes the
 * answer or the failure out again. What OkHttp still does on its own is only what cannot have reached
 * the server: trying another route while connecting, and moving a request off an HTTP/2 connection
 * that was shut down before the request was written. An answer is read here, before OkHttp's
 * transparent gzip decoding, so it is decoded here too.
 */
final class NoHiddenResend implements Interceptor {
  /** OkHttp's signal that an HTTP/2 connection was shut down before the request went out. */
  private static final String NOT_SENT = "okhttp3.internal.http2.ConnectionShutdownException";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      if (e.getClass().getName().equals(NOT_SENT)) {
        throw e;
      }
      throw new Held(null, e);
    }
    if (response.code() != 408 && response.code() != 503) {
      return response;
    }
    throw new Held(buffered(response), null);
  }

  private static Response buffered(Response response) throws IOException {
    Buffer body = new Buffer();
    MediaType contentType = response.body().contentType();
    try (ResponseBody original = response.body()) {
      BufferedSource source = original.source();
      if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
        source = Okio.buffer(new GzipSource(source));
      }
      source.readAll(body);
    }
    return response.newBuilder()
        .removeHeader("Content-Encoding")
        .removeHeader("Content-Length")
        .body(ResponseBody.create(body.readByteString(), contentType))
        .build();
  }

  /**
   * The answer ({@link Response}) or the failure ({@link IOException}) an attempt really ended with:
   * what {@code failure} holds when this interceptor held it back from OkHttp, else {@code failure}.
   */
  static Object unwrap(IOException failure) {
    if (failure instanceof Held) {
      Held held = (Held) failure;
      return held.answer != null ? held.answer : held.failure;
    }
    return failure;
  }

  /** An answer or a failure held back from OkHttp's own follow-ups and recovery. */
  static final class Held extends ProtocolException {
    private static final long serialVersionUID = 1L;

    final transient Response answer;
    final IOException failure;

    Held(Response answer, IOException failure) {
      super(answer != null ? "HTTP " + answer.code() : Failures.text(failure));
      this.answer = answer;
      this.failure = failure;
      if (failure != null) {
        initCause(failure);
      }
    }
  }
}
