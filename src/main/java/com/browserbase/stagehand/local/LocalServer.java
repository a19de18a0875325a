package com.browserbase.stagehand.local;

import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.ToString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to run a Stagehand server on this machine for a client in local mode. Give it to {@code
 * StagehandOkHttpClient.builder().localServer(...)}: building that client starts the server and waits
 * until it is ready, closing the client stops it.
 *
 * <pre>{@code
 * StagehandClient client = StagehandOkHttpClient.builder()
 *     .localServer(LocalServer.builder()
 *         .server(Paths.get("/opt/stagehand/stagehand-server-v3"))  // or a .mjs/.js file, run with node
 *         .chromePath(Paths.get("/usr/bin/chromium"))                // default: found on the PATH
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and reusable: each client built with it starts a server process of its own, on a free
 * loopback port unless {@link Builder#port(int)} says otherwise. On Linux and macOS the server and its
 * browsers also stop by themselves when the JVM dies without closing the client, even by {@code kill -9}.
 */
public final class LocalServer {
  private final Path server;
  private final Path node;
  private final Path chromePath;
  private final boolean headless;
  private final int port;
  private final Duration readyTimeout;
  private final Duration stopTimeout;
  private final Map<String, String> environment;

  private LocalServer(Builder builder) {
    server = builder.server;
    node = builder.node;
    chromePath = builder.chromePath;
    headless = builder.headless;
    port = builder.port;
    readyTimeout = builder.readyTimeout;
    stopTimeout = builder.stopTimeout;
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.environment));
  }

  /** Returns a builder with the defaults: headless, a free port, 30 s to become ready. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The server: an executable (the release binary) or a {@code .mjs}, {@code .js} or {@code .cjs} file run with node. */
  public Path server() {
    return server;
  }

  /** The node executable that runs a script server; when empty, {@code node} found on the PATH. */
  public Optional<Path> node() {
    return Optional.ofNullable(node);
  }

  /** The browser of sessions started without a {@code browser}; when empty, Chromium or Chrome found on the PATH. */
  public Optional<Path> chromePath() {
    return Optional.ofNullable(chromePath);
  }

  /** Whether sessions started without a {@code browser} run it without a window (default true). */
  public boolean headless() {
    return headless;
  }

  /** The loopback port the server listens on; 0 (the default) picks a free one. */
  public int port() {
    return port;
  }

  /** How long the server may take to answer {@code GET /readyz} with 200 (default 30 s). */
  public Duration readyTimeout() {
    return readyTimeout;
  }

  /** How long the browsers are given to exit after SIGTERM before they and the server are killed (default 15 s). */
  public Duration stopTimeout() {
    return stopTimeout;
  }

  /** Extra environment variables of the server process, such as {@code OPENAI_API_KEY}; never null. */
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalServer && settings().equals(((LocalServer) o).settings());
  }

  @Override
  public int hashCode() {
    return settings().hashCode();
  }

  private List<Object> settings() {
    return Arrays.asList(server, node, chromePath, headless, port, readyTimeout, stopTimeout, environment);
  }

  /** Shows the settings; environment values are masked, they often hold keys. */
  @Override
  public String toString() {
    return ToString.of("LocalServer")
        .add("server", server)
        .add("node", node)
        .add("chromePath", chromePath)
        .add("headless", headless)
        .add("port", port)
        .add("readyTimeout", readyTimeout)
        .add("stopTimeout", stopTimeout)
        .secretValues("environment", environment.isEmpty() ? null : environment)
        .toString();
  }

  /** Builds a {@link LocalServer}. Not thread-safe; setters reject {@code null}. */
  public static final class Builder {
    private Path server;
    private Path node;
    private Path chromePath;
    private boolean headless = true;
    private int port;
    private Duration readyTimeout = Duration.ofSeconds(30);
    private Duration stopTimeout = Duration.ofSeconds(15);
    private final Map<String, String> environment = new LinkedHashMap<>();

    private Builder() {}

    private Builder(LocalServer source) {
      server = source.server;
      node = source.node;
      chromePath = source.chromePath;
      headless = source.headless;
      port = source.port;
      readyTimeout = source.readyTimeout;
      stopTimeout = source.stopTimeout;
      environment.putAll(source.environment);
    }

    /**
     * The server to run: the single-file release binary ({@code stagehand-server-v3-linux-x64}, what
     * {@code STAGEHAND_SEA_BINARY} names) or the server as a {@code .mjs}/{@code .js}/{@code .cjs}
     * file, which is run with node. Required. Whether it exists is checked when a client starts it.
     */
    public Builder server(Path server) {
      this.server = Checks.notNull(server, "server");
      return this;
    }

    /** The node executable for a script server (default: {@code node} on the PATH). */
    public Builder node(Path node) {
      this.node = Checks.notNull(node, "node");
      return this;
    }

    /**
     * The Chromium or Chrome executable for sessions started without a {@code browser} (default: the
     * first of {@code chromium}, {@code chromium-browser}, {@code google-chrome}, {@code
     * google-chrome-stable} on the PATH). Also given to the server as {@code CHROME_PATH}.
     */
    public Builder chromePath(Path chromePath) {
      this.chromePath = Checks.notNull(chromePath, "chromePath");
      return this;
    }

    /** Whether sessions started without a {@code browser} run it without a window (default true). */
    public Builder headless(boolean headless) {
      this.headless = headless;
      return this;
    }

    /** The loopback port to listen on; 0, the default, picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /** How long the server may take to become ready before the client build fails (default 30 s). */
    public Builder readyTimeout(Duration readyTimeout) {
      this.readyTimeout = positive(readyTimeout, "readyTimeout");
      return this;
    }

    /**
     * How long closing the client (or, on Linux and macOS, the JVM's death) gives the server's browsers
     * to exit after SIGTERM before they and the server are killed (default 15 s; they usually need well
     * under a second).
     */
    public Builder stopTimeout(Duration stopTimeout) {
      this.stopTimeout = positive(stopTimeout, "stopTimeout");
      return this;
    }

    /**
     * Adds an environment variable of the server process, on top of the JVM's own environment and the
     * ones the SDK sets ({@code BB_ENV=local}, {@code NODE_ENV=production}, {@code HOST}, {@code
     * PORT}, {@code TMPDIR}, {@code CHROME_PATH}); yours win, except {@code HOST} and {@code PORT},
     * which are rejected (use {@link #port(int)}). Values are never logged.
     */
    public Builder putEnvironment(String name, String value) {
      Checks.nonEmpty(name, "name");
      Checks.notNull(value, "value");
      if (name.equals("PORT") || name.equals("HOST")) {
        throw new IllegalArgumentException(name + " is set by the SDK: the server listens on 127.0.0.1 at port(int)");
      }
      environment.put(name, value);
      return this;
    }

    /** Builds the settings, or throws {@link IllegalStateException} when {@link #server(Path)} was not set. */
    public LocalServer build() {
      Checks.required(server, "LocalServer", "server");
      return new LocalServer(this);
    }

    private static Duration positive(Duration duration, String name) {
      Checks.notNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
