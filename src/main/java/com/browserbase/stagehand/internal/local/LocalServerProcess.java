package com.browserbase.stagehand.internal.local;

import com.browserbase.stagehand.internal.session.StartHook;
import com.browserbase.stagehand.local.LocalServer;
import com.browserbase.stagehand.local.LocalServerException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Stagehand server running on this machine for a client in local mode: {@link #start(LocalServer)} returns once
 * the server has said where it listens and {@code GET /readyz} answers 200 there; {@link #stop()} (or a JVM shutdown
 * hook) stops it with the browsers it launched. Its own temporary directory, its {@code TMPDIR} (where the browser
 * profiles land), is deleted then.
 *
 * <p>The client sends its keys to this server, so it must be the child this class started, not whatever
 * answers on a port: the child is given {@code PORT=0} (or the fixed {@link LocalServer#port()}), binds the
 * port itself, and its own line {@code Server listening at http://127.0.0.1:<port>} gives the address; no
 * probe socket leaves a gap for another process to take the port. A fixed port that another process holds
 * makes the child fail to bind and exit, and {@link #start} fails naming the port.
 *
 * <p>Where there is a POSIX {@code sh} (not on Windows) the server runs under a {@link Supervisor} whose standard
 * input is a pipe from this JVM: when the pipe closes, because {@link #stop()} closed it or because the JVM died (even
 * by {@code SIGKILL}), the supervisor stops the server and its browsers. Thread-safe. Not API.
 */
public final class LocalServerProcess {
  private static final String HOST = "127.0.0.1";
  private static final int LAST_LINES = 20;
  /** How long the JVM waits for the supervisor beyond the stop timeout before it kills the processes itself. */
  private static final long SUPERVISOR_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final LocalServer settings;
  /** The server, or the {@link Supervisor} it runs under. */
  private final Process process;
  private final boolean supervised;
  private final long pid;
  /** Set once the server said where it listens, before {@link #start} returns. */
  private volatile String baseUrl;
  private final Path workDir;
  private final ServerOutput output;
  private final StartHook startHook;
  private final Thread shutdownHook;
  private final AtomicBoolean stopped = new AtomicBoolean();

  private LocalServerProcess(LocalServer settings, Process process, boolean supervised, Path workDir,
      ServerOutput output, StartHook startHook) {
    this.settings = settings;
    this.process = process;
    this.supervised = supervised;
    this.pid = ProcessTree.pid(process);
    this.workDir = workDir;
    this.output = output;
    this.startHook = startHook;
    this.shutdownHook = new Thread(this::stop, "stagehand-local-server-stop");
  }

  /**
   * Starts the server and waits until it is ready; {@link LocalServerException} at once when the server, node or the
   * configured Chromium is missing or not runnable, or, after stopping it, when it exits or is not ready in time.
   */
  public static LocalServerProcess start(LocalServer settings) {
    List<String> command = command(settings);
    Optional<Path> chrome = LocalBrowserDefaults.chrome(settings.chromePath());
    settings.chromePath().ifPresent(path -> requireExecutable(path, "The Chromium of LocalServer.chromePath"));
    Path workDir;
    try {
      workDir = Files.createTempDirectory("stagehand-local-");
    } catch (IOException e) {
      throw new LocalServerException("Cannot create a temporary directory for the local Stagehand server",
          Collections.<String>emptyList(), e);
    }
    boolean supervised = Supervisor.available();
    ProcessBuilder builder = new ProcessBuilder(
        supervised ? Supervisor.wrap(command, settings.stopTimeout().toMillis(), workDir) : command)
        .directory(workDir.toFile());
    environment(builder.environment(), settings, workDir, chrome);
    ServerOutput.LOG.info("Starting the local Stagehand server {} on {}:{}", String.join(" ", command), HOST,
        settings.port() != 0 ? settings.port() : "a free port");
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      deleteQuietly(workDir);
      throw new LocalServerException("Cannot start the local Stagehand server " + String.join(" ", command),
          Collections.<String>emptyList(), e);
    }
    long pid = ProcessTree.pid(process);
    ServerOutput output = new ServerOutput("stagehand-server-" + (pid >= 0 ? pid : System.identityHashCode(process)));
    output.read(process.getInputStream(), false);
    output.read(process.getErrorStream(), true);
    if (!supervised) {
      closeQuietly(process); // the server reads nothing; a supervisor's standard input is its lifeline, kept open
    }
    StartHook hook = new LocalStartHook(
        new LocalBrowserDefaults(chrome.orElse(null), settings.headless(), LocalBrowserDefaults.runsAsRoot()), output);
    LocalServerProcess server = new LocalServerProcess(settings, process, supervised, workDir, output, hook);
    try {
      Runtime.getRuntime().addShutdownHook(server.shutdownHook);
      server.awaitReady(started);
    } catch (RuntimeException | Error e) {
      server.stop();
      throw e;
    }
    if (!chrome.isPresent()) {
      ServerOutput.LOG.warn("No Chromium found on the PATH ({}): sessions started without a browser leave it to the"
          + " server to find one; set LocalServer.chromePath or CHROME_PATH", LocalBrowserDefaults.BROWSER_NAMES);
    }
    ServerOutput.LOG.info("The local Stagehand server is ready at {} (pid {}, {} ms)", server.baseUrl, server.pid(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    return server;
  }

  /** The JVM's environment, what the server needs, then the user's additions. */
  private static void environment(Map<String, String> env, LocalServer settings, Path workDir, Optional<Path> chrome) {
    env.put("BB_ENV", "local");
    env.put("NODE_ENV", "production"); // the bundled server cannot run in development mode
    env.put("HOST", HOST);
    env.put("PORT", String.valueOf(settings.port())); // 0: the server binds a free port itself and says which
    env.put("TMPDIR", workDir.toString());
    if (File.separatorChar == '\\') {
      env.put("TEMP", workDir.toString()); // node's os.tmpdir() on Windows
      env.put("TMP", workDir.toString());
    }
    chrome.ifPresent(path -> env.put("CHROME_PATH", path.toString()));
    env.putAll(settings.environment());
  }

  /** Where the server listens, such as {@code http://127.0.0.1:41234}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** What the client's sessions add to their start requests. */
  public StartHook startHook() {
    return startHook;
  }

  /** The server's process id: the supervisor's word for it, else that of the process started; -1 if unknown. */
  private long pid() {
    long server = output.serverPid();
    return server >= 0 || supervised ? server : pid;
  }

  /**
   * Stops the server: SIGTERM to its browsers, then, once they have exited or {@link LocalServer#stopTimeout()} has
   * passed, SIGKILL to whatever is left, the server too; then deletes its temporary directory. The server delays its
   * own exit by 10 s after SIGTERM, for load balancers; it has nothing to save, so that is not waited for. Under a
   * {@link Supervisor} (closing its pipe asks it to do this) the JVM only waits, and kills the processes it knows
   * itself if the supervisor has not finished 5 s after the stop timeout; without one (Windows) it signals them
   * itself: on Java 8, which cannot see the browsers, only the server. Idempotent.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    if (Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway, and finds the server stopped
      }
    }
    boolean interrupted = Thread.interrupted();
    output.stopping();
    long deadline = System.nanoTime() + settings.stopTimeout().toNanos();
    ProcessTree tree = ProcessTree.of(process);
    List<Long> browsers = new ArrayList<>(tree.descendantPids());
    if (supervised) {
      browsers.removeAll(tree.childPids()); // the server, and the supervisor's watcher
    }
    boolean running = process.isAlive();
    try {
      boolean exited;
      if (supervised) {
        closeQuietly(process);
        boolean finished = tree.awaitRoot(deadline + SUPERVISOR_MARGIN_NANOS);
        exited = finished && (!running || process.exitValue() == 0);
        if (finished) { // a process killed after its parent is gone once init has collected it; then close() returns
          tree.awaitDescendants(deadline + SUPERVISOR_MARGIN_NANOS);
        }
      } else {
        tree.terminate();
        exited = tree.awaitDescendants(deadline);
      }
      tree.kill();
      tree.awaitRoot(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
      output.awaitEnd(1_000);
      ServerOutput.LOG.info("Stopped the local Stagehand server at {} (pid {}{}){}", where(), pid(),
          browsers.isEmpty() ? "" : ", and its processes " + browsers, exited ? "" : ": killed after the stop timeout");
    } catch (InterruptedException e) {
      interrupted = true;
      tree.kill();
    } finally {
      deleteQuietly(workDir);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Waits until the server has said where it listens (its own line, so the port is its own) and answers
   * {@code GET /readyz} there; sets {@link #baseUrl}.
   */
  private void awaitReady(long started) {
    long deadline = started + settings.readyTimeout().toNanos();
    long pause = 25;
    URL readyz = null;
    while (true) {
      if (!process.isAlive()) {
        throw exited();
      }
      if (readyz == null && output.listeningAt() != null) {
        readyz = readyzAt(output.listeningAt());
      }
      if (readyz != null && answersReady(readyz)) {
        return;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw failure("The local Stagehand server " + (readyz == null ? "did not say where it listens" : "was not ready at "
            + baseUrl) + " within " + settings.readyTimeout().toMillis() + " ms (LocalServer.readyTimeout)", null);
      }
      try {
        Thread.sleep(Math.min(pause, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("Interrupted while waiting for the local Stagehand server to be ready", e);
      }
      pause = Math.min(pause * 2, 500);
    }
  }

  /** The {@code /readyz} of the address the server said it listens at, which must be the loopback port asked for. */
  private URL readyzAt(String listening) {
    try {
      URL url = new URL(listening);
      if (!HOST.equals(url.getHost()) || (settings.port() != 0 && url.getPort() != settings.port())) {
        throw failure("The local Stagehand server listens at " + listening + ", not on " + HOST
            + (settings.port() != 0 ? ":" + settings.port() : "") + " as it was told", null);
      }
      baseUrl = "http://" + HOST + ":" + url.getPort();
      return new URL(baseUrl + "/readyz");
    } catch (IOException e) {
      throw failure("The local Stagehand server said it listens at " + listening + ", which is not a URL", e);
    }
  }

  /** Why the server exited before it was ready: a fixed port held by another process, or its own reason. */
  private LocalServerException exited() {
    LocalServerException failure = failure("The local Stagehand server exited with code " + process.exitValue()
        + " before it was ready", null);
    if (settings.port() != 0 && String.join("\n", failure.output()).contains("EADDRINUSE")) {
      return new LocalServerException("Port " + settings.port() + " on " + HOST + " is taken by another process, so the"
          + " local Stagehand server could not listen there; nothing was sent to it. Choose another LocalServer.port,"
          + " or 0 (the default) for a free one (" + settings.server() + ")", failure.output(), null);
    }
    return failure;
  }

  private static boolean answersReady(URL readyz) {
    try {
      HttpURLConnection connection = (HttpURLConnection) readyz.openConnection(Proxy.NO_PROXY);
      connection.setConnectTimeout(1_000);
      connection.setReadTimeout(2_000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException notYet) {
      return false;
    }
  }

  /** The failure of a start, with the server's last lines once its output has ended (or shortly). */
  private LocalServerException failure(String message, Throwable cause) {
    try {
      output.awaitEnd(process.isAlive() ? 0 : 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> lines = output.lastLines(LAST_LINES);
    return new LocalServerException(message + " (" + settings.server() + ")" + (lines.isEmpty() ? ", and wrote nothing" : ""),
        lines, cause);
  }

  private static List<String> command(LocalServer settings) {
    Path server = settings.server();
    List<String> command = new ArrayList<>();
    String name = String.valueOf(server.getFileName());
    if (name.endsWith(".mjs") || name.endsWith(".js") || name.endsWith(".cjs")) { // a script run with node
      if (!Files.isRegularFile(server) || !Files.isReadable(server)) {
        throw new LocalServerException("The Stagehand server " + server + " does not exist or cannot be read",
            Collections.<String>emptyList(), null);
      }
      Path node = settings.node().isPresent()
          ? requireExecutable(settings.node().get(), "The node of LocalServer.node")
          : Executables.onPath("node").orElseThrow(() -> new LocalServerException(
              "Cannot run the Stagehand server " + server + ": node is not on the PATH (set LocalServer.node)",
              Collections.<String>emptyList(), null));
      command.add(node.toString());
    } else {
      requireExecutable(server, "The Stagehand server");
    }
    command.add(server.toAbsolutePath().toString());
    return command;
  }

  private static Path requireExecutable(Path file, String what) {
    if (!Files.isRegularFile(file)) {
      throw new LocalServerException(what + " " + file + " does not exist", Collections.<String>emptyList(), null);
    }
    if (!Files.isExecutable(file)) {
      throw new LocalServerException(what + " " + file + " is not executable", Collections.<String>emptyList(), null);
    }
    return file;
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // nothing to release
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return; // the supervisor deleted it
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) { // children first
        Files.deleteIfExists(file);
      }
    } catch (IOException | UncheckedIOException e) {
      ServerOutput.LOG.debug("Could not delete {} entirely: {}", dir, e.toString());
    }
  }

  private String where() {
    return baseUrl != null ? baseUrl : HOST + " (not listening yet)";
  }

  @Override
  public String toString() {
    return "LocalServerProcess{" + where() + ", pid " + pid() + (stopped.get() ? ", stopped" : "") + "}";
  }
}
