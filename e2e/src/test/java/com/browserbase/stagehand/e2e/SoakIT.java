package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A soak on the real server: one client in local mode runs 8 sessions at once, each doing navigate / act / observe /
 * extract 10 times and ending; then again with the action cache on. Every call must succeed and every session end;
 * after {@code close()} no thread of the SDK or OkHttp, no socket and no process may be left, and the heap after a
 * forced GC must be back within {@link #HEAP_BOUND} of where it started.
 */
@ExtendWith(RealStagehand.class)
@Timeout(300)
class SoakIT {
  private static final int SESSIONS = 8;
  private static final int ROUNDS = 10;
  /** How much more heap than at the start may stay reachable after everything is closed. */
  private static final long HEAP_BOUND = 8L * 1024 * 1024;
  /** Threads of the SDK (dispatcher, retry timer, local server output), OkHttp and the kit's MockWebServers. */
  private static final Pattern OURS = Pattern.compile("(?i)^(stagehand-|okhttp|mockwebserver).*");
  /**
   * Threads shared by the whole JVM, not by one client: OkHttp's task runner pool (an idle thread ends 60 s after its
   * last task) and the SDK's retry timer (one daemon thread, started on first use).
   */
  private static final Pattern SHARED = Pattern.compile("^(OkHttp TaskRunner|stagehand-retry-timer)$");

  @Test
  void eightSessionsAtOnceTenTimesEachWithoutAndWithTheActionCacheLeaveNothingBehind(RealStagehand.Stack stack)
      throws Exception {
    warmUp(stack); // the SDK's and Jackson's lazily built state is in the baseline, not counted as a leak
    Set<Long> threadsBefore = ourThreads();
    Set<Long> processesBefore = processes();
    long socketsBefore = sockets();
    long heapBefore = heapAfterGc();
    long started = System.nanoTime();

    Soak plain = soak(stack, null);
    ActionCache cache = ActionCache.memory();
    Soak cached = soak(stack, cache);
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    ActionCache.Stats stats = cache.stats();
    cache = null;

    assertThat(plain.failures).as("calls that failed without the cache").isEmpty();
    assertThat(cached.failures).as("calls that failed with the cache").isEmpty();
    assertThat(plain.calls.get() + cached.calls.get()).isEqualTo(2 * SESSIONS * ROUNDS * 4);
    assertThat(stats.hits() + stats.misses()).as(stats.toString()).isEqualTo(SESSIONS * ROUNDS);
    assertThat(stats.misses()).as("at most each session's first act asks the model: " + stats).isLessThanOrEqualTo(SESSIONS);
    assertThat(stats.heals()).isZero();

    List<String> threadsLeft = awaitThreadsEnd(threadsBefore, TimeUnit.SECONDS.toNanos(10));
    assertThat(threadsLeft).as("threads of the SDK or OkHttp left after close()").isEmpty();
    List<Long> processesLeft = processes().stream().filter(p -> !processesBefore.contains(p)).collect(Collectors.toList());
    assertThat(processesLeft).as("processes left after close()").isEmpty();
    long socketsAfter = awaitSockets(socketsBefore, TimeUnit.SECONDS.toNanos(10));
    assertThat(socketsAfter).as("sockets of this JVM after close(), %d before", socketsBefore)
        .isLessThanOrEqualTo(socketsBefore);
    long heapAfter = heapAfterGc();
    long shared = Thread.getAllStackTraces().keySet().stream().filter(t -> SHARED.matcher(t.getName()).matches()).count();
    System.out.printf("[integration] soak: %d sessions x %d rounds x 4 calls, without and with the action cache (%s),"
            + " in %d ms (%d + %d); heap after GC %d -> %d KB; sockets %d -> %d; JVM-wide idle threads %d%n", SESSIONS,
        ROUNDS, stats, took, plain.millis, cached.millis, heapBefore / 1024, heapAfter / 1024, socketsBefore,
        socketsAfter, shared);
    assertThat(heapAfter - heapBefore).as("heap kept after close(), bytes").isLessThan(HEAP_BOUND);
  }

  /** What one soak did. */
  private static final class Soak {
    final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    long millis;
  }

  /**
   * One client in local mode (a server of its own, with a fake model and a page of its own, all closed at the end)
   * running {@link #SESSIONS} sessions at once.
   */
  private static Soak soak(RealStagehand.Stack stack, ActionCache cache) throws Exception {
    Soak soak = new Soak();
    long started = System.nanoTime();
    try (FakeModel model = new FakeModel(); TestPage page = new TestPage()) {
      StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
          .localServer(stack.localServer.toBuilder().putEnvironment("OPENAI_BASE_URL", model.baseUrl()).build())
          .modelApiKey(FakeModel.API_KEY);
      if (cache != null) {
        builder.actionCache(cache);
      }
      StagehandClient client = builder.build();
      List<StagehandSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
      try {
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
          running.add(pool.submit(() -> {
            try (StagehandSession session = client.sessions().open(
                SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
              sessions.add(session);
              for (int round = 0; round < ROUNDS; round++) {
                rounds(session, page.url(), model, soak);
              }
            }
            return null;
          }));
        }
        for (Future<?> session : running) {
          try {
            session.get(4, TimeUnit.MINUTES);
          } catch (java.util.concurrent.ExecutionException e) {
            soak.failures.add(e.getCause());
          }
        }
        assertThat(sessions).hasSize(SESSIONS).allMatch(StagehandSession::isEnded);
        assertThat(client.sessions().opened()).as("sessions the client still holds open").isEmpty();
      } finally {
        pool.shutdownNow();
        client.close();
      }
    }
    soak.millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return soak;
  }

  /** One round of the four calls; a failed call is recorded and the round goes on. */
  private static void rounds(StagehandSession session, String url, FakeModel model, Soak soak) {
    call(soak, "navigate", () -> session.navigate(url), any -> true);
    call(soak, "act", () -> session.act("click the Submit button", ActOptions.builder().model(model.model()).build()),
        (ActResultData result) -> result.success());
    call(soak, "observe", () -> session.observe("find the Submit button",
        ObserveOptions.builder().model(model.model()).build()), (List<Action> found) -> !found.isEmpty());
    call(soak, "extract", () -> session.extract("the result line under the form",
        ExtractOptions.builder().model(model.model()).build()),
        (JsonNode result) -> result.path("extraction").asText().startsWith("Submitted"));
  }

  private static <T> void call(Soak soak, String name, Supplier<T> call, java.util.function.Predicate<T> succeeded) {
    soak.calls.incrementAndGet();
    try {
      T result = call.get();
      if (!succeeded.test(result)) {
        soak.failures.add(new AssertionError(name + " did not succeed: " + result));
      }
    } catch (RuntimeException e) {
      soak.failures.add(e);
    }
  }

  /** Each call once on the stack's client, with and without a cache. */
  private static void warmUp(RealStagehand.Stack stack) {
    Soak soak = new Soak();
    for (StagehandClient client : new StagehandClient[] {
        stack.client, stack.client.withOptions(b -> b.actionCache(ActionCache.memory()))}) {
      try (StagehandSession session = client.sessions().open(
          SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
        rounds(session, stack.page.url(), stack.model, soak);
      }
    }
    assertThat(soak.failures).as("the warm-up's calls").isEmpty();
  }

  /** The ids of the live threads of the SDK, OkHttp and MockWebServer (pool threads share names: ids tell them apart). */
  private static Set<Long> ourThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(thread -> OURS.matcher(thread.getName()).matches()).map(Thread::getId).collect(Collectors.toSet());
  }

  /**
   * Waits until every thread of ours that was not there before has ended, except the JVM's shared ones (which must
   * be idle daemons); returns those still there.
   */
  private static List<String> awaitThreadsEnd(Set<Long> before, long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (true) {
      List<String> left = new ArrayList<>();
      for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
        String name = thread.getKey().getName();
        if (!thread.getKey().isAlive() || !OURS.matcher(name).matches() || before.contains(thread.getKey().getId())) {
          continue;
        }
        if (SHARED.matcher(name).matches() && thread.getKey().isDaemon() && idle(thread.getValue())) {
          continue;
        }
        left.add(name + " " + thread.getKey().getState());
      }
      if (left.isEmpty() || System.nanoTime() - deadline >= 0) {
        return left;
      }
      Thread.sleep(100);
    }
  }

  /** Whether a pool thread waits for work. */
  private static boolean idle(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (frame.getMethodName().equals("getTask") || frame.getMethodName().equals("awaitNanos")
          || frame.getClassName().endsWith("TaskRunner$RealBackend") || frame.getMethodName().equals("awaitTaskToRun")) {
        return true;
      }
    }
    return false;
  }

  /** The processes this JVM started, directly or not, that still run. */
  private static Set<Long> processes() {
    return ProcessHandle.current().descendants().filter(p -> KilledJvmIT.running(p.pid()))
        .map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  /** How many sockets this JVM holds open ({@code /proc/self/fd}); -1 where there is no {@code /proc}. */
  private static long sockets() throws IOException {
    Path fds = Paths.get("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return -1;
    }
    long count = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
      for (Path fd : entries) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
            count++;
          }
        } catch (IOException closedMeanwhile) {
          // not one
        }
      }
    }
    return count;
  }

  /** Waits until this JVM holds at most {@code bound} sockets; returns how many it holds. */
  private static long awaitSockets(long bound, long nanos) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + nanos;
    long count;
    while ((count = sockets()) > bound && System.nanoTime() - deadline < 0) {
      Thread.sleep(100);
    }
    return count;
  }

  private static long heapAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) { // the least of a few: a GC may run while a daemon still allocates
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
