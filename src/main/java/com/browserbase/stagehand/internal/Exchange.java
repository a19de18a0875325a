package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandIoException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical call and its attempts. After each attempt it says what to do next: deliver the
 * response, retry after a delay, or fail. The blocking and the asynchronous transport both drive
 * this one retry loop; only how they wait differs. Not API.
 */
final class Exchange {
  static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.http");

  /** What to do after an attempt: exactly one of the three is set. */
  static final class Step {
    final Response response;
    final StagehandException failure;
    final long retryDelayMs;

    private Step(Response response, StagehandException failure, long retryDelayMs) {
      this.response = response;
      this.failure = failure;
      this.retryDelayMs = retryDelayMs;
    }
  }

  final Request request;
  private final OkHttpClient http;
  private final long callTimeoutMs;
  private final Endpoint endpoint;
  private final int maxRetries;
  private final RetryPolicy retryPolicy;
  private final long start = System.nanoTime();
  private int retries;
  /** The attempt in flight, so that cancelling the call's future can cancel it. */
  volatile Call current;

  Exchange(Request request, OkHttpClient http, long callTimeoutMs, Endpoint endpoint, int maxRetries,
      RetryPolicy retryPolicy) {
    this.request = request;
    this.http = http;
    this.callTimeoutMs = callTimeoutMs;
    this.endpoint = endpoint;
    this.maxRetries = maxRetries;
    this.retryPolicy = retryPolicy;
  }

  /** {@code POST /v1/sessions/abc/act}, for logs and messages; built only when one needs it. */
  String description() {
    return request.method() + " " + request.url().encodedPath();
  }

  /** A new call for the next attempt; a timeout of 0 means none. */
  Call newCall() {
    Call call = http.newCall(request);
    call.timeout().timeout(callTimeoutMs, TimeUnit.MILLISECONDS);
    current = call;
    return call;
  }

  /** Decides after an answer. An error answer is read and closed here. */
  Step onResponse(Response response) {
    if (response.isSuccessful()) {
      logCall(response.code());
      return new Step(response, null, -1);
    }
    String body = readAndClose(response);
    RetryPolicy.Retry retry = retryPolicy.onStatus(endpoint, response.code(), response.headers(), retries, maxRetries);
    if (retry != null) {
      return retry(retry);
    }
    logCall(response.code());
    HttpTransport.traceBody("error response", body);
    return new Step(null, Errors.toException(response.code(), response.message(), response.headers(), body,
        request.method(), request.url().encodedPath()), -1);
  }

  /** Decides after a network failure. */
  Step onFailure(IOException failure) {
    RetryPolicy.Retry retry = retryPolicy.onFailure(endpoint, failure, retries, maxRetries);
    if (retry != null) {
      return retry(retry);
    }
    LOG.debug("{} failed after {} ms and {}: {}", description(), elapsedMs(), retriesText(), failure.toString());
    return new Step(null, new StagehandIoException(description() + " failed: " + failure.getMessage(), failure), -1);
  }

  private Step retry(RetryPolicy.Retry retry) {
    retries++;
    LOG.debug("Retrying {} in {} ms (retry {} of {}): {}", description(), retry.delayMs, retries, maxRetries, retry.reason);
    return new Step(null, null, retry.delayMs);
  }

  private static String readAndClose(Response response) {
    try (ResponseBody body = response.body()) {
      return body.string();
    } catch (IOException e) {
      return "";
    }
  }

  private void logCall(int status) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} -> {} ({} ms, {})", description(), status, elapsedMs(), retriesText());
    }
  }

  private long elapsedMs() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private String retriesText() {
    return retries == 1 ? "1 retry" : retries + " retries";
  }
}
