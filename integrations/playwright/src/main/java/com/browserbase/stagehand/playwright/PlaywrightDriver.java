package com.browserbase.stagehand.playwright;

import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the Playwright driver for {@link StagehandPlaywright#connect(com.browserbase.stagehand.client.StagehandSession)}:
 * never with a browser download ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD}: the session has its browser), and
 * on a Node.js found in this order: {@code PLAYWRIGHT_NODEJS_PATH} or the {@code playwright.nodejs.path}
 * property (Playwright reads them), the Node.js of {@code com.microsoft.playwright:driver-bundle} when it
 * is on the classpath, else {@code node} on the {@code PATH}.
 */
final class PlaywrightDriver {
  /** The driver bundle's Node.js folders, one per platform it ships. */
  private static final String[] BUNDLE_FOLDERS = {"linux", "linux-arm64", "mac", "mac-arm64", "win32_x64"};

  private PlaywrightDriver() {}

  static Playwright create() {
    Map<String, String> env = new HashMap<>();
    env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    nodeToSet(System.getenv(), System.getProperty("playwright.nodejs.path"), hasBundle())
        .ifPresent(node -> env.put("PLAYWRIGHT_NODEJS_PATH", node.toString()));
    return Playwright.create(new Playwright.CreateOptions().setEnv(env));
  }

  /**
   * The Node.js to hand Playwright, or empty when Playwright finds its own (a setting, or the bundle).
   *
   * @throws IllegalStateException when there is none at all, saying the three ways to give one
   */
  static Optional<Path> nodeToSet(Map<String, String> env, String property, boolean bundle) {
    if (notEmpty(env.get("PLAYWRIGHT_NODEJS_PATH")) || notEmpty(property) || bundle) {
      return Optional.empty();
    }
    String node = File.separatorChar == '\\' ? "node.exe" : "node";
    String path = env.get("PATH");
    for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = dir.isEmpty() ? null : Paths.get(dir, node);
      if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    throw new IllegalStateException("Playwright's driver needs Node.js 18 or newer, and none was found: put node"
        + " on the PATH, set PLAYWRIGHT_NODEJS_PATH to it, or add com.microsoft.playwright:driver-bundle to the"
        + " dependencies (201 MB: Node.js for every platform)");
  }

  private static boolean hasBundle() {
    ClassLoader loader = Playwright.class.getClassLoader();
    for (String folder : BUNDLE_FOLDERS) {
      if (loader.getResource("driver/" + folder) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean notEmpty(String value) {
    return value != null && !value.trim().isEmpty();
  }
}
