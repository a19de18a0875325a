package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.local.FakeStagehandServer;
import com.browserbase.stagehand.local.LocalServer;
import com.browserbase.stagehand.local.LocalServerException;
import com.browserbase.stagehand.models.sessions.BrowserConfig;
import com.browserbase.stagehand.models.sessions.LocalBrowserLaunchOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URL;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode against {@link FakeStagehandServer}, a stand-in run as a process of its own with a child
 * process as its browser: starting, readiness, the server's environment, the default browser of a
 * session, failures, sharing with {@code withOptions}, {@code fromEnv}, and that every process is
 * gone after close (and after a JVM that never closed its client has exited).
 */
class LocalModeTest {
  private static final SessionStartParams START = SessionStartParams.builder().modelName("openai/gpt-5-nano").build();
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  @TempDir
  Path dir;
  private Path server;
  private Path chromium;
  private final List<StagehandClient> clients = new ArrayList<>();

  @BeforeEach
  void fakes() throws IOException {
    server = FakeStagehandServer.script(dir, "stagehand-server");
    chromium = executable("chromium", "#!/bin/sh\nexit 0\n");
  }

  @AfterEach
  void closeClients() {
    clients.forEach(StagehandClient::close);
  }

  private LocalServer.Builder local() {
    return LocalServer.builder().server(server).chromePath(chromium);
  }

  private StagehandClient client(LocalServer local) {
    StagehandClient client = StagehandOkHttpClient.builder().localServer(local).build();
    clients.add(client);
    return client;
  }

  @Test
  void buildingTheClientStartsTheServerAndClosingItStopsTheServerAndItsBrowser() throws Exception {
    StagehandClient client = client(local().build());
    JsonNode env = get(client, "/env");
    long pid = env.path("pid").asLong();
    long browserPid = env.path("browserPid").asLong();

    assertThat(client.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(alive(pid)).isTrue();
    assertThat(alive(browserPid)).isTrue();
    assertThat(client.sessions().start(START).data().sessionId()).isEqualTo("s-1");

    client.close();

    assertThat(alive(pid)).as("server").isFalse();
    assertThat(alive(browserPid)).as("its browser").isFalse();
  }

  @Test
  void aFixedPortHeldByAnotherListenerFailsTheBuildAndNoKeyReachesThatListener() throws Exception {
    try (MockWebServer other = new MockWebServer()) {
      other.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().code(200).body(request.getTarget().equals("/readyz") ? "Ready"
              : "{\"success\":true,\"data\":{\"sessionId\":\"stolen\",\"available\":true}}").build();
        }
      });
      other.start(InetAddress.getByName("127.0.0.1"), 0);
      StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder().modelApiKey("sk-model-secret")
          .localServer(local().port(other.getPort()).build());

      assertThatThrownBy(builder::build)
          .isInstanceOf(LocalServerException.class)
          .hasMessageStartingWith("Port " + other.getPort() + " on 127.0.0.1 is taken by another process, so the local"
              + " Stagehand server could not listen there; nothing was sent to it.");
      for (int i = other.getRequestCount(); i > 0; i--) {
        RecordedRequest request = other.takeRequest();
        assertThat(request.getTarget()).as("only readiness may have been asked").isEqualTo("/readyz");
        assertThat(request.getHeaders().get("x-model-api-key")).isNull();
      }
    }
  }

  @Test
  void aServerThatSaysItListensElsewhereThanItWasToldIsNotUsed() throws Exception {
    Path liar = executable("liar", "#!/bin/sh\necho '{\"level\":30,\"msg\":\"Server listening at http://127.0.0.1:1\"}'\n"
        + "sleep 30\n");
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .localServer(LocalServer.builder().server(liar).chromePath(chromium).port(47_000).build());

    assertThatThrownBy(builder::build)
        .isInstanceOf(LocalServerException.class)
        .hasMessageStartingWith("The local Stagehand server listens at http://127.0.0.1:1, not on 127.0.0.1:47000 as it"
            + " was told");
  }

  @Test
  void theServerRunsWithTheLocalEnvironmentOnItsOwnTemporaryDirectory() throws Exception {
    StagehandClient client = client(local().putEnvironment("FAKE_EXTRA", "sk-not-logged").build());
    JsonNode answer = get(client, "/env");
    JsonNode env = answer.path("env");
    Path tmp = Paths.get(env.path("TMPDIR").asText());

    assertThat(env.path("BB_ENV").asText()).isEqualTo("local");
    assertThat(env.path("NODE_ENV").asText()).isEqualTo("production");
    assertThat(env.path("HOST").asText()).isEqualTo("127.0.0.1");
    assertThat(env.path("PORT").asText()).as("the server binds a free port itself").isEqualTo("0");
    assertThat(client.baseUrl()).isEqualTo("http://127.0.0.1:" + answer.path("port").asInt());
    assertThat(env.path("CHROME_PATH").asText()).isEqualTo(chromium.toString());
    assertThat(env.path("FAKE_EXTRA").asText()).isEqualTo("sk-not-logged");
    assertThat(tmp).isDirectory();

    client.close();

    assertThat(tmp).doesNotExist();
  }

  @Test
  void aFixedPortIsUsed() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    assertThat(client(local().port(port).build()).baseUrl()).isEqualTo("http://127.0.0.1:" + port);
  }

  @Test
  void aSessionStartedWithoutABrowserGetsTheLocalChromiumAndNoBrowserbaseKeyIsSent() {
    StagehandClient client = client(local().build());

    SessionStartResponse started = client.sessions().start(START);

    JsonNode echo = started.data().additionalProperties().get("echo");
    assertThat(echo.path("modelName").asText()).isEqualTo("openai/gpt-5-nano");
    assertThat(echo.path("browser").path("type").asText()).isEqualTo("local");
    JsonNode launch = echo.path("browser").path("launchOptions");
    assertThat(launch.path("executablePath").asText()).isEqualTo(chromium.toString());
    assertThat(launch.path("headless").asBoolean()).isTrue();
    List<String> args = new ArrayList<>();
    launch.path("args").forEach(arg -> args.add(arg.asText()));
    assertThat(args).contains("--disable-background-networking", "--disable-gpu");
    assertThat(args.contains("--no-sandbox")).as("--no-sandbox as root").isEqualTo(ROOT);
    assertThat(started.data().additionalProperties().get("headers").has("x-bb-api-key")).isFalse();
  }

  @Test
  void whatTheStartRequestSetsWinsAndTheAsyncServiceAppliesTheSameDefaults() {
    StagehandClient client = client(local().headless(true).build());
    SessionStartParams params = START.toBuilder()
        .browser(BrowserConfig.builder()
            .type(BrowserConfig.Type.LOCAL)
            .launchOptions(LocalBrowserLaunchOptions.builder().headless(false).addArg("--lang=de").build())
            .build())
        .build();

    JsonNode launch = client.async().sessions().start(params).join()
        .data().additionalProperties().get("echo").path("browser").path("launchOptions");

    assertThat(launch.path("headless").asBoolean()).isFalse();
    assertThat(launch.path("args").toString()).isEqualTo("[\"--lang=de\"]");
    assertThat(launch.path("executablePath").asText()).isEqualTo(chromium.toString());
  }

  @Test
  void aScriptServerIsRunWithTheConfiguredNode() throws Exception {
    Path script = Files.write(dir.resolve("server.mjs"), "// the fake node ignores me\n".getBytes(StandardCharsets.UTF_8));
    Path node = FakeStagehandServer.script(dir, "node");

    StagehandClient client = client(LocalServer.builder().server(script).node(node).chromePath(chromium).build());

    assertThat(get(client, "/env").path("args").toString()).isEqualTo("[\"" + script.toAbsolutePath() + "\"]");
  }

  @Test
  void aServerThatDoesNotExistFailsAtOnceNamingThePath() {
    long started = System.nanoTime();
    assertThatThrownBy(() -> client(local().server(dir.resolve("nowhere/stagehand-server")).build()))
        .isInstanceOf(LocalServerException.class)
        .hasMessage("The Stagehand server " + dir.resolve("nowhere/stagehand-server") + " does not exist");
    assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(1));
  }

  @Test
  void aServerThatIsNotExecutableFailsAtOnce() throws Exception {
    Path plain = Files.write(dir.resolve("plain"), new byte[0]);

    assertThatThrownBy(() -> client(local().server(plain).build()))
        .isInstanceOf(LocalServerException.class)
        .hasMessageStartingWith("The Stagehand server " + plain + " is not executable");
  }

  @Test
  void aMissingChromiumOrNodeFailsAtOnce() throws Exception {
    Path script = Files.write(dir.resolve("server.mjs"), new byte[0]);

    assertThatThrownBy(() -> client(local().chromePath(dir.resolve("no-chromium")).build()))
        .hasMessageStartingWith("The Chromium of LocalServer.chromePath " + dir.resolve("no-chromium") + " does not exist");
    assertThatThrownBy(() -> client(local().server(script).node(dir.resolve("no-node")).build()))
        .hasMessageStartingWith("The node of LocalServer.node " + dir.resolve("no-node") + " does not exist");
  }

  @Test
  void aServerThatExitsBeforeItIsReadyFailsWithItsExitCodeAndLastLines() {
    LocalServer local = local().putEnvironment("FAKE_MODE", "exit").build();

    // stdout and stderr are two pipes: their lines may arrive in either order
    assertThatThrownBy(() -> client(local))
        .isInstanceOfSatisfying(LocalServerException.class, e -> assertThat(e.output()).containsExactlyInAnyOrder(
            "info: fake server starting, mode exit",
            "Failed to start server: Error: listen EADDRINUSE"))
        .hasMessageStartingWith("The local Stagehand server exited with code 3 before it was ready (" + server + "):\n  ")
        .hasMessageContaining("\n  info: fake server starting, mode exit")
        .hasMessageContaining("\n  Failed to start server: Error: listen EADDRINUSE");
  }

  @Test
  void aServerThatIsNotReadyInTimeIsStoppedAndTheErrorSaysSo() {
    LocalServer local = local().putEnvironment("FAKE_MODE", "never").readyTimeout(Duration.ofSeconds(2)).build();

    assertThatThrownBy(() -> client(local))
        .isInstanceOf(LocalServerException.class)
        .hasMessageStartingWith("The local Stagehand server did not say where it listens within 2000 ms")
        .hasMessageContaining("within 2000 ms (LocalServer.readyTimeout) (" + server + "):\n"
            + "  info: fake server starting, mode never");
    assertThat(fakeServersRunning()).isEmpty();
  }

  @Test
  void aFixedPortHeldByAPlainSocketFailsNamingThePortWithTheServersLineAndLeavesNoServerRunning() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      LocalServer local = local().port(taken.getLocalPort()).build();

      assertThatThrownBy(() -> client(local))
          .isInstanceOfSatisfying(LocalServerException.class, e -> assertThat(e.output())
              .contains("Failed to start server: Error: listen EADDRINUSE: address already in use 127.0.0.1:"
                  + taken.getLocalPort()))
          .hasMessageStartingWith("Port " + taken.getLocalPort() + " on 127.0.0.1 is taken by another process")
          .hasMessageContaining("Choose another LocalServer.port, or 0 (the default) for a free one (" + server + "):\n  ");
    }
    assertThat(fakeServersRunning()).isEmpty();
  }

  @Test
  void aScriptServerThatIsMissingOrNotAFileFailsAtOnceNamingIt() throws Exception {
    Path missing = dir.resolve("missing/server.mjs");
    Path directory = Files.createDirectories(dir.resolve("server.js"));

    assertThatThrownBy(() -> client(local().server(missing).build()))
        .isInstanceOf(LocalServerException.class)
        .hasMessage("The Stagehand server " + missing + " does not exist or cannot be read");
    assertThatThrownBy(() -> client(local().server(directory).build()))
        .isInstanceOf(LocalServerException.class)
        .hasMessage("The Stagehand server " + directory + " does not exist or cannot be read");
  }

  @Test
  void anUnreadableScriptServerFailsAtOnceNamingIt() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(ROOT, "root reads any file: the check cannot be seen failing as root");
    Path script = Files.write(dir.resolve("server.cjs"), "// unreadable\n".getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("-w-------"));

    assertThatThrownBy(() -> client(local().server(script).node(FakeStagehandServer.script(dir, "node")).build()))
        .isInstanceOf(LocalServerException.class)
        .hasMessage("The Stagehand server " + script + " does not exist or cannot be read");
  }

  @Test
  void aNodeThatIsNotExecutableFailsAtOnceNamingIt() throws Exception {
    Path script = Files.write(dir.resolve("server.mjs"), new byte[0]);
    Path node = Files.write(dir.resolve("node"), new byte[0]);

    assertThatThrownBy(() -> client(local().server(script).node(node).build()))
        .isInstanceOf(LocalServerException.class)
        .hasMessage("The node of LocalServer.node " + node + " is not executable");
  }

  @Test
  void aScriptServerWithoutNodeOnThePathFailsAtOnceSayingSo() throws Exception {
    Path script = Files.write(dir.resolve("server.mjs"), new byte[0]);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.write(bin.resolve("node"), new byte[0]); // on the PATH, but not executable: not a node
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder child = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, BuildOnce.class.getName(), script.toString(), chromium.toString())
        .redirectErrorStream(true);
    child.environment().put("PATH", bin.toString());

    Process jvm = child.start();
    String output;
    try {
      output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      jvm.destroyForcibly();
    }

    assertThat(output.lines().filter(line -> line.startsWith("BUILD "))).as(output).containsExactly(
        "BUILD FAILED: Cannot run the Stagehand server " + script + ": node is not on the PATH (set LocalServer.node)");
  }

  @Test
  void aFailedStartCarriesWhatTheServerLoggedBlockingAndAsync() {
    StagehandClient client = client(local().build());
    SessionStartParams params = START.toBuilder()
        .browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL)
            .launchOptions(LocalBrowserLaunchOptions.builder().executablePath("/missing/chromium").build()).build())
        .build();

    assertThatThrownBy(() -> client.sessions().start(params))
        .isInstanceOf(InternalServerException.class)
        .satisfies(e -> {
          assertThat(e.getSuppressed()).hasSize(1);
          assertThat(e.getSuppressed()[0])
              .isInstanceOf(LocalServerException.class)
              .hasMessage("While the session started, the local Stagehand server logged:\n"
                  + "  error: Uncaught Exception: (spawn /missing/chromium ENOENT)");
        });
    assertThatThrownBy(() -> client.async().sessions().start(params).join())
        .isInstanceOf(CompletionException.class)
        .satisfies(e -> assertThat(e.getCause().getSuppressed()).singleElement()
            .satisfies(s -> assertThat(s.getMessage()).contains("spawn /missing/chromium ENOENT")));
  }

  @Test
  void clientsMadeWithWithOptionsShareTheServerAndNeverStopIt() throws Exception {
    StagehandClient client = client(local().build());
    StagehandClient patient = client.withOptions(b -> b.timeout(Duration.ofMinutes(20)));
    long pid = get(client, "/env").path("pid").asLong();

    assertThat(patient.baseUrl()).isEqualTo(client.baseUrl());
    assertThat(patient.sessions().start(START).data().additionalProperties().get("echo").has("browser")).isTrue();
    patient.close();
    assertThat(alive(pid)).isTrue();
    assertThat(client.sessions().start(START).data().sessionId()).isEqualTo("s-1");
    assertThatThrownBy(() -> client.withOptions(b -> b.localServer(local().build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("withOptions cannot start another local server: build a new client for it");

    client.close();
    assertThat(alive(pid)).isFalse();
  }

  @Test
  void twoClientsEachRunTheirOwnServer() throws Exception {
    LocalServer local = local().build();
    StagehandClient first = client(local);
    StagehandClient second = client(local);
    long secondPid = get(second, "/env").path("pid").asLong();

    assertThat(first.baseUrl()).isNotEqualTo(second.baseUrl());
    first.close();
    assertThat(alive(secondPid)).isTrue();
    assertThat(second.sessions().start(START).data().sessionId()).isEqualTo("s-1");
  }

  @Test
  void fromEnvTurnsOnLocalModeWithTheSeaBinaryAndChromePath() throws Exception {
    StagehandClient client = fromEnv(Map.of(), Map.of(
        "STAGEHAND_SERVER", "local",
        "STAGEHAND_SEA_BINARY", server.toString(),
        "CHROME_PATH", chromium.toString(),
        "STAGEHAND_BASE_URL", "http://127.0.0.1:1"), b -> {});

    assertThat(client.baseUrl()).startsWith("http://127.0.0.1:").isNotEqualTo("http://127.0.0.1:1");
    assertThat(get(client, "/env").path("env").path("CHROME_PATH").asText()).isEqualTo(chromium.toString());
  }

  @Test
  void fromEnvReadsTheSystemPropertiesOfLocalMode() throws Exception {
    StagehandClient client = fromEnv(Map.of(
        "stagehand.server", "local",
        "stagehand.seaBinary", server.toString(),
        "stagehand.chromePath", chromium.toString()), Map.of("STAGEHAND_SERVER", "remote"), b -> {});

    assertThat(get(client, "/env").path("env").path("CHROME_PATH").asText()).isEqualTo(chromium.toString());
  }

  @Test
  void explicitSettersWinOverLocalModeFromEnvAndTheLaterOfBaseUrlAndLocalServerWins() {
    Map<String, String> env = Map.of("STAGEHAND_SERVER", "local", "STAGEHAND_SEA_BINARY", server.toString());

    assertThat(fromEnv(Map.of(), env, b -> b.baseUrl("http://127.0.0.1:2")).baseUrl()).isEqualTo("http://127.0.0.1:2");
    assertThat(StagehandOkHttpClient.builder().baseUrl("http://127.0.0.1:2").fromEnv(name -> null, name -> env.get(name))
        .build().baseUrl()).isEqualTo("http://127.0.0.1:2");
    StagehandClient local = fromEnv(Map.of(), Map.of("STAGEHAND_BASE_URL", "http://127.0.0.1:3"),
        b -> b.baseUrl("http://127.0.0.1:2").localServer(local().build()));
    assertThat(local.baseUrl()).isNotEqualTo("http://127.0.0.1:2").isNotEqualTo("http://127.0.0.1:3");
  }

  @Test
  void fromEnvRejectsLocalModeWithoutTheServerAndUnknownServerValues() {
    assertThatThrownBy(() -> fromEnv(Map.of(), Map.of("STAGEHAND_SERVER", "local"), b -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("STAGEHAND_SERVER=local needs the server: set STAGEHAND_SEA_BINARY");
    assertThatThrownBy(() -> fromEnv(Map.of(), Map.of("STAGEHAND_SERVER", "cloud"), b -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("STAGEHAND_SERVER must be local or remote, was cloud");
  }

  @Test
  void aJvmThatNeverClosesItsClientStillStopsTheServerWhenItExits() throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process jvm = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, NeverClosed.class.getName(), server.toString(), chromium.toString())
        .redirectErrorStream(true)
        .start();
    JsonNode env = null;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
      String line;
      String baseUrl = null;
      while (baseUrl == null && (line = out.readLine()) != null) {
        if (line.startsWith("READY ")) {
          baseUrl = line.substring("READY ".length());
        }
      }
      assertThat(baseUrl).as("the child JVM's client").isNotNull();
      env = get(baseUrl + "/env");

      try (OutputStream in = jvm.getOutputStream()) {
        in.write("exit\n".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(alive(env.path("pid").asLong())).as("server").isFalse();
      assertThat(alive(env.path("browserPid").asLong())).as("its browser").isFalse();
    } finally {
      jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      if (env != null) { // when the hook failed, its processes are still ours to stop (by pid, if still them)
        for (String pid : List.of("pid", "browserPid")) {
          ProcessHandle.of(env.path(pid).asLong())
              .filter(p -> p.info().commandLine().orElse("").matches(".*(FakeStagehandServer|sleep 600).*"))
              .ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
  }

  @Test
  void aJvmKilledWithSigkillLeavesNoServerBrowserOrTemporaryDirectory() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.io.File.separatorChar == '/', "the supervisor needs a POSIX sh");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process jvm = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, NeverClosed.class.getName(), server.toString(), chromium.toString())
        .redirectErrorStream(true)
        .start();
    List<Long> pids = new ArrayList<>();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
      String line;
      String baseUrl = null;
      while (baseUrl == null && (line = out.readLine()) != null) {
        if (line.startsWith("READY ")) {
          baseUrl = line.substring("READY ".length());
        }
      }
      assertThat(baseUrl).as("the child JVM's client").isNotNull();
      JsonNode env = get(baseUrl + "/env");
      pids.add(env.path("pid").asLong());
      pids.add(env.path("browserPid").asLong());
      jvm.toHandle().descendants().forEach(p -> pids.add(p.pid())); // the supervisor and its watcher too
      Path tmp = Paths.get(env.path("env").path("TMPDIR").asText());

      jvm.destroyForcibly();
      assertThat(jvm.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long killed = System.nanoTime();
      while (pids.stream().anyMatch(LocalModeTest::alive) && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10)) {
        Thread.sleep(50);
      }

      assertThat(pids.stream().filter(LocalModeTest::alive)).as("processes left of " + pids).isEmpty();
      assertThat(tmp).as("the server's temporary directory").doesNotExist();
    } finally {
      jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      for (long pid : pids) { // when the supervisor failed, its processes are still ours to stop (by pid, if still them)
        ProcessHandle.of(pid)
            .filter(p -> p.info().commandLine().orElse("").matches(".*(FakeStagehandServer|sleep 600|stagehand-supervisor).*"))
            .ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /** Builds a client in local mode for the script server args[0] and prints {@code BUILD OK} or {@code BUILD FAILED: <message>}. */
  public static final class BuildOnce {
    public static void main(String[] args) {
      try (StagehandClient client = StagehandOkHttpClient.builder()
          .localServer(LocalServer.builder().server(Paths.get(args[0])).chromePath(Paths.get(args[1])).build())
          .build()) {
        System.out.println("BUILD OK " + client.baseUrl());
      } catch (LocalServerException e) {
        System.out.println("BUILD FAILED: " + e.getMessage());
      }
    }
  }

  /** Builds a client in local mode, says where its server is, and returns from main without closing it. */
  public static final class NeverClosed {
    public static void main(String[] args) throws IOException {
      StagehandClient client = StagehandOkHttpClient.builder()
          .localServer(LocalServer.builder().server(Paths.get(args[0])).chromePath(Paths.get(args[1])).build())
          .build();
      System.out.println("READY " + client.baseUrl());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
  }

  private StagehandClient fromEnv(Map<String, String> properties, Map<String, String> environment,
      java.util.function.Consumer<StagehandOkHttpClient.Builder> after) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .fromEnv(name -> properties.get(name), name -> environment.get(name));
    after.accept(builder);
    StagehandClient client = builder.build();
    clients.add(client);
    return client;
  }

  private Path executable(String name, String content) throws IOException {
    Path file = Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private static JsonNode get(StagehandClient client, String path) throws IOException {
    return get(client.baseUrl() + path);
  }

  private static JsonNode get(String url) throws IOException {
    try (java.io.InputStream in = new URL(url).openStream()) {
      return Json.MAPPER.readTree(in);
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private List<Long> fakeServersRunning() {
    List<Long> pids = new ArrayList<>();
    ProcessHandle.current().descendants()
        .filter(p -> p.isAlive() && p.info().commandLine().orElse("").contains(FakeStagehandServer.class.getName()))
        .forEach(p -> pids.add(p.pid()));
    return pids;
  }
}
