package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.internal.runtime.KnownSecrets;
import com.browserbase.stagehand.internal.runtime.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logical call and its attempts. After each attempt it says what to do next: deliver the
 * response, retry after a delay, or fail. The blocking and the asynchronous transport both drive
 * this one retry loop; only how they wait differs. Not API.
 *
 * <p>A blocking call's timeout bounds the whole call, retries and their waits included: each attempt
 * gets what is left, and a retry that would start after the deadline is not made. A stream's
 * timeout bounds each wait for the server instead (its answer, then each event).
 *
 * <p>It tells the call's {@link CallTrace} of each attempt, answer and retry; the transport (or the call's stream)
 * reports its end.
 */
final class Exchange {
  static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.http");
  /** Pooled connections found too old in a row before the call gives up: a bound, never reached in practice. */
  private static final int MAX_STALE_CONNECTIONS = 64;

  /**
   * What to do after an attempt: deliver the {@link #response}, raise the {@link #failure}, send
   * again at once because nothing was sent ({@link #resend}), or else retry after {@link
   * #retryDelayMs}.
   */
  static final class Step {
    private static final Step RESEND = new Step(null, null, 0, true);

    final Response response;
    final StagehandException failure;
    final long retryDelayMs;
    final boolean resend;

    private Step(Response response, StagehandException failure, long retryDelayMs, boolean resend) {
      this.response = response;
      this.failure = failure;
      this.retryDelayMs = retryDelayMs;
      this.resend = resend;
    }
  }

  /** The call as the services described it: its endpoint, and the model its body was written from. */
  private final ApiRequest apiRequest;
  final Request request;
  private final OkHttpClient http;
  final boolean streaming;
  /** The HTTP timeout: of the whole call when blocking, of each wait when streaming. */
  final long timeoutMs;
  private final int maxRetries;
  private final RetryPolicy retryPolicy;
  /** The client's state (a closing client's own view, for the calls that end its sessions). */
  final ClientState state;
  final ClientConfig config;
  /** The call's events. */
  final CallTrace trace;
  private final long start = System.nanoTime();
  private int attempts;
  private int retries;
  private int staleConnections;
  /** The attempt in flight, so that cancelling the call's future can cancel it. */
  private volatile Call current;
  private volatile boolean cancelled;
  /** The call's secrets, collected the first time a log line or an exception needs them. */
  private volatile KnownSecrets secrets;

  Exchange(ApiRequest apiRequest, Request request, OkHttpClient http, boolean streaming, long timeoutMs, int maxRetries,
      RetryPolicy retryPolicy, ClientState state, ClientConfig config, CallTrace trace) {
    this.apiRequest = apiRequest;
    this.request = request;
    this.http = http;
    this.streaming = streaming;
    this.timeoutMs = timeoutMs;
    this.maxRetries = maxRetries;
    this.retryPolicy = retryPolicy;
    this.state = state;
    this.config = config;
    this.trace = trace;
  }

  /** Whether the client was closed: a failure is then its cancellation. */
  boolean clientClosed() {
    return state.isClosed();
  }

  /** {@code POST /v1/sessions/abc/act}, for logs and messages; built only when one needs it. */
  String description() {
    return request.method() + " " + request.url().encodedPath();
  }

  /**
   * The secrets this call knows ({@link CallSecrets}): its credential headers (the client's keys) and
   * its body's secrets (its variables' values). Collected once, when first asked for: a call that
   * logs no body and fails with no error never pays for it.
   */
  KnownSecrets secrets() {
    KnownSecrets known = secrets;
    if (known == null) {
      known = CallSecrets.of(request, apiRequest.body);
      secrets = known; // a race makes the same value twice
    }
    return known;
  }

  /** {@code text} with this call's secrets and the secret-looking parameters of URLs masked, for a message. */
  String mask(String text) {
    return Redactor.mask(text, secrets());
  }

  /** The next attempt's call, tracked by the client and bounded by what is left of a blocking call's time. */
  Call newCall() {
    Call call = http.newCall(request);
    if (!streaming) {
      long timeout = attempts++ == 0 ? timeoutMs : Math.max(1, remainingMs());
      call.timeout().timeout(timeout, TimeUnit.MILLISECONDS);
    }
    trace.sent();
    current = call;
    state.track(call);
    if (cancelled) {
      call.cancel();
    }
    return call;
  }

  /** The call is over: its response was read, handed on, or failed. */
  void done(Call call) {
    state.untrack(call);
  }

  /** Cancels the attempt in flight and every later one (the caller gave up on the call). */
  void cancel() {
    cancelled = true;
    trace.failsAs(CallOutcome.CANCELLED);
    Call call = current;
    if (call != null) {
      call.cancel();
    }
  }

  /** The step that ends a call before its next attempt, or {@code null} when it may go on. */
  Step beforeAttempt(boolean callerThread) {
    return stopped(null, callerThread);
  }

  /**
   * The failure of a call whose client was closed, or whose caller gave up (its thread, which ran
   * the attempt, is interrupted); else {@code null}. {@code failure} is {@code null} before an attempt.
   */
  private Step stopped(IOException failure, boolean callerThread) {
    if (state.isClosed()) {
      trace.failsAs(CallOutcome.CANCELLED);
      return fail(new StagehandIoException(description() + " was cancelled: the client was closed",
          failure != null ? failure : new InterruptedIOException("client closed")));
    }
    if (callerThread && Thread.currentThread().isInterrupted()) {
      return fail(interrupted(failure != null ? failure : new InterruptedIOException("interrupted")));
    }
    return null;
  }

  /** Decides after an answer. An error answer is read and closed here. */
  Step onResponse(Response response) {
    trace.answered(response.code());
    if (response.isSuccessful()) {
      logCall(response.code());
      return new Step(response, null, -1, false);
    }
    String errorBody = readAndClose(response);
    RetryPolicy.Retry retry =
        retryPolicy.onStatus(apiRequest.endpoint, response.code(), response.headers(), retries, maxRetries);
    if (retry != null && fitsDeadline(retry.delayMs)) {
      return retry(retry, response.code(), null);
    }
    logCall(response.code());
    HttpTransport.traceBody(this, "error response", errorBody);
    return fail(Errors.toException(response, errorBody, this));
  }

  /**
   * Decides after a network failure: of the call, or of reading the body of {@code response} (else
   * {@code null}). {@code callerThread}: whether the caller's own thread ran the attempt, so that its
   * interrupt flag says whether the caller gave up.
   */
  Step onFailure(IOException heldFailure, Response response, boolean callerThread) {
    Object outcome = NoHiddenResend.unwrap(heldFailure);
    if (outcome instanceof Response) {
      return onResponse((Response) outcome);
    }
    IOException failure = (IOException) outcome;
    Step stopped = stopped(failure, callerThread);
    if (stopped != null) {
      return stopped;
    }
    if (cancelled || (current != null && current.isCanceled() && !Failures.isTimeout(failure))) {
      trace.failsAs(CallOutcome.CANCELLED);
      return fail(new StagehandIoException(description() + " was cancelled", failure));
    }
    if (failure instanceof IdleConnectionGuard.StaleConnectionException
        && staleConnections++ < MAX_STALE_CONNECTIONS) {
      LOG.debug("Sending {} again on a new connection: {}", description(), failure.getMessage());
      trace.notSent();
      return Step.RESEND; // nothing was sent: not a retry
    }
    RetryPolicy.Retry retry = retryPolicy.onFailure(apiRequest.endpoint, failure, retries, maxRetries);
    if (retry != null && fitsDeadline(retry.delayMs)) {
      return retry(retry, null, failure);
    }
    LOG.debug("{} failed after {} ms and {}: {}", description(), elapsedMs(), retriesText(), failure.toString());
    return fail(new StagehandIoException(description() + " failed: " + Failures.describe(failure, this)
        + Failures.requestId(response), failure));
  }

  /** The exception of a call its caller interrupted; the cause is always an {@link InterruptedIOException}. */
  StagehandIoException interrupted(IOException failure) {
    InterruptedIOException cause;
    if (failure instanceof InterruptedIOException && !Failures.isTimeout(failure)) {
      cause = (InterruptedIOException) failure;
    } else {
      cause = new InterruptedIOException("interrupted");
      cause.initCause(failure);
    }
    LOG.debug("{} was interrupted after {} ms", description(), elapsedMs());
    trace.failsAs(CallOutcome.CANCELLED);
    return new StagehandIoException(description() + " was interrupted", cause);
  }

  private Step fail(StagehandException failure) {
    return new Step(null, failure, -1, false);
  }

  /** A retry after an answer with {@code status}, or after a network {@code failure}. */
  private Step retry(RetryPolicy.Retry retry, Integer status, IOException failure) {
    retries++;
    trace.retryScheduled(retries, retry.delayMs, status, failure);
    LOG.debug("Retrying {} in {} ms (retry {} of {}): {}", description(), retry.delayMs, retries, maxRetries, retry.reason);
    return new Step(null, null, retry.delayMs, false);
  }

  /** Whether a retry after {@code delayMs} still starts before a blocking call's deadline. */
  private boolean fitsDeadline(long delayMs) {
    return streaming || delayMs < remainingMs();
  }

  private long remainingMs() {
    return timeoutMs - elapsedMs();
  }

  /**
   * The text of an error body. Only its first {@code maxResponseBytes} are read: the status says what
   * happened, and a body longer than the bound is cut to it rather than held whole.
   */
  private String readAndClose(Response response) {
    try (ResponseBody body = response.body()) {
      MediaType type = body.contentType();
      Charset charset = type != null ? type.charset(StandardCharsets.UTF_8) : StandardCharsets.UTF_8;
      BufferedSource source = body.source();
      long max = config.maxResponseBytes;
      if (source.request(max + 1)) {
        LOG.debug("The error body of {} is longer than maxResponseBytes ({} bytes): cut to that", description(), max);
        return source.getBuffer().readString(max, charset);
      }
      return source.readString(charset);
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
