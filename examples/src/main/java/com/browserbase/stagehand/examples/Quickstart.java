package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start a session, open a page, observe, act on what was observed, extract with a JSON Schema, and
 * always end the session. Configure with {@code STAGEHAND_BASE_URL} (a self-hosted server) or {@code
 * BROWSERBASE_API_KEY} and {@code MODEL_API_KEY} (the hosted API).
 */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the walk-through against the configured server. */
  public static void main(String[] args) {
    try (StagehandClient client = StagehandOkHttpClient.fromEnv()) {
      SessionService sessions = client.sessions();
      String id = sessions.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
          .data().sessionId();
      try {
        sessions.navigate(SessionNavigateParams.builder().id(id).url("https://example.com").build());

        List<Action> actions = sessions.observe(SessionObserveParams.builder()
            .id(id).instruction("find the 'More information' link").build()).data().result();
        if (!actions.isEmpty()) {
          SessionActResponse acted = sessions.act(SessionActParams.builder().id(id).input(actions.get(0)).build());
          System.out.println("act: " + acted.data().result().message());
        }

        Map<String, Object> title = new LinkedHashMap<>();
        title.put("type", "string");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("title", title);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        SessionExtractResponse extracted = sessions.extract(SessionExtractParams.builder()
            .id(id).instruction("the page title").schema(schema).build());
        System.out.println("extract: " + extracted.data().result());
      } finally {
        sessions.end(SessionEndParams.builder().id(id).build());
      }
    }
  }
}
