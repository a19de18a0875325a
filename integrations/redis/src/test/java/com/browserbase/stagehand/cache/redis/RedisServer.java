package com.browserbase.stagehand.cache.redis;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for the tests, run in the foreground on a free loopback port with no persistence
 * ({@code --save '' --appendonly no --daemonize no}), stopped by its PID: by {@link #stop()}/{@link #close()}, which the
 * tests call on every path, and by a JVM shutdown hook for any left running.
 *
 * <p>The program is {@code -Dstagehand.redis.server=PATH}, else {@code redis-server} on the PATH. Without it the tests
 * are skipped with one line saying why, unless {@code CI=true} or {@code -Dstagehand.integration.required=true}, where
 * they fail (as the e2e kit's {@code RealStagehand} does).
 */
final class RedisServer implements AutoCloseable {
  private static final Set<ProcessHandle> RUNNING = ConcurrentHashMap.newKeySet();
  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(RedisServer::kill), "redis-server-reaper"));
  }

  private final Path program;
  private final int port;
  private final String password;
  private final List<String> extraArgs;
  private final Path dir;
  private volatile Process process;
  private volatile boolean frozen;

  private RedisServer(Path program, int port, String password, List<String> extraArgs) throws IOException {
    this.program = program;
    this.port = port;
    this.password = password;
    this.extraArgs = extraArgs;
    this.dir = Files.createDirectories(Paths.get("target", "redis-servers", "port-" + port)).toAbsolutePath();
  }

  /** A server without a password. */
  static RedisServer start() {
    return start(null);
  }

  /** A server with {@code --requirepass password} when {@code password} is not null, and {@code extraArgs}. */
  static RedisServer start(String password, String... extraArgs) {
    Path program = program();
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {   // a free port may be taken before redis-server binds it
      try {
        RedisServer server = new RedisServer(program, freePort(), password, List.of(extraArgs));
        server.launch();
        return server;
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException("Cannot start redis-server: " + last.getMessage(), last);
  }

  /** The {@code redis-server} to run, or skips (fails with {@code CI=true}) the calling test saying why. */
  static Path program() {
    String setting = System.getProperty("stagehand.redis.server");
    Optional<Path> program = setting != null && !setting.isEmpty()
        ? Optional.of(Paths.get(setting)).filter(Files::isExecutable)
        : onPath("redis-server");
    if (program.isEmpty()) {
      String reason = "no redis-server (apt-get install -y redis-server, or -Dstagehand.redis.server=PATH)";
      if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("stagehand.integration.required")) {
        throw new IllegalStateException("Redis tests cannot run, and must (CI=true): " + reason);
      }
      String line = "Redis tests skipped: " + reason;
      if (SAID.add(line)) {
        System.out.println("[redis] " + line);
      }
      Assumptions.abort(line);
    }
    return program.get();
  }

  int port() {
    return port;
  }

  long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** {@code redis://127.0.0.1:PORT}, with {@code :password@} (percent-encoded) when the server has one. */
  String uri() {
    return password == null ? "redis://127.0.0.1:" + port : "redis://:" + encode(password) + "@127.0.0.1:" + port;
  }

  /** Stops the server by its PID (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  void stop() {
    Process p = process;
    process = null;
    if (p != null) {
      if (frozen) {
        signal(p.pid(), "CONT");
        frozen = false;
      }
      kill(p.toHandle());
      RUNNING.remove(p.toHandle());
    }
  }

  /** Freezes the process (SIGSTOP by its PID): its connections stay open, and nothing is answered. */
  void freeze() throws IOException {
    signal(pid(), "STOP");
    frozen = true;
  }

  /** Lets a {@link #freeze() frozen} process run again (SIGCONT). */
  void thaw() throws IOException {
    signal(pid(), "CONT");
    frozen = false;
  }

  private static void signal(long pid, String signal) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        kill.destroyForcibly();
        throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run kill -" + signal + " " + pid + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Starts the server again on the same port, empty (nothing is persisted). */
  void restart() throws IOException {
    stop();
    launch();
  }

  @Override
  public void close() {
    stop();
  }

  /** Sends one command on a new connection (after {@code AUTH} when the server has a password) and returns the reply. */
  Object command(String... args) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      if (password != null) {
        write(out, "AUTH", password);
        read(in);
      }
      write(out, args);
      return read(in);
    }
  }

  /** {@link #command} whose reply is a bulk string: its text (UTF-8), or null. */
  String string(String... args) throws IOException {
    Object reply = command(args);
    return reply == null ? null : new String((byte[]) reply, StandardCharsets.UTF_8);
  }

  /** {@link #command} whose reply is an integer. */
  long integer(String... args) throws IOException {
    return (Long) command(args);
  }

  /** The keys in the server, as {@code KEYS *} lists them. */
  List<String> keys() throws IOException {
    List<String> keys = new ArrayList<>();
    for (Object key : (List<?>) command("KEYS", "*")) {
      keys.add(new String((byte[]) key, StandardCharsets.UTF_8));
    }
    return keys;
  }

  private void launch() throws IOException {
    List<String> command = new ArrayList<>(List.of(program.toString(),
        "--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
        "--save", "", "--appendonly", "no", "--daemonize", "no"));
    if (password != null) {
      command.add("--requirepass");
      command.add(password);
    }
    command.addAll(extraArgs);
    Path log = dir.resolve("redis.log");
    Process started = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    RUNNING.add(started.toHandle());
    process = started;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!started.isAlive()) {
        stop();
        throw new IOException("redis-server exited with " + started.exitValue() + " on port " + port + ": "
            + tail(log));
      }
      if (answers()) {
        return;
      }
      sleep(20);
    }
    stop();
    throw new IOException("redis-server did not answer on port " + port + " within 10 s: " + tail(log));
  }

  private boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      socket.setSoTimeout(2000);
      write(socket.getOutputStream(), "PING");
      read(socket.getInputStream());
      return true;
    } catch (RedisError e) {
      return true;   // NOAUTH: it answers
    } catch (IOException e) {
      return false;
    }
  }

  private static void kill(ProcessHandle process) {
    if (process.isAlive()) {
      signal(process.pid(), "CONT");   // a frozen process would not act on SIGTERM
    }
    process.destroy();
    try {
      process.onExit().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      try {
        process.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported by the tests that find it still running
      }
    }
  }

  private static void write(OutputStream out, String... args) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    buffer.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      buffer.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      buffer.write(bytes);
      buffer.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.write(buffer.toByteArray());
    out.flush();
  }

  /** A RESP2 reply: String (simple), Long, byte[] (bulk, or null), List; an error reply is thrown as {@link RedisError}. */
  private static Object read(InputStream in) throws IOException {
    int type = in.read();
    String line = line(in);
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new RedisError(line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] bytes = in.readNBytes(length);
        line(in);
        return bytes;
      }
      case '*': {
        int count = Integer.parseInt(line);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          items.add(read(in));
        }
        return items;
      }
      default:
        throw new IOException("Not a RESP reply: " + (char) type + line);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new IOException("Connection closed in a reply");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  /** An error reply of the server. */
  static final class RedisError extends IOException {
    RedisError(String message) {
      super(message);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Paths.get(dir, name);
      if (!dir.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
