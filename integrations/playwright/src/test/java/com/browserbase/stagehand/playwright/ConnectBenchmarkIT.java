package com.browserbase.stagehand.playwright;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The figure of BENCHMARKS.md ("Playwright"): the wall time from an open local-mode session to a usable
 * {@code Page} (its title read), with a Playwright started for the session, and with one shared
 * Playwright already running. Not part of the normal integration run:
 *
 * <pre>
 * ./mvnw -B -f all -Pintegration verify -DskipUnitTests -pl :stagehand-java-playwright -am \
 *     -Dit.test=ConnectBenchmarkIT -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dstagehand.benchmark=true
 * </pre>
 *
 * ({@code -Dstagehand.benchmark.rounds=9} is the default.) The table is printed and written to
 * {@code target/playwright-connect-benchmark.md}.
 */
@ExtendWith(RealStagehand.class)
@EnabledIfSystemProperty(named = "stagehand.benchmark", matches = "true")
@Timeout(900)
class ConnectBenchmarkIT {
  @Test
  void fromAnOpenSessionToAUsablePage(RealStagehand.Stack stack) throws IOException {
    int rounds = Integer.getInteger("stagehand.benchmark.rounds", 9);
    List<Double> own = new ArrayList<>();
    List<Double> shared = new ArrayList<>();
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
        "PLAYWRIGHT_NODEJS_PATH", PlaywrightDriver.nodeToSet(System.getenv(), null, false).orElseThrow().toString())))) {
      for (int i = -1; i < rounds; i++) { // round -1 warms up the JIT and the server
        try (StagehandSession session = stack.client.sessions().open(
            SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
          session.navigate(stack.page.url());
          long started = System.nanoTime();
          try (StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
            usable(pw.page());
            record(own, i, started);
          }
          started = System.nanoTime();
          try (StagehandPlaywright pw = StagehandPlaywright.connect(playwright, session)) {
            usable(pw.page());
            record(shared, i, started);
          }
        }
      }
    }
    String table = String.format(Locale.ROOT,
        "%d rounds, median (min-max) from an open session to its page's title read through Playwright%n%n"
            + "| connect | time |%n|---|---:|%n%s%s",
        rounds, row("connect(session): starts a Playwright driver", own),
        row("connect(playwright, session): a shared driver", shared));
    System.out.println("[benchmark] Playwright connect\n" + table);
    Files.write(Paths.get("target", "playwright-connect-benchmark.md"), table.getBytes(StandardCharsets.UTF_8));
  }

  private static void usable(Page page) {
    if (!"Stagehand Java SDK test form".equals(page.title())) {
      throw new AssertionError("Not the session's page: " + page.url());
    }
  }

  private static void record(List<Double> samples, int round, long started) {
    if (round >= 0) {
      samples.add((System.nanoTime() - started) / 1e6);
    }
  }

  private static String row(String name, List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "| %s | %.0f ms (%.0f-%.0f) |%n", name,
        sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
  }
}
