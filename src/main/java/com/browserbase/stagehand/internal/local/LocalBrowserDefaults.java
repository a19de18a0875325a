package com.browserbase.stagehand.internal.local;

import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.models.sessions.BrowserConfig;
import com.browserbase.stagehand.models.sessions.LocalBrowserLaunchOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The browser a session of a local server gets when its start request does not say: {@code type local}, headless as
 * configured, the configured or found Chromium, arguments for a machine without a display or network access ({@code
 * --no-sandbox} only as root). What the request sets wins: a Browserbase or CDP browser is left alone, and a local
 * browser only gets the launch options it leaves out. Immutable. Not API.
 */
final class LocalBrowserDefaults {
  /** Looked for on the PATH, in this order, when no Chromium is configured. */
  static final List<String> BROWSER_NAMES =
      Collections.unmodifiableList(Arrays.asList("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"));

  private final String executablePath;
  private final boolean headless;
  private final List<String> args;

  /** {@code chrome} may be null: then the server looks for a browser itself. */
  LocalBrowserDefaults(Path chrome, boolean headless, boolean root) {
    this.executablePath = chrome == null ? null : chrome.toString();
    this.headless = headless;
    List<String> args = new ArrayList<>();
    if (root) {
      args.add("--no-sandbox"); // Chromium refuses to start its sandbox as root
    }
    if (headless) {
      args.add("--disable-gpu");
    }
    // No calls home: on a machine without network access they make Chromium hang.
    args.addAll(Arrays.asList(
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"));
    this.args = Collections.unmodifiableList(args);
  }

  /** The Chromium of sessions without a browser: {@code configured}, or the first found on the PATH. */
  static Optional<Path> chrome(Optional<Path> configured) {
    return configured.isPresent() ? configured : BROWSER_NAMES.stream().map(Executables::onPath)
        .filter(Optional::isPresent).map(Optional::get).findFirst();
  }

  /** Whether this JVM runs as root: the effective user id on Linux, else the user name. */
  static boolean runsAsRoot() {
    Path status = Paths.get("/proc/self/status");
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("Uid:")) {
          String[] ids = line.substring(4).trim().split("\\s+"); // real, effective, saved, filesystem
          return ids.length > 1 && ids[1].equals("0");
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // fall through
    }
    return "root".equals(System.getProperty("user.name"));
  }

  /** The start request with the local browser filled in where it leaves it out. */
  SessionStartParams apply(SessionStartParams params) {
    Checks.notNull(params, "params");
    if (!params.browser().isPresent()) {
      return params.toBuilder()
          .browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL).launchOptions(launchOptions(null)).build())
          .build();
    }
    BrowserConfig browser = params.browser().get();
    LocalBrowserLaunchOptions given = browser.launchOptions().orElse(null);
    boolean connects = browser.cdpUrl().isPresent() || (given != null && given.cdpUrl().isPresent());
    if (browser.type().orElse(null) != BrowserConfig.Type.LOCAL || connects) {
      return params;
    }
    return params.toBuilder().browser(browser.toBuilder().launchOptions(launchOptions(given)).build()).build();
  }

  private LocalBrowserLaunchOptions launchOptions(LocalBrowserLaunchOptions given) {
    LocalBrowserLaunchOptions.Builder options =
        given == null ? LocalBrowserLaunchOptions.builder() : given.toBuilder();
    if (executablePath != null && (given == null || !given.executablePath().isPresent())) {
      options.executablePath(executablePath);
    }
    if (given == null || !given.headless().isPresent()) {
      options.headless(headless);
    }
    if (given == null || (given.args().isEmpty() && !given.chromiumSandbox().isPresent())) {
      options.args(args);
    }
    return options.build();
  }
}
