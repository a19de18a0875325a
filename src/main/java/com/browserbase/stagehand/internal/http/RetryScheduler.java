package com.browserbase.stagehand.internal.http;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs an asynchronous retry after its delay, without holding a thread while it waits; tests replace
 * it. Not API.
 */
public interface RetryScheduler {
  /** Runs {@code attempt} after {@code delayMs} milliseconds. */
  void schedule(Runnable attempt, long delayMs);

  /** The real one: one shared daemon timer thread, started on first use, whose tasks only enqueue calls. */
  RetryScheduler SYSTEM = (attempt, delayMs) -> Timer.EXECUTOR.schedule(attempt, delayMs, TimeUnit.MILLISECONDS);

  /** Holder of the shared timer, created lazily. */
  final class Timer {
    static final ScheduledExecutorService EXECUTOR = create();

    private Timer() {}

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "stagehand-retry-timer");
        thread.setDaemon(true);
        return thread;
      });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }
}
