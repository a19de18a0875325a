package com.browserbase.stagehand.micrometer;

import com.browserbase.stagehand.core.events.CallEvent;
import io.micrometer.observation.Observation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The observations of the calls that have started and not ended, oldest first, at most {@code max}: beyond that the
 * oldest is given back to be stopped, so that calls whose end was never told (dropped by a listener that fell
 * 65,536 events behind) are not kept forever. Thread-safe: one listener may serve several clients.
 */
final class OpenCalls {
  /** The bound by default: as many as the core queues events for a listener. */
  static final int MAX = 65_536;

  private final int max;
  private final Map<Key, Observation> open = new LinkedHashMap<>();

  OpenCalls(int max) {
    this.max = max;
  }

  /** Adds the observation of {@code call}; returns one to stop now (one it replaced, or the oldest), or null. */
  synchronized Observation add(CallEvent call, Observation observation) {
    Observation replaced = open.put(new Key(call), observation);
    if (open.size() <= max) {
      return replaced;
    }
    Iterator<Observation> oldest = open.values().iterator();
    Observation evicted = oldest.next();
    oldest.remove();
    return evicted;
  }

  /** The observation of {@code call}, or null. */
  synchronized Observation get(CallEvent call) {
    return open.get(new Key(call));
  }

  /** Removes and returns the observation of {@code call}, or null. */
  synchronized Observation remove(CallEvent call) {
    return open.remove(new Key(call));
  }

  int max() {
    return max;
  }

  /**
   * A call: its id, with the context captured as it began, by identity. Ids are unique only within a client and
   * those derived from it; the context tells apart calls of clients that share one listener.
   */
  private static final class Key {
    private final Object context;
    private final long callId;

    Key(CallEvent call) {
      this.context = call.context().orElse(null);
      this.callId = call.callId();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && ((Key) other).context == context && ((Key) other).callId == callId;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(context) + Long.hashCode(callId);
    }
  }
}
