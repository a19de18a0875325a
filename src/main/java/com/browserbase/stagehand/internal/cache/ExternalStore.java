package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.internal.runtime.Redactor;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store the user gave ({@link EntryStore}), called so that it never fails nor stalls an act: each call runs on one of
 * at most {@link #maxConcurrentCalls} daemon threads of this store and is waited for at most {@link #timeoutNanos};
 * one that throws, does not answer in time, or finds every thread taken (a hung store holds them) completes with
 * {@link ActCacheStore.Unavailable}. A late answer is dropped, and a timed-out call is interrupted.
 *
 * <p>Failures are logged once per outage: the first at WARN, naming the store ({@code toString()}) and the call, never
 * an entry's content; the next ones at DEBUG until a call succeeds, which is logged at INFO; the next failure is WARN
 * again. Thread-safe. Not API.
 */
final class ExternalStore extends ActCacheStore {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /**
   * How long an idle thread of a store's pool, or the timer, lives: none outlives the use of the cache by more than
   * this (a cache has no close), and starting a thread costs microseconds against the seconds of an act.
   */
  private static final long IDLE_SECONDS = 1;
  /** The longest text of a store's exception that is logged, so that a store quoting an entry cannot log all of it. */
  static final int MAX_REASON_CHARS = 200;

  private final EntryStore store;
  final long timeoutNanos;
  final int maxConcurrentCalls;
  private final ThreadPoolExecutor calls;
  /** Failed calls since the last call that succeeded: 0 while the store answers. */
  private final AtomicLong failing = new AtomicLong();

  ExternalStore(EntryStore store, long timeoutNanos, int maxConcurrentCalls, int maxEntryBytes) {
    super(maxEntryBytes);
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (maxConcurrentCalls <= 0) {
      throw new IllegalArgumentException("maxConcurrentCalls must be positive: " + maxConcurrentCalls);
    }
    this.store = store;
    this.timeoutNanos = timeoutNanos;
    this.maxConcurrentCalls = maxConcurrentCalls;
    // No queue: a call runs now on an idle or new thread, or, with every thread taken, is not made.
    this.calls = new ThreadPoolExecutor(0, maxConcurrentCalls, IDLE_SECONDS, TimeUnit.SECONDS,
        new SynchronousQueue<Runnable>(), daemon("stagehand-action-cache-store-"));
  }

  private static ThreadFactory daemon(String prefix) {
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The one thread that ends calls not answered in time, shared by every store; it stops when idle. */
  private static final class Timer {
    static final ScheduledThreadPoolExecutor INSTANCE = newTimer();

    private static ScheduledThreadPoolExecutor newTimer() {
      ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("stagehand-action-cache-timer-"));
      timer.setRemoveOnCancelPolicy(true);
      timer.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
      timer.allowCoreThreadTimeOut(true);
      return timer;
    }
  }

  @Override
  CompletableFuture<String> readAsync(String key) {
    return call("get", key, () -> store.get(key));
  }

  @Override
  CompletableFuture<Void> writeAsync(String key, String json) {
    try {
      bounded(json);
    } catch (Refused e) {
      CompletableFuture<Void> refused = new CompletableFuture<>();
      refused.completeExceptionally(e);
      return refused;
    }
    return call("put", key, () -> {
      store.put(key, json);
      return null;
    });
  }

  /**
   * Runs {@code call} on this store's threads: completes with its value, or with {@link Unavailable} when it threw, did
   * not answer within {@link #timeoutNanos}, or could not start; the failure is logged (once per outage) first.
   */
  private <T> CompletableFuture<T> call(String operation, String key, Callable<T> call) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    AtomicBoolean settled = new AtomicBoolean();
    Future<?> running;
    try {
      running = calls.submit(() -> {
        T value;
        try {
          value = call.call();
        } catch (Throwable e) { // anything a store throws, Errors too, is its failure and never the act's
          if (settled.compareAndSet(false, true)) {
            answer.completeExceptionally(failed(operation + " of " + key + " threw " + describe(e)));
          }
          return;
        }
        if (settled.compareAndSet(false, true)) {
          answered();
          answer.complete(value);
        }
      });
    } catch (RejectedExecutionException e) {
      settled.set(true);
      answer.completeExceptionally(failed(operation + " of " + key + " was not made: " + maxConcurrentCalls
          + " calls to the store are still running (it is slow or hung)"));
      return answer;
    }
    ScheduledFuture<?> timeout = Timer.INSTANCE.schedule(() -> {
      if (settled.compareAndSet(false, true)) {
        answer.completeExceptionally(failed(operation + " of " + key + " did not answer within " + millis() + " ms"));
        running.cancel(true);
      }
    }, timeoutNanos, TimeUnit.NANOSECONDS);
    answer.whenComplete((value, error) -> timeout.cancel(false));
    return answer;
  }

  private String millis() {
    return TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + "";
  }

  /** Logs a failed call, at WARN when it starts an outage, else at DEBUG; the exception the call completes with. */
  private Unavailable failed(String what) {
    if (failing.getAndIncrement() == 0) {
      ActCache.LOG.warn("The action cache store {} failed: {}. Acts are served by the model meanwhile; further"
          + " failures are logged at DEBUG until the store answers again", this, what);
    } else {
      ActCache.LOG.debug("The action cache store {} failed again: {}", this, what);
    }
    return new Unavailable(what);
  }

  private void answered() {
    long failed = failing.getAndSet(0);
    if (failed > 0) {
      ActCache.LOG.info("The action cache store {} answers again, after {} failed call{}", this, failed,
          failed == 1 ? "" : "s");
    }
  }

  /**
   * What a store's exception says, for the log: its class, and the first line of its message with secret-looking
   * parameters masked, at most {@link #MAX_REASON_CHARS} characters of it. An entry is written on several lines, so a
   * message quoting one shows its first line, a brace, at most.
   */
  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null) {
      return e.getClass().getName();
    }
    String line = Redactor.maskSecretParams(message.split("\r?\n", 2)[0]);
    return e.getClass().getName() + ": "
        + (line.length() > MAX_REASON_CHARS ? line.substring(0, MAX_REASON_CHARS) + "..." : line);
  }

  @Override
  String read(String key) throws IOException {
    return await(readAsync(key));
  }

  @Override
  void write(String key, String json) throws IOException {
    await(writeAsync(key, json));
  }

  /** The value of a call, waiting for it on this thread (at most the bound). */
  private static <T> T await(CompletableFuture<T> call) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return call.get();
        } catch (InterruptedException e) {
          interrupted = true; // the call ends within the bound: finish waiting, then say it
        } catch (ExecutionException e) {
          throw (IOException) e.getCause(); // only Unavailable and Refused complete a call exceptionally
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  void check() {}

  @Override
  String where(String key) {
    return key + " in " + this;
  }

  /** The store's {@code toString()}: how the log names it. */
  @Override
  public String toString() {
    return store.toString();
  }
}
