package com.browserbase.stagehand.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * Whether a client is open, and the HTTP calls in flight on its pools. A client and the clients
 * derived from it with {@code withOptions} each have a state; the calls are tracked once, by the root
 * client that owns the pools. Thread-safe. Not API.
 */
public final class ClientState {
  private final ClientState root;
  private final AtomicBoolean closed = new AtomicBoolean();
  /** The calls in flight, including open streams: cancelled when the root client closes. */
  private final Set<Call> calls;
  /** Whether this is the view of the calls that end sessions while the client closes. */
  private final boolean closingView;

  private ClientState(ClientState root, Set<Call> calls, boolean closingView) {
    this.root = root;
    this.calls = calls;
    this.closingView = closingView;
  }

  /** The state of a client that owns its pools. */
  public static ClientState root() {
    return new ClientState(null, ConcurrentHashMap.<Call>newKeySet(), false);
  }

  /** The state of a client derived from this one: closed on its own, or with its root. */
  public ClientState derive() {
    ClientState owner = root != null ? root : this;
    return new ClientState(owner, owner.calls, false);
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
    return new ClientState(this, ConcurrentHashMap.<Call>newKeySet(), true);
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
      for (Call call : calls) {
        call.cancel();
      }
    }
    return true;
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
