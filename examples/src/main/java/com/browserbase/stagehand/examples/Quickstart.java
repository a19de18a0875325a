package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionExtractResponse;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.services.SessionService;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The basics: start a browser session, open a page, ask what can be done there ({@code observe}),
 * do it ({@code act}), read data off the page with a JSON Schema ({@code extract}), and end the
 * session — always, even when a step fails.
 *
 * <p>Run: {@code ./mvnw -q -Pexamples}. Without configuration it talks to a demo server; set {@code
 * STAGEHAND_BASE_URL} (self-hosted) or {@code BROWSERBASE_API_KEY} and {@code MODEL_API_KEY} (the
 * hosted API) to use a real one.
 */
public final class Quickstart {
  private Quickstart() {}

  /** What we extract from the page: any class (or record) that Jackson can fill. */
  public static final class PageInfo {
    public String title;
    public String summary;
  }

  public static void main(String[] args) {
    // One client per application: thread-safe, and closed at the end (try-with-resources).
    // In your code: StagehandClient client = StagehandOkHttpClient.fromEnv();
    try (StagehandClient client = ExampleClient.create()) {
      SessionService sessions = client.sessions();

      // 1. start: a browser session, driven by the model you name.
      String id = sessions.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
          .data().sessionId();
      System.out.println("Started session " + id);

      // Everything after start is in try/finally, so that the browser is released whatever happens.
      try {
        // 2. navigate: open a page.
        sessions.navigate(SessionNavigateParams.builder().id(id).url("https://example.com").build());
        System.out.println("Opened https://example.com");

        // 3. observe: ask which actions on the page match an instruction.
        List<Action> actions = sessions.observe(SessionObserveParams.builder()
            .id(id)
            .instruction("find the link to more information")
            .build()).data().result();
        System.out.println("observe found " + actions.size() + " action(s):");
        for (Action action : actions) {
          System.out.println("  - " + action.description() + " [" + action.method().orElse("?") + " "
              + action.selector() + "]");
        }

        // 4. act: pass an observed Action as it is (no model call needed to find it again).
        if (!actions.isEmpty()) {
          SessionActResponse acted = sessions.act(SessionActParams.builder().id(id).input(actions.get(0)).build());
          // A failed action is success() == false, not an exception.
          System.out.println("act: success=" + acted.data().result().success() + ", "
              + acted.data().result().message());
        }

        // 5. extract: describe the data you want with a JSON Schema...
        Map<String, Object> schema = objectSchema("title", "summary");
        SessionExtractResponse extracted = sessions.extract(SessionExtractParams.builder()
            .id(id)
            .instruction("the page title and a one-sentence summary of the page")
            .schema(schema)
            .build());
        // ...and read it as JSON, or straight into your own class.
        System.out.println("extract (JSON): " + extracted.data().result());
        PageInfo page = extracted.data().resultAs(PageInfo.class);
        System.out.println("extract (PageInfo): title=\"" + page.title + "\"");
      } finally {
        // 6. end: always release the browser.
        sessions.end(SessionEndParams.builder().id(id).build());
        System.out.println("Ended session " + id);
      }
    }
  }

  /** {"type":"object","properties":{"name":{"type":"string"},...},"required":[...]} for string properties. */
  private static Map<String, Object> objectSchema(String... names) {
    Map<String, Object> properties = new LinkedHashMap<String, Object>();
    for (String name : names) {
      Map<String, Object> property = new LinkedHashMap<String, Object>();
      property.put("type", "string");
      properties.put(name, property);
    }
    Map<String, Object> schema = new LinkedHashMap<String, Object>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", Arrays.asList(names));
    return schema;
  }
}
