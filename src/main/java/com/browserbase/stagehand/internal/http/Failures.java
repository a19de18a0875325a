package com.browserbase.stagehand.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import okhttp3.Response;

/** Says what a network failure was, in words a person can act on. Not API. */
final class Failures {
  private Failures() {}

  /** Whether a timeout ended the attempt: the call's own, a read's, a write's or a connect's. */
  static boolean isTimeout(IOException failure) {
    return failure instanceof SocketTimeoutException
        || (failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage()));
  }

  /** Whether the failure is a connect timeout: the connection was never established. */
  static boolean isConnectTimeout(IOException failure) {
    String message = failure.getMessage();
    return failure instanceof SocketTimeoutException
        && message != null
        && message.toLowerCase(Locale.ROOT).contains("connect");
  }

  /**
   * The network failure behind a parse failure, or {@code null}. Jackson wraps an {@link
   * IOException} thrown by the stream inside a collection as a mapping error; that is still a
   * broken connection, not a malformed answer.
   */
  static IOException networkCause(JsonProcessingException parseFailure) {
    for (Throwable cause = parseFailure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException && !(cause instanceof JsonProcessingException)) {
        return (IOException) cause;
      }
    }
    return null;
  }

  /**
   * What went wrong, such as {@code unknown host api.example.com}, {@code connect timed out after
   * 10 s} or {@code no response within the 2 s timeout}.
   */
  static String describe(IOException failure, Exchange exchange) {
    String host = exchange.request.url().host();
    if (failure instanceof UnknownHostException || failure.getCause() instanceof UnknownHostException) {
      return "unknown host " + host;
    }
    if (isConnectTimeout(failure)) {
      return "connect timed out after " + duration(exchange.config.connectTimeout.toMillis());
    }
    if (failure instanceof ConnectException) {
      Throwable reason = failure.getCause() != null ? failure.getCause() : failure;
      return "could not connect to " + host + ":" + exchange.request.url().port() + " (" + text(reason) + ")";
    }
    if (isTimeout(failure)) {
      return "no response within the " + duration(exchange.timeoutMs) + " timeout";
    }
    return text(failure);
  }

  /** A throwable's message, or else its cause's, or else its type: never {@code null}. */
  static String text(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.trim().isEmpty()) {
        return message;
      }
    }
    return failure.getClass().getSimpleName();
  }

  /** {@code " (request id abc)"} when the response carried one, else empty. */
  static String requestId(Response response) {
    if (response == null) {
      return "";
    }
    String id = response.header("x-request-id");
    return id == null || id.isEmpty() ? "" : " (request id " + id + ")";
  }

  /** {@code 500 ms}, {@code 2 s}, {@code 1.5 s}, {@code 5 min}. */
  static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + " min";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    String seconds = String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    return (seconds.endsWith(".0") ? seconds.substring(0, seconds.length() - 2) : seconds) + " s";
  }

  /** {@code 1 event}, {@code 3 events}. */
  static String events(int count) {
    return count == 1 ? "1 event" : count + " events";
  }
}
