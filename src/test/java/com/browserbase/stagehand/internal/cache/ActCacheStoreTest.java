package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store under writers in two JVMs at once. */
class ActCacheStoreTest {
  private static final String KEY = "20871bc1f18234e84003ec6fbafece2b070879738c9151361c92d87606802310";
  /** Large enough (about 1 MB) that a write not made atomic would be seen half done. */
  private static final int ACTIONS = 4_000;

  @TempDir
  Path dir;

  /** An entry written by {@code writer}, the {@code n}th: a valid entry, large, its writer and number inside. */
  static String entry(String writer, int n) {
    StringBuilder actions = new StringBuilder();
    for (int i = 0; i < ACTIONS; i++) {
      actions.append(i == 0 ? "" : ",").append("{\"selector\":\"xpath=/html/body/div[").append(i)
          .append("]\",\"description\":\"written by ").append(writer).append("\",\"method\":\"click\",\"arguments\":[]}");
    }
    return "{\"version\":1,\"instruction\":\"" + writer + " " + n + "\",\"url\":\"https://example.com/\",\"variableKeys\":[],"
        + "\"actions\":[" + actions + "],\"message\":\"end of " + writer + " " + n + "\"}";
  }

  /** The other JVM: writes {@code count} entries under one key into a directory. */
  public static final class Writer {
    public static void main(String[] args) throws IOException {
      ActCacheStore store = new ActCacheStore.Directory(Paths.get(args[0]));
      for (int n = 0; n < Integer.parseInt(args[2]); n++) {
        store.write(KEY, entry(args[1], n));
      }
    }
  }

  @Test
  void twoJvmsWritingOneEntryLeaveOneWholeFileAndReadersNeverSeeAPart() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Writer.class.getName(),
        dir.toString(), "other", "150")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolveSibling(dir.getFileName() + "-writer.log").toFile())
        .start();
    ActCacheStore store = new ActCacheStore.Directory(dir);
    int mine = 0;
    int readMine = 0;
    int readOthers = 0;
    try {
      while (other.isAlive() || mine < 20) {
        store.write(KEY, entry("this", mine++));
        for (int i = 0; i < 3; i++) {
          String text = store.read(KEY);
          JsonNode read = Json.MAPPER.readTree(text); // a torn file would not parse
          String instruction = read.path("instruction").asText();
          assertThat(read.path("actions").size()).as("actions of %s", instruction).isEqualTo(ACTIONS);
          assertThat(read.path("message").asText()).isEqualTo("end of " + instruction);
          if (instruction.startsWith("this ")) {
            readMine++;
          } else {
            readOthers++;
          }
        }
      }
    } finally {
      assertThat(other.waitFor(60, TimeUnit.SECONDS)).as("the other JVM finished").isTrue();
    }
    assertThat(other.exitValue()).as("the other JVM's exit code").isZero();
    assertThat(readMine).as("entries of this JVM read").isPositive();
    assertThat(readOthers).as("entries of the other JVM read while both wrote").isPositive();
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toList());
      assertThat(names).as("no temporary file is left").containsExactly(KEY + ".json");
    }
    String last = new String(Files.readAllBytes(dir.resolve(KEY + ".json")), StandardCharsets.UTF_8);
    assertThat(Arrays.asList(entry("this", mine - 1), entry("other", 149))).contains(last);
  }

  @Test
  void aMemoryStoreKeepsTheTextItWasGiven() throws IOException {
    ActCacheStore store = new ActCacheStore.Memory();
    store.write(KEY, "{}");

    assertThat(store.read(KEY)).isEqualTo("{}");
    assertThat(store.read("other")).isNull();
    assertThat(store.where(KEY)).isEqualTo("memory:" + KEY);
  }

  @Test
  void aDirectoryRemovedMeanwhileIsMadeAgain() throws IOException {
    Path sub = dir.resolve("cache");
    ActCacheStore store = new ActCacheStore.Directory(sub);
    store.check();
    Files.delete(sub);

    store.write(KEY, "{}");

    assertThat(new File(sub.toFile(), KEY + ".json")).hasContent("{}");
  }
}
