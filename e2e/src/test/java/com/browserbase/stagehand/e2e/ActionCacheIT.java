package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action cache against the real server and a real Chromium, with the model requests counted at
 * the {@link FakeModel}: the first act asks the model, a new client on the same directory and page
 * asks it nothing, and a page that changed under the same URL is asked about again and rewritten.
 */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class ActionCacheIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "type '%name%' into the Name field";
  private static final String CLICK = "click the Submit button";

  @TempDir
  Path dir;

  private static SessionStartParams start(boolean selfHeal) {
    return SessionStartParams.builder().modelName("openai/gpt-4o-mini").selfHeal(selfHeal).build();
  }

  private static ActOptions name(String value) {
    return ActOptions.builder().putVariable("name", value).build();
  }

  private static String pageText(StagehandSession session) {
    return session.extract().path("pageText").asText();
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList());
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
  }

  /** The one entry whose instruction is {@code instruction}. */
  private JsonNode entry(String instruction) throws IOException {
    for (Path file : entries()) {
      JsonNode entry = read(file);
      if (entry.path("instruction").asText().equals(instruction)) {
        return entry;
      }
    }
    throw new AssertionError("no entry for " + instruction + " in " + entries());
  }

  @Test
  void theFirstActAsksTheModelAndANewClientOnTheSamePageAsksItNothing(RealStagehand.Stack stack) throws IOException {
    // The page moves itself to ?b=2&a=1 once loaded: only the browser knows, the handle navigated to `url`.
    String url = stack.page.serve("/cache/form", TestPage.HTML.replace("</body>",
        "<script>history.replaceState(null, '', location.pathname + '?b=2&a=1')</script>\n</body>"));
    StagehandClient first = stack.client.withOptions(b -> b.actionCache(ActionCache.directory(dir)));
    int before = stack.model.calls().size();
    try (StagehandSession session = first.sessions().open(start(true))) {
      session.navigate(url);
      ActResultData typed = session.act(TYPE, name("Hedy Lamarr"));
      ActResultData clicked = session.act(CLICK);

      assertThat(typed.success()).as(typed.message()).isTrue();
      assertThat(clicked.success()).as(clicked.message()).isTrue();
      assertThat(ActionCache.status(typed)).contains(ActionCache.Status.MISS);
      assertThat(ActionCache.status(clicked)).contains(ActionCache.Status.MISS);
      // What the real server reports for an act by instruction with variables: the placeholder the model chose.
      assertThat(typed.actions()).extracting(Action::arguments).containsExactly(List.of("%name%"));
      assertThat(pageText(session)).contains("StaticText: Submitted: Hedy Lamarr");
    }
    int asked = stack.model.calls().size() - before;
    assertThat(asked).as("model requests of the first run").isGreaterThanOrEqualTo(2);
    assertThat(entries()).hasSize(2);
    for (Path file : entries()) {
      assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).doesNotContain("Hedy");
    }
    JsonNode typeEntry = entry(TYPE);
    assertThat(typeEntry.path("url").asText()).as("the URL the browser reported").isEqualTo(url + "?b=2&a=1");
    assertThat(typeEntry.path("variableKeys")).isEqualTo(JSON.readTree("[\"name\"]"));
    assertThat(typeEntry.path("actions").get(0).path("arguments")).isEqualTo(JSON.readTree("[\"%name%\"]"));

    ActionCache again = ActionCache.directory(dir);
    StagehandClient second = stack.client.withOptions(b -> b.actionCache(again));
    before = stack.model.calls().size();
    try (StagehandSession session = second.sessions().open(start(true))) {
      session.navigate(url);
      ActResultData typed = session.act(TYPE, name("Grace Hopper"));
      ActResultData clicked = session.act(CLICK);

      assertThat(ActionCache.status(typed)).contains(ActionCache.Status.HIT);
      assertThat(ActionCache.status(clicked)).contains(ActionCache.Status.HIT);
      assertThat(pageText(session)).contains("StaticText: Submitted: Grace Hopper");
    }
    assertThat(stack.model.calls().size() - before).as("model requests of the replay").isZero();
    assertThat(again.stats().toString()).isEqualTo("Stats{hits=2, misses=0, heals=0}");
  }

  @Test
  void aReplayRightAfterANavigationWaitsForAButtonTheScriptAddsLate(RealStagehand.Stack stack) throws IOException {
    String url = stack.page.serve("/cache/late", TestPage.HTML);
    ActionCache cache = ActionCache.directory(dir);
    StagehandClient client = stack.client.withOptions(b -> b.actionCache(cache));
    try (StagehandSession session = client.sessions().open(start(true))) {
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.MISS);
      String stored = entry(CLICK).path("actions").get(0).path("selector").asText();

      // The same page, but its script adds the button 1 s after it ran: absent when navigate returns (without the
      // wait, the replay fails and the server's self-heal asks the model: HEALED, 2 model requests).
      stack.page.serve("/cache/late", LATE_HTML);
      session.navigate(url);
      int before = stack.model.calls().size();
      ActResultData replayed = session.act(CLICK);

      assertThat(replayed.success()).as(replayed.message()).isTrue();
      assertThat(ActionCache.status(replayed)).contains(ActionCache.Status.HIT);
      assertThat(stack.model.calls().size() - before).as("model requests of the replay").isZero();
      assertThat(entry(CLICK).path("actions").get(0).path("selector").asText()).isEqualTo(stored);
      assertThat(pageText(session)).contains("StaticText: Submitted:");
    }
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=1, heals=0}");
  }

  /** {@link TestPage#HTML} whose Submit button a script adds to the form 1 s after the page loaded. */
  private static final String LATE_HTML = TestPage.HTML
      .replace("  <button id=\"submit\" type=\"submit\">Submit</button>\n", "")
      .replace("</body>", "<script>\n"
          + "  setTimeout(function () {\n"
          + "    var button = document.createElement('button');\n"
          + "    button.id = 'submit'; button.type = 'submit'; button.textContent = 'Submit';\n"
          + "    document.getElementById('form').appendChild(button);\n"
          + "  }, 1000);\n"
          + "</script>\n</body>");

  @Test
  void aMovedButtonIsFoundAgainByTheServerAndTheEntryRewritten(RealStagehand.Stack stack) throws IOException {
    String url = stack.page.serve("/cache/self-heal", TestPage.HTML);
    ActionCache cache = ActionCache.directory(dir);
    StagehandClient client = stack.client.withOptions(b -> b.actionCache(cache));
    try (StagehandSession session = client.sessions().open(start(true))) {
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.MISS);
      String stored = entry(CLICK).path("actions").get(0).path("selector").asText();

      stack.page.serve("/cache/self-heal", TestPage.MOVED_HTML); // the same URL, another page
      session.navigate(url);
      int before = stack.model.calls().size();
      ActResultData healed = session.act(CLICK);

      assertThat(healed.success()).as(healed.message()).isTrue();
      assertThat(ActionCache.status(healed)).contains(ActionCache.Status.HEALED);
      assertThat(stack.model.calls().size() - before).as("model requests of the server's self-heal").isPositive();
      assertThat(pageText(session)).contains("StaticText: Submitted:");
      String rewritten = entry(CLICK).path("actions").get(0).path("selector").asText();
      assertThat(rewritten).isNotEqualTo(stored).contains("div");

      session.navigate(url);
      before = stack.model.calls().size();
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.HIT);
      assertThat(stack.model.calls().size() - before).as("model requests after the rewrite").isZero();
    }
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=1, heals=1}");
  }

  @Test
  void withoutSelfHealAFailedReplayAsksTheModelAgainAndRewritesTheEntry(RealStagehand.Stack stack) throws IOException {
    String url = stack.page.serve("/cache/renamed", TestPage.HTML);
    ActionCache cache = ActionCache.directory(dir);
    StagehandClient client = stack.client.withOptions(b -> b.actionCache(cache));
    try (StagehandSession session = client.sessions().open(start(false))) {
      session.navigate(url);
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.MISS);
      JsonNode stored = entry(CLICK);

      stack.page.serve("/cache/renamed", TestPage.MOVED_HTML);
      session.navigate(url);
      int before = stack.model.calls().size();
      ActResultData healed = session.act(CLICK);

      assertThat(healed.success()).as(healed.message()).isTrue();
      assertThat(ActionCache.status(healed)).contains(ActionCache.Status.HEALED);
      assertThat(stack.model.calls().size() - before).as("model requests of the act by instruction").isPositive();
      JsonNode rewritten = entry(CLICK);
      assertThat(rewritten.path("actions")).isNotEqualTo(stored.path("actions"));
      assertThat(rewritten.path("actions").get(0).path("description").asText()).contains("Send");
      assertThat(pageText(session)).contains("StaticText: Submitted:");

      session.navigate(url);
      before = stack.model.calls().size();
      assertThat(ActionCache.status(session.act(CLICK))).contains(ActionCache.Status.HIT);
      assertThat(stack.model.calls().size() - before).isZero();
    }
    assertThat(cache.stats().toString()).isEqualTo("Stats{hits=1, misses=1, heals=1}");
  }
}
