package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.events.CachedActEnded;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallEvent;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.RetryScheduled;
import com.browserbase.stagehand.core.events.StreamEventReceived;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a client's call events to its {@link CallListener}, in order, on one daemon thread of its own
 * ({@code stagehand-call-listener-N}), started with the first event and ended after {@link #IDLE_MILLIS} without one:
 * a call only queues its events and never waits. At most {@link #MAX_QUEUED} wait; beyond that new ones are dropped,
 * with one WARN, except the ends of calls ({@link CallEnded}, {@link CachedActEnded}): there is one per call, so that
 * a listener always learns that a call it was told of is over. A stream's events are picked up every {@link
 * #STREAM_EVENT_DELAY_MILLIS} rather than each waking the thread. A listener's exception is logged
 * (the first at WARN, later ones at DEBUG) and ignored. Without a listener ({@link #NONE}) every call's trace is
 * {@link CallTrace#NONE}: nothing is allocated and no thread exists.
 *
 * <p>{@link #close} delivers what is queued, then the thread ends. An event made later (a call the close cancelled)
 * still reaches the listener, on a thread that ends as soon as the queue is empty. Thread-safe. Not API.
 */
public final class CallEvents {
  /** How many events may wait for a slow listener (the ends of calls aside: those are never dropped). */
  static final int MAX_QUEUED = 65_536;
  /** How long the thread waits for the next event before it ends; the next event starts another. */
  static final long IDLE_MILLIS = 60_000;
  /**
   * While a stream is open, the longest its events wait for the thread: they do not wake it one by one (a wake-up
   * costs the caller more than the event), the thread looks for them this often instead, or at once when
   * {@link #STREAM_EVENTS_PER_WAKE_UP} wait or any other event comes.
   */
  static final long STREAM_EVENT_DELAY_MILLIS = 5;
  static final int STREAM_EVENTS_PER_WAKE_UP = 64;
  static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand.events");
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** No listener: nothing is reported. */
  public static final CallEvents NONE = new CallEvents(null, null, 0);

  final CallListener listener;
  private final AtomicLong ids;
  private final int maxQueued;
  private final long idleMillis;
  /** The streams neither read to their end nor closed: ended (cancelled) when the root client closes. */
  private final Set<CallTrace> openStreams;
  private final AtomicBoolean listenerFailed = new AtomicBoolean();
  private final Object lock = new Object();
  // Guarded by lock.
  private final ArrayDeque<CallEvent> queue = new ArrayDeque<>();
  private Thread thread;
  private boolean closed;
  private long dropped;

  /** Reports to {@code listener} the calls numbered by {@code ids} (shared by a root client and those derived from it). */
  CallEvents(CallListener listener, AtomicLong ids) {
    this(listener, ids, MAX_QUEUED);
  }

  CallEvents(CallListener listener, AtomicLong ids, int maxQueued) {
    this(listener, ids, maxQueued, IDLE_MILLIS);
  }

  CallEvents(CallListener listener, AtomicLong ids, int maxQueued, long idleMillis) {
    this.listener = listener;
    this.ids = ids;
    this.maxQueued = maxQueued;
    this.idleMillis = idleMillis;
    this.openStreams = listener != null ? ConcurrentHashMap.<CallTrace>newKeySet() : null;
  }

  /** Begins a call of {@code endpoint}: captures the listener's context on this thread and reports the start. */
  CallTrace start(Endpoint endpoint, String sessionId, boolean streaming) {
    if (listener == null) {
      return CallTrace.NONE;
    }
    CallTrace trace = new CallTrace(this, ids.incrementAndGet(), endpoint.operation, sessionId, captureContext(),
        streaming);
    if (streaming) {
      openStreams.add(trace);
    }
    post(new CallStarted(trace.callId, trace.operation, sessionId, trace.context, streaming));
    return trace;
  }

  /** Begins an act through the action cache of session {@code sessionId}: reported by {@link CachedAct#ended}. */
  public CachedAct startCachedAct(String sessionId) {
    if (listener == null) {
      return CachedAct.NONE;
    }
    return new CachedAct(this, ids.incrementAndGet(), sessionId, captureContext());
  }

  /** One act through the action cache, from its start. */
  public static final class CachedAct {
    static final CachedAct NONE = new CachedAct(null, 0, null, null);

    private final CallEvents events;
    private final long callId;
    private final String sessionId;
    private final Object context;
    private final long startNanos = System.nanoTime();

    private CachedAct(CallEvents events, long callId, String sessionId, Object context) {
      this.events = events;
      this.callId = callId;
      this.sessionId = sessionId;
      this.context = context;
    }

    /** The act ended: served as {@code cacheStatus} ({@code HIT}, {@code MISS}, {@code HEALED}), or failed. */
    public void ended(String cacheStatus, Throwable failure) {
      if (events != null) {
        events.post(new CachedActEnded(callId, sessionId, context, cacheStatus,
            Duration.ofNanos(System.nanoTime() - startNanos), failure != null ? failure.getClass() : null));
      }
    }
  }

  private Object captureContext() {
    try {
      return listener.captureContext();
    } catch (Throwable e) {
      failed("captureContext", e);
      return null;
    }
  }

  void streamEnded(CallTrace trace) {
    openStreams.remove(trace);
  }

  /** Queues an event for the listener; starts the thread that delivers them when none runs. Never blocks. */
  void post(CallEvent event) {
    synchronized (lock) {
      if (queue.size() >= maxQueued && !(event instanceof CallEnded || event instanceof CachedActEnded)) {
        if (dropped++ == 0) {
          LOG.warn("The call listener {} is too slow: {} events wait for it; dropping new ones until it catches up",
              listener.getClass().getName(), maxQueued);
        }
        return;
      }
      queue.add(event);
      if (thread == null) {
        thread = new Thread(this::deliver, "stagehand-call-listener-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
      } else if (!(event instanceof StreamEventReceived && hasOpenStreams()
          && queue.size() < STREAM_EVENTS_PER_WAKE_UP)) {
        lock.notifyAll(); // else the thread, waiting at most STREAM_EVENT_DELAY_MILLIS while a stream is open, finds it
      }
    }
  }

  /**
   * The thread's loop: delivers the events in order; ends when none is left once closed, or when none came for
   * {@link #idleMillis} (a client nobody closes keeps no thread).
   */
  private void deliver() {
    while (true) {
      CallEvent event;
      synchronized (lock) {
        long idleSince = System.nanoTime();
        while (queue.isEmpty()) {
          long idleLeft = idleMillis - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
          if (closed || idleLeft <= 0) {
            thread = null;
            lock.notifyAll();
            return;
          }
          try {
            // The stream's start woke this thread (it is posted once the stream is open): it sees the stream here.
            lock.wait(hasOpenStreams() ? Math.min(idleLeft, STREAM_EVENT_DELAY_MILLIS) : idleLeft);
          } catch (InterruptedException e) {
            // not ours to stop: close() or idleness ends this thread
          }
        }
        event = queue.poll();
      }
      deliver(event);
    }
  }

  /** Whether streams of this dispatcher are still open (neither read to their end nor closed). */
  boolean hasOpenStreams() {
    return openStreams != null && !openStreams.isEmpty();
  }

  private void deliver(CallEvent event) {
    try {
      if (event instanceof CallStarted) {
        listener.callStarted((CallStarted) event);
      } else if (event instanceof CallEnded) {
        listener.callEnded((CallEnded) event);
      } else if (event instanceof StreamEventReceived) {
        listener.streamEventReceived((StreamEventReceived) event);
      } else if (event instanceof RetryScheduled) {
        listener.retryScheduled((RetryScheduled) event);
      } else {
        listener.cachedActEnded((CachedActEnded) event);
      }
    } catch (Throwable e) {
      failed(event.getClass().getSimpleName(), e);
    }
  }

  private void failed(String what, Throwable e) {
    String message = "The call listener {} threw from {}; ignored";
    if (listenerFailed.compareAndSet(false, true)) {
      LOG.warn(message + " (later failures are logged at DEBUG)", listener.getClass().getName(), what, e);
    } else {
      LOG.debug(message, listener.getClass().getName(), what, e);
    }
  }

  /** Ends the streams that were neither read to their end nor closed: the client closed. */
  void endOpenStreams() {
    if (openStreams != null) {
      for (CallTrace trace : new ArrayList<>(openStreams)) {
        trace.abandoned();
      }
    }
  }

  /**
   * Delivers what is queued, then ends the thread; waits at most {@code waitMs} for that (never on the listener's own
   * thread). Returns whether the queue was delivered within it.
   */
  boolean close(long waitMs) {
    if (listener == null) {
      return true;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
    boolean interrupted = false;
    try {
      synchronized (lock) {
        closed = true;
        lock.notifyAll();
        while (thread != null && thread != Thread.currentThread()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            LOG.warn("The call listener {} took longer than {} ms to take the last events; closing without waiting",
                listener.getClass().getName(), waitMs);
            return false;
          }
          try {
            TimeUnit.NANOSECONDS.timedWait(lock, left);
          } catch (InterruptedException e) {
            interrupted = true;
            deadline = System.nanoTime(); // stop waiting, deliver in the background
          }
        }
        return true;
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The thread that delivers now, or {@code null}; for tests. */
  Thread thread() {
    synchronized (lock) {
      return thread;
    }
  }

  /** How many events were dropped; for tests. */
  long dropped() {
    synchronized (lock) {
      return dropped;
    }
  }

  /** Stops the dispatchers of a root client (its own, and those of the clients derived from it). */
  static void closeAll(List<CallEvents> all, long waitMs) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
    for (CallEvents events : all) {
      events.endOpenStreams();
    }
    for (CallEvents events : all) {
      events.close(Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }
}
