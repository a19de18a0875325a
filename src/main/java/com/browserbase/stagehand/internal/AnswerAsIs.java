package com.browserbase.stagehand.internal;

import java.io.IOException;
import java.net.ProtocolException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;
import okio.Okio;

/**
 * Hands 408 and 503 answers to the SDK's retry loop as they are. Not API.
 *
 * <p>OkHttp resends a request by itself after a 408, or a 503 with {@code Retry-After: 0}, when its
 * body can be sent again: always for a {@code GET} such as {@code replay}. That resend ignores
 * {@code maxRetries}, its backoff and its logging. This network interceptor reads such an answer and
 * throws it inside a {@link ProtocolException}, which OkHttp never recovers from; the transport takes
 * the answer out again and decides under its own rules. The body is read here, before OkHttp's
 * transparent gzip decoding, so it is decoded here too.
 */
final class AnswerAsIs implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    if (response.code() != 408 && response.code() != 503) {
      return response;
    }
    Buffer body = new Buffer();
    okhttp3.MediaType contentType = response.body().contentType();
    try (ResponseBody original = response.body()) {
      BufferedSource source = original.source();
      if ("gzip".equalsIgnoreCase(response.header("Content-Encoding"))) {
        source = Okio.buffer(new GzipSource(source));
      }
      source.readAll(body);
    }
    throw new HeldAnswer(response.newBuilder()
        .removeHeader("Content-Encoding")
        .removeHeader("Content-Length")
        .body(ResponseBody.create(body.readByteString(), contentType))
        .build());
  }

  /** An answer held back from OkHttp's own follow-up logic. */
  static final class HeldAnswer extends ProtocolException {
    private static final long serialVersionUID = 1L;

    final transient Response response;

    HeldAnswer(Response response) {
      super("HTTP " + response.code());
      this.response = response;
    }
  }
}
