package com.browserbase.stagehand.e2e;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.local.LocalServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The real Stagehand server with a real Chromium, through the SDK's own local mode, for the
 * integration tests: one {@link Stack} per test run (a client in local mode, the {@link TestPage} and
 * the {@link FakeModel}), shared by every class that uses this extension and closed when the run ends
 * — after which no process the tests started may be left.
 *
 * <p>The server is {@code -Dstagehand.integration.server=PATH}, else {@code STAGEHAND_SEA_BINARY},
 * else {@code ../shared/stagehand-server/stagehand-server-v3.mjs} beside the repository (run with node); the browser is
 * {@code -Dstagehand.integration.chrome=PATH}, else {@code CHROME_PATH}, else {@code chromium} on the PATH.
 * When one of them (or node for a script) is missing the tests are skipped with one line saying why
 * — unless {@code CI=true} or {@code -Dstagehand.integration.required=true}, where they fail.
 */
public final class RealStagehand implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealStagehand.class);
  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  @Override
  public void beforeAll(ExtensionContext context) {
    stack(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Stack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return stack(context);
  }

  private static Stack stack(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Stack.class, k -> Stack.start(), Stack.class);
  }

  /** Everything the tests talk to; closing it stops the server and checks that nothing is left running. */
  public static final class Stack implements AutoCloseable {
    /** How {@link #client} runs its server; another client built with it runs another server. */
    public final LocalServer localServer;
    public final StagehandClient client;
    public final TestPage page;
    public final FakeModel model;
    /** The processes this JVM had started before: other suites' servers are none of ours. */
    private final Set<Long> before;

    private Stack(Set<Long> before, LocalServer localServer, StagehandClient client, TestPage page, FakeModel model) {
      this.before = before;
      this.localServer = localServer;
      this.client = client;
      this.page = page;
      this.model = model;
    }

    public static Stack start() {
      String serverSetting = setting("stagehand.integration.server", "STAGEHAND_SEA_BINARY", null);
      Path server = serverSetting != null ? Paths.get(serverSetting).toAbsolutePath().normalize() : sharedServer();
      if (!Files.isRegularFile(server)) {
        unavailable("no Stagehand server at " + server + " (set -Dstagehand.integration.server=PATH)");
      }
      boolean script = server.getFileName().toString().matches(".*\\.(mjs|cjs|js)");
      if (script && !onPath("node").isPresent()) {
        unavailable("node is not on the PATH; the server " + server + " needs it");
      }
      String chromeSetting = setting("stagehand.integration.chrome", "CHROME_PATH", null);
      Optional<Path> chrome = chromeSetting != null
          ? Optional.of(Paths.get(chromeSetting)).filter(Files::isExecutable)
          : onPath("chromium");
      if (!chrome.isPresent()) {
        unavailable("no Chromium (chromium on the PATH, or -Dstagehand.integration.chrome=PATH)");
      }
      Set<Long> before = descendants().keySet();
      TestPage page = null;
      FakeModel model = null;
      try {
        page = new TestPage();
        model = new FakeModel();
        LocalServer localServer = LocalServer.builder()
            .server(server)
            .chromePath(chrome.get())
            // A session's own model (used to self-heal an Action) comes from the server's environment:
            // the start request cannot carry a baseURL.
            .putEnvironment("OPENAI_BASE_URL", model.baseUrl())
            .build();
        long started = System.nanoTime();
        StagehandClient client = StagehandOkHttpClient.builder()
            .localServer(localServer)
            .modelApiKey(FakeModel.API_KEY)
            .build();
        System.out.printf("[integration] real Stagehand server %s with %s at %s, ready in %d ms%n",
            server, chrome.get(), client.baseUrl(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new Stack(before, localServer, client, page, model);
      } catch (IOException | RuntimeException e) {
        closeQuietly(model);
        closeQuietly(page);
        throw new IllegalStateException("Cannot start the integration stack: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() throws Exception {
      client.close();
      model.close();
      page.close();
      List<String> left = descendants().entrySet().stream()
          .filter(p -> !before.contains(p.getKey()))
          .filter(p -> p.getValue().contains("stagehand-server") || p.getValue().contains("chrom"))
          .map(p -> p.getKey() + " " + p.getValue())
          .collect(Collectors.toList());
      if (!left.isEmpty()) {
        throw new IllegalStateException("Processes left running after the client was closed: " + left);
      }
      System.out.println("[integration] server stopped; no process left");
    }
  }

  /**
   * {@code ../shared/stagehand-server/stagehand-server-v3.mjs} beside the repository: seen from the working
   * directory (the module's folder, one or two levels below the repository's root) or a folder above it.
   */
  private static Path sharedServer() {
    Path relative = Paths.get("..", "shared", "stagehand-server", "stagehand-server-v3.mjs");
    Path start = Paths.get("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(relative))) {
        return dir.resolve(relative).normalize();
      }
    }
    return start.resolve(relative).normalize();
  }

  /** The live processes this JVM started, directly or not, with their command lines. */
  private static Map<Long, String> descendants() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .collect(Collectors.toMap(ProcessHandle::pid, p -> p.info().commandLine().orElse("?"), (a, b) -> a));
  }

  private static void unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("stagehand.integration.required")) {
      throw new IllegalStateException("Integration tests cannot run, and must (CI=true): " + reason);
    }
    String line = "Integration tests skipped: " + reason;
    if (SAID.add(line)) {
      System.out.println("[integration] " + line);
    }
    Assumptions.abort(line);
  }

  private static String setting(String property, String variable, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isEmpty()) {
      value = System.getenv(variable);
    }
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Paths.get(dir, program);
      if (!dir.isEmpty() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // already failing
      }
    }
  }
}
