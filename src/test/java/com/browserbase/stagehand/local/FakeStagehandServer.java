package com.browserbase.stagehand.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stand-in for the Stagehand server in the unit tests of local mode, run as its own process
 * through a shell script ({@link #script}). It reads {@code PORT} ({@code 0}: a free one) and {@code HOST}
 * like the real one, says where it listens as the real one does,
 * logs pino-style JSON lines, starts a child process ({@code sleep}) as its "browser", and answers:
 *
 * <ul>
 *   <li>{@code GET /readyz}: 200 {@code Ready};
 *   <li>{@code GET /env}: its pid, its child's pid, its arguments and the environment variables the SDK sets;
 *   <li>{@code POST /v1/sessions/start}: a session whose result echoes the request body and headers, or
 *       — when the browser's {@code executablePath} is {@code /missing/chromium} — an error logged the way
 *       the real server logs a browser it cannot spawn, and a 500.
 * </ul>
 *
 * <p>{@code FAKE_MODE=exit} prints two lines and exits with code 3; {@code FAKE_MODE=never} never
 * listens.
 */
public final class FakeStagehandServer {
  private FakeStagehandServer() {}

  /** Writes an executable shell script that runs this class with the JVM running the tests. */
  public static Path script(Path dir, String name) throws IOException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    String classes = Paths.get(FakeStagehandServer.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .toString();
    Path script = dir.resolve(name);
    Files.write(script, ("#!/bin/sh\nexec '" + java + "' -Xshare:auto -XX:TieredStopAtLevel=1 -cp '" + classes + "' "
        + FakeStagehandServer.class.getName() + " \"$@\"\n").getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  public static void main(String[] args) throws Exception {
    String mode = System.getenv().getOrDefault("FAKE_MODE", "ready");
    log("info", "fake server starting, mode " + mode);
    if (mode.equals("exit")) {
      System.err.println("Failed to start server: Error: listen EADDRINUSE");
      System.exit(3);
    }
    if (mode.equals("never")) {
      Thread.sleep(Long.MAX_VALUE);
    }
    Process browser = new ProcessBuilder("sleep", "600").start();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(System.getenv("HOST"), Integer.parseInt(System.getenv("PORT"))), 0);
    } catch (java.net.BindException taken) { // as the real server: Fastify's error, then exit 1
      System.err.println("Failed to start server: Error: listen EADDRINUSE: address already in use "
          + System.getenv("HOST") + ":" + System.getenv("PORT"));
      browser.destroy();
      System.exit(1);
      return;
    }
    int port = server.getAddress().getPort();
    server.createContext("/readyz", exchange -> answer(exchange, 200, "Ready"));
    server.createContext("/env", exchange -> answer(exchange, 200, "{"
        + "\"pid\":" + ProcessHandle.current().pid()
        + ",\"browserPid\":" + browser.pid()
        + ",\"port\":" + port
        + ",\"args\":" + strings(List.of(args))
        + ",\"env\":{" + List.of("BB_ENV", "NODE_ENV", "HOST", "PORT", "TMPDIR", "CHROME_PATH", "FAKE_EXTRA").stream()
            .filter(name -> System.getenv(name) != null)
            .map(name -> quote(name) + ":" + quote(System.getenv(name)))
            .collect(Collectors.joining(","))
        + "}}"));
    server.createContext("/v1/sessions/start", exchange -> {
      String body = read(exchange.getRequestBody());
      if (body.contains("\"executablePath\":\"/missing/chromium\"")) {
        log("error", "Uncaught Exception:", "spawn /missing/chromium ENOENT");
        System.out.flush();
        answer(exchange, 500, "{\"success\":false,\"message\":\"connect ECONNREFUSED 127.0.0.1:9\"}");
        return;
      }
      String headers = exchange.getRequestHeaders().entrySet().stream()
          .map(header -> quote(header.getKey().toLowerCase()) + ":" + quote(String.join(",", header.getValue())))
          .collect(Collectors.joining(","));
      answer(exchange, 200, "{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"available\":true,"
          + "\"echo\":" + body + ",\"headers\":{" + headers + "}}}");
    });
    server.start();
    log("info", "Server listening at http://" + System.getenv("HOST") + ":" + port);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", body.startsWith("{") ? "application/json" : "text/plain");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String read(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void log(String level, String msg) {
    System.out.println("{\"level\":\"" + level + "\",\"pid\":" + ProcessHandle.current().pid() + ",\"msg\":" + quote(msg) + "}");
  }

  private static void log(String level, String msg, String error) {
    System.out.println("{\"level\":\"" + level + "\",\"msg\":" + quote(msg) + ",\"err\":{\"type\":\"Error\",\"message\":"
        + quote(error) + "}}");
  }

  private static String strings(List<String> values) {
    return values.stream().map(FakeStagehandServer::quote).collect(Collectors.joining(",", "[", "]"));
  }

  private static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
