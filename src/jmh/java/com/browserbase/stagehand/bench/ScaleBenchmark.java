package com.browserbase.stagehand.bench;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * How many concurrent streaming calls one client holds, and what each costs: a measurement program,
 * not a JMH benchmark. Run it with
 *
 * <pre>
 * ./mvnw -B -Pbench,scale test-compile exec:exec -Dscale.streams=10000
 * </pre>
 *
 * <p>It starts {@link ScaleServer} in a JVM of its own (same {@code java}, same classpath): 10,000
 * client sockets and 10,000 server sockets would not fit under one process's file-descriptor limit.
 * The server is stopped on every path (finally, plus a shutdown hook; and it exits by itself when its
 * standard input closes, so even a killed benchmark leaves nothing behind).
 *
 * <p>Then one client, {@code StagehandOkHttpClient.builder().baseUrl(...).maxRetries(0).build()},
 * opens N {@code async().sessions().actStreaming(...).subscribe(handler)} streams; the server answers
 * each with {@code starting} and {@code connected} and holds it. Once all N have seen {@code
 * connected}, it measures: streams held, live and peak platform threads ({@link ThreadMXBean}, which
 * does not count virtual threads), heap in use after {@code System.gc()} against the same measure
 * before the first call, and the process's VmRSS against the same. Then the server finishes every
 * stream, and each {@code onCompleteFuture()} must complete normally.
 *
 * <p>Settings (system properties of the benchmark JVM; the Maven profile passes them on):
 *
 * <ul>
 *   <li>{@code scale.streams}: N, default 10000;
 *   <li>{@code scale.threads}: {@code sdk} (the SDK's own dispatcher: virtual threads on JDK 21+,
 *       platform threads before) or {@code platform} (a client built on an OkHttpClient whose
 *       dispatcher runs a cached pool of platform threads, as the SDK does before JDK 21: shows what
 *       virtual threads change on the same JDK);
 *   <li>{@code scale.openTimeoutSeconds}: how long to wait for all N {@code connected} events,
 *       default 300; {@code scale.finishTimeoutSeconds}: for all N to complete, default 120;
 *   <li>{@code scale.holdSeconds}: how long to keep the streams open after measuring, before
 *       finishing them (default 0), e.g. to look at the process with {@code jcmd}.
 * </ul>
 *
 * <p>Exit status 0 when all N streams were held and all N completed normally, 1 otherwise.
 */
public final class ScaleBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private final int n;
  private final String threadsVariant;
  private final long openTimeoutMs;
  private final long finishTimeoutMs;
  private final long holdSeconds = Long.getLong("scale.holdSeconds", 0);
  private final Map<String, String> table = new LinkedHashMap<>();

  private ScaleBenchmark(int n, String threadsVariant, long openTimeoutMs, long finishTimeoutMs) {
    this.n = n;
    this.threadsVariant = threadsVariant;
    this.openTimeoutMs = openTimeoutMs;
    this.finishTimeoutMs = finishTimeoutMs;
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.getInteger("scale.streams", 10_000);
    String variant = System.getProperty("scale.threads", "sdk");
    if (!variant.equals("sdk") && !variant.equals("platform")) {
      throw new IllegalArgumentException("scale.threads must be sdk or platform, was " + variant);
    }
    long openTimeoutMs = TimeUnit.SECONDS.toMillis(Long.getLong("scale.openTimeoutSeconds", 300));
    long finishTimeoutMs = TimeUnit.SECONDS.toMillis(Long.getLong("scale.finishTimeoutSeconds", 120));

    ServerProcess server = ServerProcess.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "scale-server-stopper"));
    boolean ok;
    try {
      ok = new ScaleBenchmark(n, variant, openTimeoutMs, finishTimeoutMs).run(server);
    } finally {
      server.stop();
    }
    System.exit(ok ? 0 : 1);
  }

  /** Counts what every stream delivers; one instance serves all N streams. */
  private static final class Counting implements AsyncStreamResponse.Handler<StreamEvent> {
    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

    @Override
    public void onNext(StreamEvent event) {
      StreamEventStatus status = event.data().status();
      if (StreamEventStatus.CONNECTED.equals(status)) {
        connected.incrementAndGet();
      } else if (StreamEventStatus.FINISHED.equals(status)) {
        finished.incrementAndGet();
      }
    }

    @Override
    public void onComplete(Optional<Throwable> error) {
      if (error.isPresent() && failed.incrementAndGet() <= 5) {
        firstErrors.add(error.get().toString());
      }
    }
  }

  private boolean run(ServerProcess server) throws Exception {
    ExecutorService platformPool = null;
    OkHttpClient platformHttp = null;
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .baseUrl("http://127.0.0.1:" + server.port)
        .maxRetries(0);
    if (threadsVariant.equals("platform")) {
      platformPool = platformPool();
      Dispatcher dispatcher = new Dispatcher(platformPool);
      dispatcher.setMaxRequests(256);
      dispatcher.setMaxRequestsPerHost(256);
      platformHttp = new OkHttpClient.Builder()
          .dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(64, 2, TimeUnit.SECONDS))
          .fastFallback(false)
          .build();
      builder.okHttpClient(platformHttp);
    }
    StagehandClient client = builder.build();
    ExecutorService pool = platformPool;
    OkHttpClient http = platformHttp;
    Runnable closeClient = () -> { // idempotent: once on the normal path, again in finally
      client.close();
      if (http != null) {
        http.dispatcher().cancelAll();
        pool.shutdown();
        http.connectionPool().evictAll();
      }
    };
    try {
      return measure(server, client, closeClient);
    } finally {
      closeClient.run();
    }
  }

  private boolean measure(ServerProcess server, StagehandClient client, Runnable closeClient) throws Exception {
    Counting handler = new Counting();
    List<AsyncStreamResponse<StreamEvent>> streams = new ArrayList<>(n);

    // Before the first call: the client built, the server running.
    long heapBefore = heapAfterGc();
    long rssBefore = rssKb("self");
    int threadsBefore = THREADS.getThreadCount();
    Map<String, Integer> namesBefore = threadNames();
    THREADS.resetPeakThreadCount();
    String loadBefore = loadAverage();
    log("JDK " + System.getProperty("java.version") + ", " + threadsVariant + " threads, N = " + n
        + "; before the first call: " + threadsBefore + " platform threads, heap " + mb(heapBefore)
        + ", RSS " + rssBefore / 1024 + " MB");

    // Open N streams.
    long start = System.nanoTime();
    String callFailure = null;
    for (int i = 0; i < n; i++) {
      try {
        streams.add(client.async().sessions()
            .actStreaming(SessionActParams.builder().id("s-" + i).input("click").build())
            .subscribe(handler));
      } catch (RuntimeException e) {
        callFailure = "call " + i + " threw " + e;
        break;
      }
    }
    long issuedNanos = System.nanoTime() - start;
    log("issued " + streams.size() + " calls in " + ms(issuedNanos) + (callFailure != null ? "; " + callFailure : ""));
    String openOutcome = awaitConnected(handler, streams.size(), start);
    long openNanos = System.nanoTime() - start;
    int connected = handler.connected.get();
    int failedOpening = handler.failed.get();

    // Measure while every stream is held.
    int live = THREADS.getThreadCount();
    int peakOpen = THREADS.getPeakThreadCount();
    Map<String, Integer> namesOpen = threadNames();
    String serverCount = server.command("count");
    long heapOpen = heapAfterGc();
    long rssOpen = rssKb("self");
    long serverRss = rssKb(Long.toString(server.process.pid()));
    int fds = openFileDescriptors();
    String virtualThreads = countVirtualThreads();
    int liveAfterGc = THREADS.getThreadCount();
    String loadOpen = loadAverage();
    if (holdSeconds > 0) {
      log("holding the streams open for " + holdSeconds + " s (pid " + ProcessHandle.current().pid() + ")");
      Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
    }

    // Finish every stream; each must complete normally.
    long finishStart = System.nanoTime();
    String finishReply = server.command("finish");
    CompletableFuture<?>[] completions = new CompletableFuture<?>[streams.size()];
    for (int i = 0; i < completions.length; i++) {
      completions[i] = streams.get(i).onCompleteFuture();
    }
    String finishOutcome = "all completed";
    try {
      CompletableFuture.allOf(completions).get(finishTimeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      finishOutcome = "timed out after " + finishTimeoutMs / 1000 + " s";
    } catch (ExecutionException e) {
      finishOutcome = "all done, some exceptionally"; // allOf is done only when every one is; counted below
    }
    long finishNanos = System.nanoTime() - finishStart;
    int normal = 0;
    int exceptional = 0;
    for (CompletableFuture<?> completion : completions) {
      if (completion.isDone()) {
        if (completion.isCompletedExceptionally()) {
          exceptional++;
        } else {
          normal++;
        }
      }
    }
    int peakEnd = THREADS.getPeakThreadCount();
    closeClient.run();

    int per = Math.max(1, connected); // per stream held: N when all are
    row("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    row("threads of the dispatcher", threadsVariant.equals("sdk")
        ? "the SDK's own (" + (virtualAvailable() ? "virtual threads" : "platform threads") + ")"
        : "platform (cached pool on a user-supplied OkHttpClient, max 256 calls in flight)");
    row("GC, max heap", gcName() + ", " + mb(MEMORY.getHeapMemoryUsage().getMax()));
    row("streams requested (N)", Integer.toString(n));
    row("streams held (connected)", connected + (connected == n ? "" : "  (" + openOutcome + ")"));
    row("server says", serverCount);
    row("failed before finish", Integer.toString(failedOpening));
    row("load average (1 min): before -> open", loadBefore + " -> " + loadOpen);
    row("time to open all", ms(openNanos) + " (" + ms(issuedNanos) + " to issue the calls)");
    row("platform threads before", Integer.toString(threadsBefore));
    row("platform threads, streams open", live + " (after GC: " + liveAfterGc + ")");
    row("peak platform threads (open)", Integer.toString(peakOpen));
    row("peak platform threads (whole run)", Integer.toString(peakEnd));
    row("virtual threads named stagehand-virtual-*", virtualThreads);
    row("heap in use after GC: before -> open", mb(heapBefore) + " -> " + mb(heapOpen));
    row("heap per open stream", kb((heapOpen - heapBefore) / (double) per));
    row("VmRSS: before -> open", rssBefore / 1024 + " MB -> " + rssOpen / 1024 + " MB");
    row("RSS per open stream", kb((rssOpen - rssBefore) * 1024.0 / per));
    row("open file descriptors (client)", Integer.toString(fds));
    row("server VmRSS", serverRss / 1024 + " MB");
    row("finish", finishReply + "; " + finishOutcome + " in " + ms(finishNanos));
    row("completed normally / exceptionally / not done",
        normal + " / " + exceptional + " / " + (completions.length - normal - exceptional));
    row("finished events seen", Integer.toString(handler.finished.get()));
    if (!handler.firstErrors.isEmpty()) {
      row("first errors", String.join(" | ", handler.firstErrors));
    }
    printTable();
    System.out.println();
    System.out.println("Platform threads by name, streams open (digits as #; before the first call: " + namesBefore + "):");
    for (Map.Entry<String, Integer> name : namesOpen.entrySet()) {
      System.out.printf("  %6d  %s%n", name.getValue(), name.getKey());
    }
    System.out.println();
    System.out.printf("RESULT jdk=%s threads=%s n=%d held=%d peakThreads=%d liveThreads=%d heapPerStreamB=%.0f"
            + " rssPerStreamB=%.0f openMs=%.0f completedNormally=%d%n",
        System.getProperty("java.specification.version"), threadsVariant, n, connected, peakEnd, live,
        (heapOpen - heapBefore) / (double) per, (rssOpen - rssBefore) * 1024.0 / per, openNanos / 1e6, normal);
    System.out.flush();
    return connected == n && normal == n;
  }

  /** Waits until every issued stream is connected or has failed; returns what happened. */
  private String awaitConnected(Counting handler, int issued, long start) throws InterruptedException {
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(openTimeoutMs);
    long lastReport = System.nanoTime();
    int lastCount = -1;
    long lastProgress = System.nanoTime();
    while (true) {
      int connected = handler.connected.get();
      int failed = handler.failed.get();
      if (connected + failed >= issued) {
        return failed == 0 ? "all connected" : failed + " failed";
      }
      long now = System.nanoTime();
      if (connected + failed != lastCount) {
        lastCount = connected + failed;
        lastProgress = now;
      }
      if (now - deadline > 0) {
        return "gave up after " + openTimeoutMs / 1000 + " s";
      }
      if (now - lastProgress > TimeUnit.SECONDS.toNanos(60)) {
        return "no progress for 60 s";
      }
      if (now - lastReport > TimeUnit.SECONDS.toNanos(2)) {
        lastReport = now;
        log("  " + ms(now - start) + ": connected " + connected + ", failed " + failed + ", platform threads "
            + THREADS.getThreadCount());
      }
      Thread.sleep(20);
    }
  }

  private static ExecutorService platformPool() {
    AtomicInteger count = new AtomicInteger();
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<Runnable>(),
        runnable -> {
          Thread thread = new Thread(runnable, "scale-platform-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  // ---- measures ------------------------------------------------------------------------------------

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  /** VmRSS of /proc/{self|pid}/status in kB, or -1. */
  private static long rssKb(String process) {
    try {
      for (String line : Files.readAllLines(Paths.get("/proc", process, "status"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }

  /** The 1-minute load average of the machine (other processes included). */
  private static String loadAverage() {
    try {
      return new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static int openFileDescriptors() {
    String[] fds = new File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  /** Live platform threads grouped by name, digits replaced by #, most first. */
  private static Map<String, Integer> threadNames() {
    Map<String, Integer> byName = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      byName.merge(thread.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    byName.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /**
   * On JDK 21+, the number of virtual threads named {@code stagehand-virtual-*}, from a thread dump
   * (HotSpotDiagnosticMXBean.dumpThreads, found reflectively: this class compiles for 17).
   */
  private static String countVirtualThreads() {
    if (!virtualAvailable()) {
      return "n/a (no virtual threads before JDK 21)";
    }
    try {
      Path dump = Files.createTempFile("scale-threads", ".json");
      Files.delete(dump);
      Class<?> mxClass = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
      Object mx = ManagementFactory.getPlatformMXBean(mxClass.asSubclass(java.lang.management.PlatformManagedObject.class));
      Class<?> format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
      Object json = format.getField("JSON").get(null);
      mxClass.getMethod("dumpThreads", String.class, format).invoke(mx, dump.toString(), json);
      try {
        String text = new String(Files.readAllBytes(dump), StandardCharsets.UTF_8);
        int count = 0;
        for (int i = text.indexOf("\"stagehand-virtual-"); i >= 0; i = text.indexOf("\"stagehand-virtual-", i + 1)) {
          count++;
        }
        return Integer.toString(count);
      } finally {
        Files.deleteIfExists(dump);
      }
    } catch (Exception e) {
      return "unknown (" + e + ")";
    }
  }

  private static boolean virtualAvailable() {
    try {
      Thread.class.getMethod("ofVirtual");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String gcName() {
    List<String> names = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> names.add(gc.getName()));
    return String.join("/", names);
  }

  // ---- output --------------------------------------------------------------------------------------

  private void row(String name, String value) {
    table.put(name, value);
  }

  private void printTable() {
    int width = table.keySet().stream().mapToInt(String::length).max().orElse(10);
    System.out.println();
    System.out.println("Scale: " + n + " concurrent actStreaming calls on one client");
    String rule = new String(new char[width + 2]).replace('\0', '-');
    System.out.println(rule);
    for (Map.Entry<String, String> row : table.entrySet()) {
      System.out.printf("%-" + width + "s  %s%n", row.getKey(), row.getValue());
    }
    System.out.println(rule);
  }

  private static void log(String line) {
    System.out.println("[scale] " + line);
    System.out.flush();
  }

  private static String ms(long nanos) {
    return String.format("%,.0f ms", nanos / 1e6);
  }

  private static String mb(long bytes) {
    return String.format("%,.1f MB", bytes / 1048576.0);
  }

  private static String kb(double bytes) {
    return String.format("%,.1f KB", bytes / 1024);
  }

  // ---- the server process ----------------------------------------------------------------------------

  /** {@link ScaleServer} in its own JVM; {@link #stop()} ends it on every path and is idempotent. */
  static final class ServerProcess {
    final Process process;
    int port;
    private final InputStream out;
    private final OutputStream in;
    private boolean stopped;

    private ServerProcess(Process process) {
      this.process = process;
      this.out = process.getInputStream();
      this.in = process.getOutputStream();
    }

    static ServerProcess start() throws IOException {
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC",
          "-cp", System.getProperty("java.class.path"), ScaleServer.class.getName())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      ServerProcess server = new ServerProcess(builder.start());
      try {
        String first = server.readLine(30_000);
        if (!first.startsWith("PORT ")) {
          throw new IOException("the scale server said " + first + " instead of its port");
        }
        server.port = Integer.parseInt(first.substring(5).trim());
        return server;
      } catch (IOException | RuntimeException e) {
        server.stop();
        throw e;
      }
    }

    /** Sends one command line and returns the server's one-line answer. */
    synchronized String command(String command) throws IOException {
      in.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
      in.flush();
      return readLine(60_000);
    }

    /** Reads one line of the server's output without a reader thread (polling), within a time limit. */
    private String readLine(long timeoutMs) throws IOException {
      StringBuilder line = new StringBuilder();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
      while (true) {
        while (out.available() > 0) {
          int c = out.read();
          if (c == '\n') {
            return line.toString();
          }
          line.append((char) c);
        }
        if (!process.isAlive() && out.available() == 0) {
          throw new IOException("the scale server exited with " + process.exitValue() + " (read so far: " + line + ")");
        }
        if (System.nanoTime() - deadline > 0) {
          throw new IOException("no line from the scale server within " + timeoutMs + " ms (read so far: " + line + ")");
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    }

    /** Ends the server: end of input, then destroy, then destroyForcibly after a grace period; waits for it. */
    synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      try {
        in.close(); // the server exits at the end of its input
      } catch (IOException ignored) {
        // it may be gone already
      }
      try {
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroy();
          if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
          }
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
