package com.browserbase.stagehand.playwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Node.js the driver gets. */
class PlaywrightDriverTest {
  @TempDir
  Path dir;

  private Path node(String folder) throws IOException {
    Path bin = Files.createDirectories(dir.resolve(folder));
    Path node = Files.createFile(bin.resolve("node"));
    Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
    return node;
  }

  @Test
  void theFirstNodeOnThePathWhenNothingElseIsGiven() throws IOException {
    Path first = node("first");
    node("second");
    String path = dir.resolve("empty") + File.pathSeparator + first.getParent() + File.pathSeparator
        + dir.resolve("second");

    assertThat(PlaywrightDriver.nodeToSet(Map.of("PATH", path), null, false)).contains(first);
  }

  @Test
  void aSettingOrTheBundleIsLeftToPlaywright() throws IOException {
    String path = node("bin").getParent().toString();

    assertThat(PlaywrightDriver.nodeToSet(Map.of("PATH", path, "PLAYWRIGHT_NODEJS_PATH", "/opt/node"), null, false))
        .isEmpty();
    assertThat(PlaywrightDriver.nodeToSet(Map.of("PATH", path), "/opt/node", false)).isEmpty();
    assertThat(PlaywrightDriver.nodeToSet(Map.of("PATH", path), null, true)).isEmpty();
  }

  @Test
  void noNodeAtAllSaysTheThreeWaysToGiveOne() throws IOException {
    Path notExecutable = Files.createDirectories(dir.resolve("bin")).resolve("node");
    Files.createFile(notExecutable);

    assertThatThrownBy(() -> PlaywrightDriver.nodeToSet(Map.of("PATH", notExecutable.getParent().toString()), " ", false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("node on the PATH")
        .hasMessageContaining("PLAYWRIGHT_NODEJS_PATH")
        .hasMessageContaining("driver-bundle");
    assertThatThrownBy(() -> PlaywrightDriver.nodeToSet(Map.of(), null, false)).isInstanceOf(IllegalStateException.class);
  }
}
