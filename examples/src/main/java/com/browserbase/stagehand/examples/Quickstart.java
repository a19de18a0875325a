package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * The basics: open a browser session, open a page, ask what can be done there ({@code observe}), do
 * it ({@code act}), and read data off the page straight into a Java class ({@code extract}). The
 * session ends when its try-with-resources block does, whatever happens in it.
 *
 * <p>Run: {@code ./mvnw -q -Pexamples}. Without configuration it talks to a demo server; set {@code
 * STAGEHAND_BASE_URL} (self-hosted) or {@code BROWSERBASE_API_KEY} and {@code MODEL_API_KEY} (the
 * hosted API) to use a real one.
 */
public final class Quickstart {
  private Quickstart() {}

  /** What we extract from the page: the JSON Schema sent to the model is made from this class. */
  public static final class PageInfo {
    @JsonPropertyDescription("the page's title")
    public String title;
    @JsonPropertyDescription("what the page is about, in one sentence")
    public String summary;
  }

  public static void main(String[] args) {
    // One client per application: thread-safe, and closed at the end (try-with-resources).
    // In your code: StagehandClient client = StagehandOkHttpClient.fromEnv();
    try (StagehandClient client = ExampleClient.create();
         // 1. open: a browser session, driven by the model you name; ended when this block ends.
         StagehandSession session = client.sessions().open(
             SessionStartParams.builder().modelName("openai/gpt-5-nano").build())) {
      System.out.println("Opened session " + session.id());

      // 2. navigate: open a page.
      session.navigate("https://example.com");
      System.out.println("Opened https://example.com");

      // 3. observe: ask which actions on the page match an instruction.
      List<Action> actions = session.observe("find the link to more information");
      System.out.println("observe found " + actions.size() + " action(s):");
      for (Action action : actions) {
        System.out.println("  - " + action.description() + " [" + action.method().orElse("?") + " "
            + action.selector() + "]");
      }

      // 4. act: pass an observed Action as it is (no model call needed to find it again).
      if (!actions.isEmpty()) {
        ActResultData acted = session.act(actions.get(0));
        // A failed action is success() == false, not an exception.
        System.out.println("act: success=" + acted.success() + ", " + acted.message());
      }

      // 5. extract: straight into your own class (or record).
      PageInfo page = session.extract("the page title and a one-sentence summary of the page", PageInfo.class);
      System.out.println("extract: title=\"" + page.title + "\", summary=\"" + page.summary + "\"");
    }
    System.out.println("Session ended, client closed");
  }
}
