package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory store under writers in two JVMs at once, and against entries others planted; the memory store's bound. */
class ActCacheStoreTest {
  private static final String KEY = "20871bc1f18234e84003ec6fbafece2b070879738c9151361c92d87606802310";
  /** Large enough (about 1 MB) that a write not made atomic would be seen half done. */
  private static final int ACTIONS = 4_000;

  @TempDir
  Path dir;

  /** A store in {@code directory} with the default bound. */
  static ActCacheStore.Directory directory(Path directory) {
    return new ActCacheStore.Directory(directory, ActCacheStore.DEFAULT_MAX_ENTRY_BYTES);
  }

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
      ActCacheStore store = directory(Paths.get(args[0]));
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
    ActCacheStore store = directory(dir);
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
    ActCacheStore store = directory(sub);
    store.check();
    Files.delete(sub);

    store.write(KEY, "{}");

    assertThat(new File(sub.toFile(), KEY + ".json")).hasContent("{}");
  }

  // ---- entries nobody else can plant (issue 21, finding 2) ----

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Gives {@code path} to another user, uid 12345; skips the test where this process may not (it is not root). */
  private static void chownToAnotherUser(Path path) {
    assumeTrue(posix(path), "POSIX file system");
    try {
      Files.setAttribute(path, "unix:uid", 12345, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      assumeTrue(false, "cannot give a file to another user here (needs root): " + e);
    }
  }

  @Test
  void aDirectoryIsMadePrivateAndEntriesAreWrittenForTheOwnerOnly() throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Path sub = dir.resolve("parent/cache");
    ActCacheStore store = directory(sub);

    store.check();
    store.write(KEY, "{}");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sub))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sub.resolve(KEY + ".json")))).isEqualTo("rw-------");
  }

  @Test
  void aDirectoryOthersCanWriteToIsRefusedNamingItAndTheFix() throws IOException {
    assumeTrue(posix(dir), "POSIX file system");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

    assertThatThrownBy(() -> directory(dir).check())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The action cache directory " + dir + " cannot be used: others can write to it (rwxrwxrwx), and could"
            + " plant entries that would be replayed with your variables' values; run chmod 700 " + dir
            + ", or use a directory only you can write to");

    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x")); // the group alone too
    assertThatThrownBy(() -> directory(dir).check()).hasMessageContaining("(rwxrwxr-x)");

    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // readable is not writable
    directory(dir).check();
  }

  @Test
  void aDirectoryAnotherUserOwnsIsRefusedEvenWhenThisProcessCanWriteThere() throws IOException {
    chownToAnotherUser(dir); // mode stays rwx------: only its owner, and root, can write there

    assertThatThrownBy(() -> directory(dir).check())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The action cache directory " + dir + " cannot be used: it belongs to 12345, not to ")
        .hasMessageEndingWith(" (the user this process runs as), so 12345 could plant entries that would be replayed with"
            + " your variables' values; use a directory you own");
  }

  @Test
  void anEntryThatIsASymbolicLinkIsRefusedAndNeverFollowed() throws IOException {
    Path planted = Files.write(dir.resolveSibling(dir.getFileName() + "-planted.json"), "{\"planted\":true}".getBytes(StandardCharsets.UTF_8));
    try {
      Files.createSymbolicLink(dir.resolve(KEY + ".json"), planted);
      ActCacheStore store = directory(dir);
      store.check();

      assertThatThrownBy(() -> store.read(KEY))
          .isInstanceOf(IOException.class)
          .hasMessage("it is a symbolic link, which the cache never follows");

      store.write(KEY, "{}"); // replaces the link, never writes through it
      assertThat(dir.resolve(KEY + ".json")).isRegularFile().hasContent("{}");
      assertThat(planted).hasContent("{\"planted\":true}");
    } finally {
      Files.delete(planted);
    }
  }

  @Test
  void anEntryAnotherUserOwnsAnyoneCanWriteOrThatIsHardLinkedElsewhereIsRefused() throws IOException {
    // A directory made private after someone planted entries in it (chmod 700, as the refusal says) keeps them.
    ActCacheStore store = directory(dir);
    store.check();
    Path entry = Files.write(dir.resolve(KEY + ".json"), "{}".getBytes(StandardCharsets.UTF_8));
    assumeTrue(posix(dir), "POSIX file system");
    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));

    assertThatThrownBy(() -> store.read(KEY)).isInstanceOf(IOException.class).hasMessage("anyone can write to it (rw-rw-rw-)");

    Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-r--"));
    assertThat(store.read(KEY)).isEqualTo("{}"); // as the TypeScript library writes them under umask 002
    Path elsewhere = dir.resolveSibling(dir.getFileName() + "-link.json");
    Files.createLink(elsewhere, entry); // made while the directory was open: writes through it reach the entry
    try {
      assertThatThrownBy(() -> store.read(KEY)).isInstanceOf(IOException.class)
          .hasMessage("it has 2 hard links, through which it can be written from outside the directory");
    } finally {
      Files.delete(elsewhere);
    }
    assertThat(store.read(KEY)).isEqualTo("{}");
    chownToAnotherUser(entry);
    assertThatThrownBy(() -> store.read(KEY)).isInstanceOf(IOException.class)
        .hasMessageStartingWith("it belongs to 12345, not to ").hasMessageEndingWith(", the user this process runs as");
  }

  @Test
  void aTemporaryFileThatAKilledWriterLeftIsRemovedByTheNextCheck() throws IOException {
    FileTime twoMinutesAgo = FileTime.fromMillis(System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(2));
    // The names the store writes: ".<key>.<uuid>.tmp" for entries, ".stagehand-write-check-<uuid>.tmp" for the probe.
    Path leftByWriter = dir.resolve("." + KEY + "." + UUID.randomUUID() + ".tmp");
    Path leftByCheck = dir.resolve(".stagehand-write-check-" + UUID.randomUUID() + ".tmp");
    Path beingWritten = dir.resolve("." + KEY + "." + UUID.randomUUID() + ".tmp");
    Path notOurs = dir.resolve(".notes.tmp");
    for (Path file : Arrays.asList(leftByWriter, leftByCheck, beingWritten, notOurs)) {
      Files.write(file, "{\"version\": 1, \"act".getBytes(StandardCharsets.UTF_8));
      if (file != beingWritten) {
        Files.setLastModifiedTime(file, twoMinutesAgo);
      }
    }
    Files.write(dir.resolve(KEY + ".json"), "{}".getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(dir.resolve(KEY + ".json"), twoMinutesAgo);

    directory(dir).check();

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("a writer in another JVM may still be at a file of less than a minute; other names are not the store's")
          .containsExactlyInAnyOrder(notOurs.getFileName().toString(), beingWritten.getFileName().toString(), KEY + ".json");
    }
  }

  // ---- the bound (issue 21, finding 4) ----

  @Test
  void anEntryLargerThanTheBoundIsRefusedAndOneAtTheBoundIsRead() throws IOException {
    ActCacheStore store = directory(dir);
    store.check();
    byte[] atTheBound = new byte[1024 * 1024];
    Arrays.fill(atTheBound, (byte) ' ');
    atTheBound[0] = '{';
    atTheBound[atTheBound.length - 1] = '}';
    Files.write(dir.resolve(KEY + ".json"), atTheBound);
    assertThat(store.read(KEY)).hasSize(1024 * 1024);

    Files.write(dir.resolve(KEY + ".json"), new byte[] {' '}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> store.read(KEY))
        .isInstanceOf(IOException.class)
        .hasMessage("it is 1048577 bytes, more than the limit of 1048576 bytes");
  }

  @Test
  void aMemoryStoreRefusesAnEntryLargerThanTheBound() throws IOException {
    ActCacheStore store = new ActCacheStore.Memory();
    char[] large = new char[1024 * 1024 + 1];
    Arrays.fill(large, ' ');

    assertThatThrownBy(() -> store.write(KEY, new String(large)))
        .isInstanceOf(IOException.class)
        .hasMessage("it is 1048577 bytes, more than the limit of 1048576 bytes");
    assertThat(store.read(KEY)).isNull();

    store.write(KEY, new String(large, 0, large.length - 1));
    assertThat(store.read(KEY)).hasSize(1024 * 1024);
  }

  @Test
  void aDirectoryStoreDoesNotWriteAnEntryLargerThanTheBound() throws IOException {
    ActCacheStore store = directory(dir);
    char[] large = new char[1024 * 1024 + 1];
    Arrays.fill(large, ' ');

    assertThatThrownBy(() -> store.write(KEY, new String(large))).isInstanceOf(IOException.class);

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
