package com.browserbase.stagehand.micrometer;

import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallOutcome;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions that a {@code start} opened and whose {@code end} has not ended, for the gauge
 * {@code stagehand.sessions.open}: one set and one gauge per meter registry, shared by every listener on it (a
 * gauge is registered once per name). At most {@link OpenCalls#MAX} ids, so that ends never told do not pile up.
 */
final class OpenSessions {
  static final String GAUGE = "stagehand.sessions.open";
  private static final Map<MeterRegistry, OpenSessions> BY_REGISTRY = new WeakHashMap<>();

  private final Set<String> ids = ConcurrentHashMap.newKeySet();

  private OpenSessions() {}

  /** The sessions counted by {@code meters}' gauge, which this registers the first time. */
  static OpenSessions of(MeterRegistry meters) {
    synchronized (BY_REGISTRY) {
      OpenSessions sessions = BY_REGISTRY.get(meters);
      if (sessions == null) {
        sessions = new OpenSessions();
        // A gauge holds its object weakly (it would read NaN once collected): BY_REGISTRY holds it for as long as
        // the registry lives, whether or not a listener does.
        Gauge.builder(GAUGE, sessions, OpenSessions::count)
            .description("Sessions that Stagehand clients started and have not ended")
            .register(meters);
        BY_REGISTRY.put(meters, sessions);
      }
      return sessions;
    }
  }

  /**
   * Counts the session of a {@code start} that succeeded; stops counting that of an {@code end}, however it ended,
   * as the client forgets a session once its end was sent.
   */
  void ended(CallEnded call) {
    if (!call.sessionId().isPresent()) {
      return;
    }
    String id = call.sessionId().get();
    if (call.operation().equals("start") && call.outcome() == CallOutcome.SUCCESS && ids.size() < OpenCalls.MAX) {
      ids.add(id);
    } else if (call.operation().equals("end")) {
      ids.remove(id);
    }
  }

  int count() {
    return ids.size();
  }
}
