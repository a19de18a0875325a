package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.core.events.RetryScheduled;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The events of one call, from its start ({@link CallEvents#start}) to its one end: what {@link Exchange} learns of
 * its attempts, and how the transport, or its stream, saw it end. Only the first end is reported. {@link #NONE}, the
 * trace of every call of a client without a listener, does nothing. Thread-safe. Not API.
 */
final class CallTrace {
  static final CallTrace NONE = new CallTrace(null, 0, "none", null, null, false);

  private final CallEvents events;
  final long callId;
  final String operation;
  private final String sessionId;
  final Object context;
  private final boolean streaming;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile int attempts;
  private volatile Integer status;
  /** The outcome of a failure the exchange knows better than its exception's type says (a cancellation). */
  private volatile CallOutcome failureOutcome;

  CallTrace(CallEvents events, long callId, String operation, String sessionId, Object context, boolean streaming) {
    this.events = events;
    this.callId = callId;
    this.operation = operation;
    this.sessionId = sessionId;
    this.context = context;
    this.streaming = streaming;
  }

  /** An attempt was sent: the status is now that of its answer, if it gets one. */
  void sent() {
    if (events != null) {
      attempts++; // one attempt at a time
      status = null;
    }
  }

  /** The last attempt was not sent after all (its pooled connection was stale): it goes again, not as a retry. */
  void notSent() {
    if (events != null) {
      attempts--;
    }
  }

  /** An attempt was answered with {@code code}. */
  void answered(int code) {
    if (events != null) {
      status = code;
    }
  }

  /** The call will fail as {@code outcome} (known before its exception is made), unless it ended already. */
  void failsAs(CallOutcome outcome) {
    if (events != null) {
      failureOutcome = outcome;
    }
  }

  /** Retry {@code retry} (1 for the first) is sent after {@code delayMs}, after an answer {@code code} or a {@code failure}. */
  void retryScheduled(int retry, long delayMs, Integer code, Throwable failure) {
    if (events != null) {
      events.post(new RetryScheduled(callId, operation, sessionId, context, retry, Duration.ofMillis(delayMs), code,
          failure != null ? failure.getClass() : null));
    }
  }

  /** The call's stream delivered an event of {@code type} and {@code eventStatus}. */
  void streamEvent(String type, String eventStatus) {
    if (events != null && !ended.get()) {
      events.post(new StreamEventReceived(callId, operation, sessionId, context, type, eventStatus));
    }
  }

  /** The call succeeded (a stream: read to its end); {@code startedSession}: a start's new id. */
  void succeeded(String startedSession) {
    end(CallOutcome.SUCCESS, null, startedSession != null ? startedSession : sessionId);
  }

  /** The call ended with {@code failure}, the exception its caller gets. */
  void failed(Throwable failure) {
    if (events == null) {
      return;
    }
    CallOutcome known = failureOutcome;
    end(known != null ? known : outcomeOf(failure), failure.getClass(), sessionId);
  }

  /** The caller closed or released the stream before its end: it gave up on the rest. */
  void closedEarly() {
    end(CallOutcome.CANCELLED, null, sessionId);
  }

  /** A stream nobody read to its end or closed: its client closed. */
  void abandoned() {
    end(CallOutcome.CANCELLED, null, sessionId);
  }

  private void end(CallOutcome outcome, Class<? extends Throwable> failure, String endSessionId) {
    if (events == null || !ended.compareAndSet(false, true)) {
      return;
    }
    if (streaming) {
      events.streamEnded(this);
    }
    events.post(new CallEnded(callId, operation, endSessionId, context, streaming, attempts, status,
        Duration.ofNanos(System.nanoTime() - startNanos), outcome, failure));
  }

  /**
   * How a call that threw {@code failure} ended, by the exception's type: an error status by its class (a 2xx raised
   * as an error is {@code "success": false}), a stream's {@code error} event as the server's error, an answer the SDK
   * cannot read as invalid, a network failure as such unless it was an interrupt, a cancelled future as a cancellation
   * (a closed client is marked so by the transport, {@link #failsAs}).
   * Anything else came of an answer the SDK could not use.
   */
  static CallOutcome outcomeOf(Throwable failure) {
    if (failure instanceof StagehandServiceException) {
      return ((StagehandServiceException) failure).statusCode() >= 500 ? CallOutcome.SERVER_ERROR
          : CallOutcome.CLIENT_ERROR;
    } else if (failure instanceof SseException) {
      return CallOutcome.SERVER_ERROR;
    } else if (failure instanceof StagehandInvalidDataException) {
      return CallOutcome.INVALID_RESPONSE;
    } else if (failure instanceof StagehandIoException) {
      Throwable cause = failure.getCause();
      return cause instanceof InterruptedIOException && !Failures.isTimeout((InterruptedIOException) cause)
          ? CallOutcome.CANCELLED : CallOutcome.NETWORK_ERROR;
    } else if (failure instanceof CancellationException) {
      return CallOutcome.CANCELLED;
    }
    return CallOutcome.INVALID_RESPONSE;
  }
}
