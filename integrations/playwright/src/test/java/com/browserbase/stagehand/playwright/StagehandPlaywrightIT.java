package com.browserbase.stagehand.playwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.FakeModel;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.e2e.TestPage;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playwright and Stagehand on the same pages of a local-mode session: the real Stagehand server, a real
 * Chromium, Playwright for Java on the machine's Node.js, and the fake model of the e2e kit.
 */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class StagehandPlaywrightIT {
  private static SessionStartParams start() {
    return SessionStartParams.builder().modelName("openai/gpt-4o-mini").build();
  }

  @Test
  void playwrightFillsTheFormAndStagehandSubmitsItOnTheSamePage(RealStagehand.Stack stack) {
    try (StagehandSession session = stack.client.sessions().open(start());
         StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
      Page page = pw.page();
      page.navigate(stack.page.url());
      page.fill("#name", "Ada");

      ActResultData clicked = pw.on(page).act("click the submit button");

      assertThat(clicked.success()).isTrue();
      assertThat(page.textContent("#result")).isEqualTo("Submitted: Ada");
      assertThat(pw.context().pages()).containsExactly(page);
    }
  }

  @Test
  void aSecondTabIsDrivenThroughItsOwnViewWhileTheFirstStaysAsItWas(RealStagehand.Stack stack) {
    try (StagehandSession session = stack.client.sessions().open(start());
         StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
      Page first = pw.page();
      session.navigate(stack.page.url()); // the server's own tab, before Playwright opens another
      first.fill("#name", "Ada");
      Page second = pw.context().newPage();

      pw.on(second).navigate(stack.page.url());
      second.fill("#name", "Bo");
      assertThat(pw.on(second).act("click the submit button").success()).isTrue();

      assertThat(second.textContent("#result")).isEqualTo("Submitted: Bo");
      assertThat(first.textContent("#result")).isEqualTo("Nothing submitted");
      assertThat(first.inputValue("#name")).isEqualTo("Ada");
      assertThat(StagehandPlaywright.frameId(second)).isNotEqualTo(StagehandPlaywright.frameId(first));
      assertThat(pw.on(first).extract().path("pageText").asText()).contains("Nothing submitted");
    }
  }

  @Test
  void theActionCacheKeysAnActAimedAtATabByThatTabsUrl(RealStagehand.Stack stack, @TempDir Path dir)
      throws IOException {
    String other = stack.page.serve("/cache/second-tab", TestPage.HTML);
    StagehandClient cached = stack.client.withOptions(b -> b.actionCache(ActionCache.directory(dir)));
    try (StagehandSession session = cached.sessions().open(start());
         StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
      Page first = pw.page();
      first.navigate(stack.page.url());
      Page second = pw.context().newPage(); // the newest tab: the server's active one
      second.navigate(other);

      ActResultData missed = pw.on(first).act("click the submit button");
      first.reload();
      ActResultData hit = pw.on(first).act("click the submit button");

      assertThat(ActionCache.status(missed)).contains(ActionCache.Status.MISS);
      assertThat(ActionCache.status(hit)).contains(ActionCache.Status.HIT);
      assertThat(first.textContent("#result")).isEqualTo("Submitted: ");
      assertThat(second.textContent("#result")).isEqualTo("Nothing submitted");
      List<Path> entries;
      try (Stream<Path> files = Files.list(dir)) {
        entries = files.filter(f -> f.toString().endsWith(".json")).collect(Collectors.toList());
      }
      assertThat(entries).hasSize(1);
      assertThat(new String(Files.readAllBytes(entries.get(0)), StandardCharsets.UTF_8))
          .contains("\"url\": \"" + stack.page.url() + "\"").doesNotContain("second-tab");
    }
  }

  @Test
  void onFrameReadsTheIframeAndNotItsParent(RealStagehand.Stack stack) {
    try (StagehandSession session = stack.client.sessions().open(start());
         StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
      Page page = pw.page();
      page.navigate(stack.page.framed());
      Frame inner = page.frame("inner");
      inner.waitForSelector("#plan");

      JsonNode text = pw.on(inner).extract();
      int before = stack.model.calls().size();
      JsonNode plan = pw.on(inner).extract("the plan line",
          ExtractOptions.builder().model(stack.model.model()).build());

      assertThat(text.path("pageText").asText()).contains("Inner plan: Pro").doesNotContain("Outer heading");
      List<FakeModel.Call> calls = stack.model.calls().subList(before, stack.model.calls().size());
      assertThat(calls).isNotEmpty();
      String asked = calls.get(calls.size() - 1).body.toString();
      assertThat(asked).contains("Inner plan: Pro").doesNotContain("Outer heading");
      assertThat(plan.toString()).contains("Inner plan: Pro");
      String frameId = StagehandPlaywright.frameId(inner);
      assertThat(frameId).isNotEmpty().isNotEqualTo(StagehandPlaywright.frameId(page));
      assertThat(StagehandPlaywright.frameId(page.mainFrame())).isEqualTo(StagehandPlaywright.frameId(page));
      assertThatThrownBy(() -> pw.on(inner).navigate(stack.page.url()))
          .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("frame.navigate");
    }
  }

  @Test
  void aSelectorThatObserveReturnsIsAPlaywrightLocator(RealStagehand.Stack stack) {
    try (StagehandSession session = stack.client.sessions().open(start());
         StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
      Page page = pw.page();
      page.navigate(stack.page.url());

      List<Action> found = pw.on(page).observe("find the Submit button");

      assertThat(found).isNotEmpty();
      page.fill("#name", "Cy");
      page.locator(found.get(0).selector()).click();
      assertThat(page.textContent("#result")).isEqualTo("Submitted: Cy");
    }
  }

  @Test
  void closeStopsTheDriverAndLeavesTheSessionAndItsBrowserRunning(RealStagehand.Stack stack) {
    Set<Long> before = drivers();
    try (StagehandSession session = stack.client.sessions().open(start())) {
      StagehandPlaywright pw = StagehandPlaywright.connect(session);
      assertThat(drivers()).hasSizeGreaterThan(before.size());
      pw.page().navigate(stack.page.url());

      pw.close();
      pw.close();

      assertThat(drivers()).isSubsetOf(before);
      assertThat(session.extract().path("pageText").asText()).contains("Nothing submitted");
      try (StagehandPlaywright again = StagehandPlaywright.connect(session)) {
        assertThat(again.page().url()).isEqualTo(stack.page.url());
      }
    }
    assertThat(drivers()).isSubsetOf(before);
  }

  @Test
  void aSharedPlaywrightServesSeveralSessionsAndStaysOpen(RealStagehand.Stack stack) {
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
                "PLAYWRIGHT_NODEJS_PATH", PlaywrightDriver.nodeToSet(System.getenv(), null, false)
                    .orElseThrow().toString())));
         StagehandSession one = stack.client.sessions().open(start());
         StagehandSession two = stack.client.sessions().open(start())) {
      Set<Long> withShared = drivers();
      try (StagehandPlaywright a = StagehandPlaywright.connect(playwright, one);
           StagehandPlaywright b = StagehandPlaywright.connect(playwright, two)) {
        a.page().navigate(stack.page.url());
        b.page().navigate(stack.page.framed());
        assertThat(a.page().title()).isNotEqualTo(b.page().title());
      }
      assertThat(drivers()).isEqualTo(withShared);
      try (StagehandPlaywright again = StagehandPlaywright.connect(playwright, one)) {
        assertThat(again.page().title()).isEqualTo("Stagehand Java SDK test form");
      }
    }
  }

  /** The Playwright drivers this JVM runs ({@code node .../cli.js run-driver}). */
  private static Set<Long> drivers() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("run-driver"))
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
