package com.browserbase.stagehand.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The toolkit on the real Stagehand server with Chromium: what the server really answers, as the model reads it. */
@ExtendWith(RealStagehand.class)
@Timeout(120)
class StagehandToolkitIT {
  private static StagehandSession open(RealStagehand.Stack stack) {
    return stack.client.sessions().open(SessionStartParams.builder().modelName("openai/gpt-4o-mini").build());
  }

  @Test
  void aLongPageIsCutToTheBoundWithTheMarker(RealStagehand.Stack stack) {
    StringBuilder html = new StringBuilder("<!doctype html><title>Long</title><body>");
    for (int i = 0; i < 2_000; i++) {
      html.append("<p>Paragraph number ").append(i).append(" of a very long page.</p>");
    }
    String url = stack.page.serve("/tools/long", html.append("</body>").toString());
    try (StagehandSession session = open(stack)) {
      StagehandToolkit tools = StagehandToolkit.builder(session).maxResultChars(1_000).build();

      assertThat(tools.navigate(url)).isEqualTo("Opened " + url + " (HTTP 200).");
      String text = tools.pageText();

      assertThat(text).hasSize(1_000).contains("Paragraph number 0 ").doesNotContain("Paragraph number 1999 ")
          .containsPattern("\n\\[truncated: [\\d,]+ of [\\d,]+ characters left out]$");
    }
  }

  @Test
  void aPageThatDoesNotExistAndASessionEndedElsewhereAreResultsTheModelCanActOn(RealStagehand.Stack stack) {
    try (StagehandSession session = open(stack)) {
      StagehandToolkit tools = StagehandToolkit.of(session);
      String missing = stack.page.url().replace("/form", "/tools/missing");

      assertThat(tools.navigate(missing))
          .isEqualTo("Opened " + missing + ", but the site answered HTTP 404: the page may not exist or be unavailable.");

      stack.client.sessions().end(SessionEndParams.builder().id(session.id()).build()); // not through this handle
      String result = tools.pageText();

      assertThat(result).startsWith("ERROR: the browser session").containsIgnoringCase("no browser tool can be used any more");
    }
  }
}
