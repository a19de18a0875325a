package com.browserbase.stagehand.contract;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Prism mock server of the OpenAPI spec, for the contract tests: one per test run, shared by every
 * class that uses this extension. Prism is installed with {@code npm ci} in {@code contract/} (the
 * version pinned there) when it is not yet, started on a free loopback port in its strict mode
 * ({@code --errors}: an invalid request is answered 422 with the violations), waited for until it
 * answers, and stopped when the run ends — by JUnit closing it, by a shutdown hook if the JVM exits
 * otherwise, and by Prism itself when the JVM is killed (it exits when its standard input closes).
 * Without the spec or Node.js the tests are skipped with one line saying so.
 */
final class Prism implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Prism.class);
  private static final long INSTALL_TIMEOUT_MS = 300_000;
  private static final long START_TIMEOUT_MS = 60_000;

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Server.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server(context);
  }

  private static Server server(ExtensionContext context) {
    Path spec = Spec.path();
    if (!Files.isRegularFile(spec)) {
      Spec.missing("Contract tests", spec);
    }
    Optional<Path> node = onPath("node");
    Optional<Path> npm = onPath("npm");
    if (!node.isPresent() || !npm.isPresent()) {
      Spec.skip("Contract tests skipped: Node.js (node and npm) is not on the PATH; the Prism mock server needs it");
    }
    // The root store: one server for the whole run, closed (stopped) when the run ends.
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Server.class, k -> Server.start(spec, node.get(), npm.get()), Server.class);
  }

  /** A running Prism; closing it stops it. */
  static final class Server implements AutoCloseable {
    private final Process process;
    private final Thread shutdownHook;
    private final String baseUrl;
    final Path log;

    private Server(Process process, String baseUrl, Path log) {
      this.process = process;
      this.baseUrl = baseUrl;
      this.log = log;
      this.shutdownHook = new Thread(this::stop, "stop-prism");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** {@code http://127.0.0.1:PORT}. */
    String baseUrl() {
      return baseUrl;
    }

    static Server start(Path spec, Path node, Path npm) {
      Path project = Paths.get("").toAbsolutePath();
      Path contract = project.resolve("contract");
      Path work = project.resolve("target/contract");
      try {
        Files.createDirectories(work);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path cli = contract.resolve("node_modules/@stoplight/prism-cli/dist/index.js");
      if (!Files.isRegularFile(cli)) {
        install(npm, contract, work.resolve("npm-ci.log"));
      }
      String version = installedVersion(contract);
      int port = freePort();
      Path log = work.resolve("prism.log");
      List<String> command = new ArrayList<>();
      command.add(node.toString());
      command.add("--require");
      command.add(contract.resolve("exit-with-parent.js").toString());
      command.add(cli.toString());
      command.addAll(List.of("mock", spec.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port), "--errors"));
      long started = System.nanoTime();
      Process process;
      try {
        process = new ProcessBuilder(command)
            .directory(contract.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start(); // standard input stays a pipe from this JVM: see exit-with-parent.js
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start Prism: " + command, e);
      }
      Server server = new Server(process, "http://127.0.0.1:" + port, log);
      try {
        server.awaitReady(started);
      } catch (RuntimeException | Error e) {
        server.close();
        throw e;
      }
      System.out.printf("[contract] Prism %s mocks %s (strict: --errors) on %s, ready in %d ms; log: %s%n",
          version, spec, server.baseUrl, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), project.relativize(log));
      return server;
    }

    private static void install(Path npm, Path contract, Path log) {
      System.out.println("[contract] Installing Prism: npm ci in " + contract);
      List<String> command = List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=warn");
      try {
        Process process = new ProcessBuilder(command)
            .directory(contract.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
        if (!process.waitFor(INSTALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("npm ci did not finish in " + INSTALL_TIMEOUT_MS + " ms; " + tail(log));
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException("npm ci failed with exit code " + process.exitValue() + "; " + tail(log));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot run " + command, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while installing Prism", e);
      }
    }

    private static String installedVersion(Path contract) {
      try {
        String json = new String(Files.readAllBytes(
            contract.resolve("node_modules/@stoplight/prism-cli/package.json")), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        return version.find() ? version.group(1) : "?";
      } catch (IOException e) {
        return "?";
      }
    }

    /** Polls until Prism answers HTTP; fails early when it exits. */
    private void awaitReady(long started) {
      long deadline = started + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Prism exited with code " + process.exitValue() + " before it was ready; " + tail(log));
        }
        try {
          HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + "/v1/sessions/ready/replay").openConnection();
          connection.setConnectTimeout(1_000);
          connection.setReadTimeout(5_000);
          connection.setRequestProperty("x-bb-api-key", "ready");
          connection.setRequestProperty("x-bb-project-id", "ready");
          int status = connection.getResponseCode();
          connection.disconnect();
          if (status == 200) {
            return;
          }
          throw new IllegalStateException("Prism answered the readiness probe with " + status + "; " + tail(log));
        } catch (IOException notYet) {
          sleep(100);
        }
      }
      throw new IllegalStateException("Prism was not ready after " + START_TIMEOUT_MS + " ms; " + tail(log));
    }

    @Override
    public void close() {
      stop();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }

    private synchronized void stop() {
      if (!process.isAlive()) {
        return;
      }
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
      System.out.println("[contract] Prism stopped");
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Paths.get(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Prism", e);
    }
  }

  /** The last lines of a log, for a failure message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "no log at " + log;
    }
  }
}
