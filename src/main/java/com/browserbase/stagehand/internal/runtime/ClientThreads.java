package com.browserbase.stagehand.internal.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the SDK's own HTTP client: the dispatcher of asynchronous calls and the readers of asynchronous
 * streams. OkHttp's I/O is blocking, so every call in flight and every open stream holds a thread. On JDK 21+ they
 * are virtual threads (found reflectively: the bytecode stays Java 8), so a client can hold thousands of long calls
 * on a handful of platform threads; before, daemon platform threads, so that a program that returns from {@code
 * main} without closing its client still exits. Not API.
 */
public final class ClientThreads {
  /** Calls the dispatcher runs at once on platform threads, more waiting; a stream's reader is outside the bound. */
  static final int PLATFORM_MAX_REQUESTS = 256;
  /** The same bound on virtual threads, where a waiting call costs little. */
  static final int VIRTUAL_MAX_REQUESTS = 16_384;

  private static final ThreadFactory VIRTUAL = virtualThreadFactory();
  private static final AtomicInteger PLATFORM_THREADS = new AtomicInteger();

  private ClientThreads() {}

  /** Whether this JVM runs the SDK's calls on virtual threads. */
  public static boolean virtual() {
    return VIRTUAL != null;
  }

  /** How many calls one client's dispatcher runs at once. */
  public static int maxRequests() {
    return virtual() ? VIRTUAL_MAX_REQUESTS : PLATFORM_MAX_REQUESTS;
  }

  /** A new executor for one client: a virtual thread per task on JDK 21+, else a cached daemon pool. */
  public static ExecutorService newExecutor() {
    if (VIRTUAL != null) {
      try {
        return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
            .invoke(null, VIRTUAL);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("JDK 21+ without Executors.newThreadPerTaskExecutor", e);
      }
    }
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<Runnable>(),
        runnable -> {
          Thread thread = new Thread(runnable, "stagehand-dispatcher-" + PLATFORM_THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** {@code Thread.ofVirtual().name("stagehand-virtual-", 1).factory()}, or {@code null} before JDK 21. */
  private static ThreadFactory virtualThreadFactory() {
    try {
      Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
      Method name = Class.forName("java.lang.Thread$Builder").getMethod("name", String.class, long.class);
      builder = name.invoke(builder, "stagehand-virtual-", 1L);
      return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
      return null; // before JDK 21 (or preview-only on 19-20)
    }
  }
}
