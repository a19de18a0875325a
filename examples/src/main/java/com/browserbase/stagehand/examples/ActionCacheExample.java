package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The action cache: the first {@code act} by instruction asks the model and stores the actions it
 * chose; the next time the same instruction runs on the same page (here: in a second client on the
 * same directory, as the next run of your program would) they are replayed with no model call.
 *
 * <p>Run: {@code ./mvnw -q -Pexamples -Dexample=ActionCacheExample} (entries go to a temporary
 * directory, deleted at the end), or keep them in a directory of your own and run twice: {@code
 * ./mvnw -q -Pexamples -Dexample=ActionCacheExample -Dexec.args=target/action-cache}. Without
 * configuration it talks to a demo server, which calls no model but answers as the real API does.
 */
public final class ActionCacheExample {
  private ActionCacheExample() {}

  private static final String INSTRUCTION = "click the 'Learn more' link";

  public static void main(String[] args) throws IOException {
    boolean temporary = args.length == 0;
    Path directory = temporary ? Files.createTempDirectory("stagehand-action-cache") : Paths.get(args[0]);
    ActionCache cache = ActionCache.directory(directory);
    // In your code: StagehandOkHttpClient.builder().fromEnv().actionCache(cache).build()
    try (StagehandClient client = ExampleClient.create(builder -> builder.actionCache(cache))) {
      System.out.println("Action cache in " + directory.toAbsolutePath());

      System.out.println("\nFirst run:");
      clickLearnMore(client);
      System.out.println("  " + cache.stats());
      for (Path entry : entries(directory)) {
        System.out.println("  stored " + entry.getFileName() + ":");
        System.out.println("    " + new String(Files.readAllBytes(entry), StandardCharsets.UTF_8).replace("\n", "\n    "));
      }

      // A new client on the same directory, as your program's next run would make: it starts with the entries.
      ActionCache nextRunsCache = ActionCache.directory(directory);
      StagehandClient nextRun = client.withOptions(builder -> builder.actionCache(nextRunsCache));
      System.out.println("\nNext run:");
      clickLearnMore(nextRun);
      System.out.println("  " + nextRunsCache.stats());
    } finally {
      if (temporary) {
        for (Path entry : entries(directory)) {
          Files.delete(entry);
        }
        Files.delete(directory);
      }
    }
  }

  /** Opens a session on example.com and clicks its link by instruction, through the client's cache. */
  private static void clickLearnMore(StagehandClient client) {
    try (StagehandSession session = client.sessions().open(
        SessionStartParams.builder().modelName("openai/gpt-5-nano").build())) {
      session.navigate("https://example.com");
      long started = System.nanoTime();
      ActResultData clicked = session.act(INSTRUCTION);
      long millis = (System.nanoTime() - started) / 1_000_000;
      // HIT: replayed with no model call; MISS: the model chose (and a success was stored);
      // HEALED: the page had changed, the model chose again and the entry was rewritten.
      System.out.println("  act \"" + INSTRUCTION + "\": success=" + clicked.success() + ", cache "
          + ActionCache.status(clicked).map(Enum::name).orElse("not used") + ", " + millis + " ms");
      System.out.println("  " + clicked.message());
    }
  }

  private static java.util.List<Path> entries(Path directory) throws IOException {
    java.util.List<Path> entries = new java.util.ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
      for (Path file : files) {
        entries.add(file);
      }
    }
    return entries;
  }
}
