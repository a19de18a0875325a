package com.browserbase.stagehand.micrometer;

import com.browserbase.stagehand.core.events.CachedActEnded;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.core.events.CallStarted;
import com.browserbase.stagehand.core.events.RetryScheduled;
import java.time.Duration;

/** Hand-made events, as the core would send them for one call; {@code context} is what the listener captured. */
final class Calls {
  private Calls() {}

  static CallStarted started(long callId, String operation, String sessionId, Object context) {
    return new CallStarted(callId, operation, sessionId, context, false);
  }

  static CallEnded succeeded(long callId, String operation, String sessionId, Object context) {
    return new CallEnded(callId, operation, sessionId, context, false, 1, 200, Duration.ofMillis(12),
        CallOutcome.SUCCESS, null);
  }

  static CallEnded failed(long callId, String operation, String sessionId, Object context, int attempts,
      Integer status, CallOutcome outcome, Class<? extends Throwable> failure) {
    return new CallEnded(callId, operation, sessionId, context, false, attempts, status, Duration.ofMillis(12), outcome,
        failure);
  }

  static RetryScheduled retry(long callId, String operation, String sessionId, Object context, int retry,
      long delayMillis, Integer status, Class<? extends Throwable> failure) {
    return new RetryScheduled(callId, operation, sessionId, context, retry, Duration.ofMillis(delayMillis), status,
        failure);
  }

  static CachedActEnded cachedAct(long callId, String cacheStatus) {
    return new CachedActEnded(callId, "s-1", null, cacheStatus, Duration.ofMillis(5), null);
  }
}
