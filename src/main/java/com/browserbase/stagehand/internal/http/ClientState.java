package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.events.CallListener;
import java.util.ArrayList;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;

/**
 * Whether a client is open, and the HTTP calls in flight on its pools. A client and the clients
 * derived from it with {@code withOptions} each have a state; the calls are tracked once, by the root
 * client that owns the pools, and so are the ids of calls and the dispatchers of call events, which stop when the
 * root client closes. Thread-safe. Not API.
 */
public final class ClientState {
  private final ClientState root;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The calls in flight, including open streams: cancelled when the root client closes. */
  private final Set<Call> calls;
  /** Whether this is the view of the calls that end sessions while the client closes. */
  private final boolean closingView;
  /** The ids of the calls of the root client and those derived from it. */
  private final AtomicLong callIds;
  /** The dispatchers of call events of the root client and those derived from it. */
  private final Queue<CallEvents> dispatchers;
  /** Counted down when the root client closes: wakes the blocking calls waiting to retry. */
  private final CountDownLatch rootClosed;

  private ClientState(ClientState root, Set<Call> calls, boolean closingView, AtomicLong callIds,
      Queue<CallEvents> dispatchers) {
    this.root = root;
    this.calls = calls;
    this.closingView = closingView;
    this.callIds = callIds;
    this.dispatchers = dispatchers;
    this.rootClosed = root != null ? root.rootClosed : new CountDownLatch(1);
  }

  /** The state of a client that owns its pools. */
  public static ClientState root() {
    return new ClientState(null, ConcurrentHashMap.<Call>newKeySet(), false, new AtomicLong(),
        new ConcurrentLinkedQueue<CallEvents>());
  }

  /** The state of a client derived from this one: closed on its own, or with its root. */
  public ClientState derive() {
    ClientState owner = root != null ? root : this;
    return new ClientState(owner, owner.calls, false, callIds, dispatchers);
  }

  /**
   * The dispatcher of call events of a client told to report to {@code listener} ({@code null}: none): that of the
   * client it derives from, {@code parent}, when the listener is the same; else a new one, stopped by {@link
   * #closeCallEvents} of its client or of the root. Its calls are numbered with those of the root.
   */
  public CallEvents callEvents(CallListener listener, CallEvents parent) {
    if (listener == null) {
      return CallEvents.NONE;
    }
    if (parent != null && parent.listener == listener) {
      return parent;
    }
    CallEvents events = new CallEvents(listener, callIds);
    dispatchers.add(events);
    return events;
  }

  /**
   * Stops call events as this client closes, waiting at most {@code waitMs} for the listeners to take what is queued:
   * a root client ends the streams nobody read to the end or closed, then stops every dispatcher; a derived client
   * stops {@code own} when it made it ({@code owned}).
   */
  public void closeCallEvents(CallEvents own, boolean owned, long waitMs) {
    if (root == null) {
      CallEvents.closeAll(new ArrayList<>(dispatchers), waitMs);
      dispatchers.clear();
    } else if (owned) {
      own.close(waitMs);
      if (!own.hasOpenStreams()) {
        dispatchers.remove(own); // else its streams outlive this client, and are ended when the root closes
      }
    }
  }

  /** Whether this is the state of a client that owns its pools (not derived with {@code withOptions}). */
  public boolean isRoot() {
    return root == null;
  }

  /** Whether this client, or the client it derives from, was closed. */
  public boolean isClosed() {
    return !closingView && (closed.get() || (root != null && root.closed.get()));
  }

  /**
   * The state seen by the calls that end the open sessions while the client closes: never closed,
   * so that they go out; their calls are not tracked, so that closing does not cancel them.
   */
  ClientState closing() {
    return new ClientState(this, ConcurrentHashMap.<Call>newKeySet(), true, callIds, dispatchers);
  }

  /** Throws {@link IllegalStateException} when the client is closed: no call may start. */
  public void checkOpen() {
    if (isClosed()) {
      throw new IllegalStateException("The Stagehand client is closed");
    }
  }

  /**
   * Closes this client: no new call may start. A root client also cancels every call in flight, its
   * own and its derived clients'. Returns {@code false} when it was already closed.
   */
  public boolean close() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    if (root == null) {
      rootClosed.countDown();
      for (Call call : calls) {
        call.cancel();
      }
    }
    return true;
  }

  /**
   * Waits {@code millis} before a retry, or less when the root client closes meanwhile (the caller then finds the
   * client closed, and fails as cancelled). The calls that end sessions while the client closes wait the whole time.
   */
  void sleepUnlessClosed(long millis) throws InterruptedException {
    if (closingView) {
      Thread.sleep(millis);
    } else {
      rootClosed.await(millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Notes a call that started; cancels it at once if the client closed meanwhile. */
  void track(Call call) {
    calls.add(call);
    if (isClosed()) {
      call.cancel();
    }
  }

  /** Notes a call that is over: its response was read and closed, or it failed. */
  void untrack(Call call) {
    calls.remove(call);
  }
}
