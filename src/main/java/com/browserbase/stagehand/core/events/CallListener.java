package com.browserbase.stagehand.core.events;

/**
 * Told what a client's calls do: when each starts and ends, when a retry is scheduled, when a stream delivers an
 * event, and how the action cache served an act by instruction. Every method does nothing by default: override
 * those you need.
 *
 * <p>The events are delivered in order, one at a time, on a thread of the client's own, never the caller's: a call
 * never waits on a listener, and a slow listener delays only the events after it (up to 65,536 wait; beyond that new
 * ones are dropped, with one WARN, except the ends of calls, which are never dropped). A stream's events may reach it
 * up to 5 ms after they arrive: they are handed over in batches, which costs the stream's reader less. The thread ends after a minute
 * without events, and the next event starts another. An exception a method throws is logged (the first at WARN) and
 * ignored. Closing the client delivers the events already made, the ends of the sessions it ends included (waiting at
 * most 5 s for the listener), then stops that thread. Only {@link #captureContext()} runs on the calling thread (for the calls an
 * asynchronous act through the action cache makes after its first, the thread that goes on with it).
 *
 * <p>Every call is told exactly one {@link CallEnded}, and one {@link CallStarted} unless that was dropped; a call
 * refused by a closed client too. An asynchronous call's end is told before its future completes. A stream ends when
 * it is read to its end ({@link CallOutcome#SUCCESS}) or fails, when the caller closes it before its end, or, if
 * neither, when the client closes (both {@link CallOutcome#CANCELLED}).
 *
 * <p>An event never holds a secret, a request or response body, or an exception's message: names, ids, counts,
 * durations, HTTP statuses and exception types only. The session id is an identifier, not a credential.
 */
public interface CallListener {
  /**
   * Called on the calling thread as a call (or an act through the action cache) begins, to capture what the later
   * events need of that thread, such as the current trace context; handed back as {@link CallEvent#context()}.
   * Must be quick and must not block. {@code null} by default: nothing captured.
   */
  default Object captureContext() {
    return null;
  }

  /** A call began (before its first attempt). */
  default void callStarted(CallStarted event) {}

  /** An attempt failed and the call will be sent again after {@link RetryScheduled#delay()}. */
  default void retryScheduled(RetryScheduled event) {}

  /** A streaming call's stream delivered an event. */
  default void streamEventReceived(StreamEventReceived event) {}

  /** A call ended: answered, failed, cancelled, or (a stream) read to its end or closed. */
  default void callEnded(CallEnded event) {}

  /**
   * An act by instruction through the client's action cache ended. The calls it made (the replayed actions, or the
   * model's act) are reported as calls of their own, with {@link CallEvent#operation()} {@code act}.
   */
  default void cachedActEnded(CachedActEnded event) {}
}
