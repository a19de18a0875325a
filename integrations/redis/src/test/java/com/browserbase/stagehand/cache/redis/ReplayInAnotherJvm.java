package com.browserbase.stagehand.cache.redis;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.FakeModel;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.BrowserConfig;
import com.browserbase.stagehand.models.sessions.LocalBrowserLaunchOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The second machine of {@link RedisActionCacheIT}: a JVM of its own, with its own client and its own {@link
 * RedisActionCacheStore}, acting on the same page through the parent's Stagehand server. It prints one line per act,
 * {@code act <status> <success>}, and the page's text; the parent counts the model requests.
 *
 * <p>Arguments: the server's base URL, the key prefix, the page URL, the Chromium the server launches for the session
 * (a client not in local mode names it in the start request). The Redis URI (with its password) comes in the
 * environment variable {@code REDIS_URI}, out of the process list.
 */
final class ReplayInAnotherJvm {
  static final String TYPE = "type '%name%' into the Name field";
  static final String CLICK = "click the Submit button";

  private ReplayInAnotherJvm() {
  }

  public static void main(String[] args) {
    String baseUrl = args[0];
    String prefix = args[1];
    String pageUrl = args[2];
    List<String> chromiumArgs = new ArrayList<>(List.of("--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"));
    if ("root".equals(System.getProperty("user.name"))) {
      chromiumArgs.add("--no-sandbox");   // Chromium refuses its sandbox as root
    }
    SessionStartParams start = SessionStartParams.builder().modelName("openai/gpt-4o-mini")
        .browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL).launchOptions(LocalBrowserLaunchOptions.builder()
            .executablePath(args[3]).headless(true).args(chromiumArgs).build()).build())
        .build();
    try (RedisActionCacheStore store = RedisActionCacheStore.builder().uri(System.getenv("REDIS_URI"))
             .keyPrefix(prefix).build();
         StagehandClient client = StagehandOkHttpClient.builder().baseUrl(baseUrl).modelApiKey(FakeModel.API_KEY)
             .actionCache(ActionCache.of(store)).build();
         StagehandSession session = client.sessions().open(start)) {
      session.navigate(pageUrl);
      ActResultData typed = session.act(TYPE, ActOptions.builder().putVariable("name", "Grace Hopper").build());
      ActResultData clicked = session.act(CLICK);
      System.out.println("act " + ActionCache.status(typed).map(Enum::name).orElse("none") + " " + typed.success());
      System.out.println("act " + ActionCache.status(clicked).map(Enum::name).orElse("none") + " " + clicked.success());
      System.out.println("page " + session.extract().path("pageText").asText().replace('\n', ' '));
    }
  }

  /** This class's output when run in a new JVM on this JVM's class path; the child is killed by its PID on every path. */
  static List<String> run(Path dir, String redisUri, String baseUrl, String prefix, String pageUrl, String chromium)
      throws IOException, InterruptedException {
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    Path output = dir.resolve("child-jvm.log");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        ReplayInAnotherJvm.class.getName(), baseUrl, prefix, pageUrl, chromium));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("REDIS_URI", redisUri);
    Process child = builder.start();
    Thread reaper = new Thread(() -> child.toHandle().destroyForcibly(), "child-jvm-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      if (!child.waitFor(150, TimeUnit.SECONDS)) {
        throw new AssertionError("The child JVM did not finish within 150 s: " + Files.readAllLines(output));
      }
      List<String> lines = Files.readAllLines(output);
      if (child.exitValue() != 0) {
        throw new AssertionError("The child JVM exited with " + child.exitValue() + ": " + String.join("\n", lines));
      }
      return lines;
    } finally {
      if (child.isAlive()) {
        child.toHandle().destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
      }
      Runtime.getRuntime().removeShutdownHook(reaper);
    }
  }
}
