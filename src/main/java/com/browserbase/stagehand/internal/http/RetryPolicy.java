package com.browserbase.stagehand.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;

/**
 * Decides whether a failed attempt is retried and after how long. Not API.
 *
 * <p>Retried: connection failures and 408, 409, 429 and 5xx answers, with capped exponential backoff
 * and jitter, or after the server's {@code retry-after-ms} / {@code Retry-After}. An operation with
 * side effects is retried only when the server cannot have acted on it: the connection was never
 * established, or the answer was 429 or 503. {@code x-should-retry} from the server overrides the
 * status rules. A {@code Retry-After} longer than {@link #MAX_RETRY_AFTER} is not waited for.
 *
 * <p>A timeout is never retried, whatever the operation and whether it streams: the timeout is the
 * longest the caller agreed to wait for an answer (or, on a stream, for the next event), and a retry
 * would make it wait that long again. Only a connect timeout, which means no connection was ever
 * made, counts as a connection failure.
 */
public final class RetryPolicy {
  /** The longest server-requested wait the SDK honours; a longer one raises the error instead. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final long INITIAL_BACKOFF_MS = 500;
  private static final long MAX_BACKOFF_MS = 8_000;

  private final Clock clock;

  /** Creates a policy reading HTTP dates against {@code clock}. */
  public RetryPolicy(Clock clock) {
    this.clock = clock;
  }

  /** A retry decision: wait {@link #delayMs} then try again, for {@link #reason}. */
  public static final class Retry {
    /** How long to wait before the next attempt. */
    public final long delayMs;
    /** Why the attempt is retried, for the log. */
    public final String reason;

    Retry(long delayMs, String reason) {
      this.delayMs = delayMs;
      this.reason = reason;
    }
  }

  /** Decides on an error status, {@code retriesDone} retries into the call: the retry, or {@code null}. */
  public Retry onStatus(Endpoint endpoint, int status, Headers headers, int retriesDone, int maxRetries) {
    if (retriesDone >= maxRetries) {
      return null;
    }
    boolean byStatus = endpoint.sideEffects
        ? status == 429 || status == 503
        : status == 408 || status == 409 || status == 429 || status >= 500;
    String shouldRetry = headers.get("x-should-retry"); // the server's word overrides the status rules
    boolean retry = "true".equalsIgnoreCase(shouldRetry) || (byStatus && !"false".equalsIgnoreCase(shouldRetry));
    if (!retry) {
      return null;
    }
    Long serverDelay = retryAfterMs(headers);
    if (serverDelay != null && serverDelay > MAX_RETRY_AFTER.toMillis()) {
      return null;
    }
    long delay = serverDelay != null ? serverDelay : backoffMs(retriesDone);
    return new Retry(delay, "HTTP " + status);
  }

  /** Decides on a network failure: the retry, or {@code null} to raise the failure. */
  public Retry onFailure(Endpoint endpoint, IOException failure, int retriesDone, int maxRetries) {
    if (retriesDone >= maxRetries) {
      return null;
    }
    if (!neverConnected(failure)) {
      if (endpoint.sideEffects) {
        return null; // the server may have acted on the request
      }
      if (failure instanceof InterruptedIOException) {
        return null; // a timeout ran out (see above), or the call was interrupted or cancelled
      }
    }
    return new Retry(backoffMs(retriesDone), failure.getClass().getSimpleName() + ": " + Failures.text(failure));
  }

  /** Whether the failure happened before any byte of the request could reach the server. */
  static boolean neverConnected(IOException failure) {
    if (failure instanceof ConnectException
        || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException) {
      return true;
    }
    return Failures.isConnectTimeout(failure);
  }

  /** Backoff before retry number {@code retriesDone + 1}: 0.5 s doubling up to 8 s, minus up to 25% jitter. */
  static long backoffMs(int retriesDone) {
    long base = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS << Math.min(retriesDone, 10));
    double jitter = 1 - ThreadLocalRandom.current().nextDouble() * 0.25;
    return (long) (base * jitter);
  }

  /** The wait the server asked for, in milliseconds, or {@code null}. */
  Long retryAfterMs(Headers headers) {
    String ms = headers.get("retry-after-ms");
    if (ms != null) {
      try {
        double value = Double.parseDouble(ms.trim());
        if (value >= 0) {
          return (long) value;
        }
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    String after = headers.get("retry-after");
    if (after == null) {
      return null;
    }
    try {
      double seconds = Double.parseDouble(after.trim());
      return seconds >= 0 ? (long) (seconds * 1000) : null;
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime date = ZonedDateTime.parse(after.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, date.toInstant().toEpochMilli() - clock.millis());
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }
}
