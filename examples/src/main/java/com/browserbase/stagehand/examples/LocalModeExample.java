package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.local.LocalServer;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.services.SessionService;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local mode: the client starts a Stagehand server on this machine, which drives a local Chromium, and
 * stops it at the end — no Browserbase account. The flow: start a session (it gets a local, headless
 * browser), open a page, read its text; with a model key also {@code observe}, {@code act} on what was
 * observed, and {@code extract} with a JSON Schema; end the session.
 *
 * <p>Needs the server: download the single-file binary for your platform ({@code
 * stagehand-server-v3-linux-x64}, {@code stagehand-server-v3-darwin-arm64}, ...) from the releases of
 * https://github.com/browserbase/stagehand, make it executable, and point {@code STAGEHAND_SEA_BINARY} at
 * it (a {@code stagehand-server-v3.mjs} file works too, run with Node.js 20+). Chromium or Chrome must be
 * installed; {@code CHROME_PATH} names it when it is not on the PATH. {@code MODEL_API_KEY} (an OpenAI
 * key) turns on the model operations.
 *
 * <p>Run: {@code STAGEHAND_SEA_BINARY=/opt/stagehand/stagehand-server-v3-linux-x64 ./mvnw -q -Pexamples
 * -Dexample=LocalModeExample}.
 */
public final class LocalModeExample {
  private LocalModeExample() {}

  public static void main(String[] args) {
    String binary = System.getenv("STAGEHAND_SEA_BINARY");
    if (binary == null || binary.trim().isEmpty()) {
      System.out.println("LocalModeExample needs the Stagehand server: download stagehand-server-v3-<platform>"
          + " from https://github.com/browserbase/stagehand/releases, chmod +x it, and set"
          + " STAGEHAND_SEA_BINARY=/path/to/it (see the README's \"Local mode\").");
      return;
    }
    LocalServer.Builder server = LocalServer.builder().server(Paths.get(binary));
    String chrome = System.getenv("CHROME_PATH");
    if (chrome != null && !chrome.trim().isEmpty()) {
      server.chromePath(Paths.get(chrome));
    }
    boolean withModel = System.getenv("MODEL_API_KEY") != null;

    // Building the client starts the server and waits until it is ready (a second or two);
    // closing it stops the server and its browsers. fromEnv() picks up MODEL_API_KEY.
    try (StagehandClient client = StagehandOkHttpClient.builder().fromEnv().localServer(server.build()).build()) {
      System.out.println("Local Stagehand server at " + client.baseUrl());
      SessionService sessions = client.sessions();

      // No browser given: local mode gives the session a local, headless Chromium.
      String id = sessions.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
          .data().sessionId();
      System.out.println("Started session " + id);
      try {
        sessions.navigate(SessionNavigateParams.builder().id(id).url("https://example.com").build());

        // extract with neither instruction nor schema: the page's text, no model call.
        String text = sessions.extract(SessionExtractParams.builder().id(id).build())
            .data().result().path("pageText").asText();
        System.out.println("Page text:\n" + text);

        if (!withModel) {
          System.out.println("Set MODEL_API_KEY to also run observe, act and extract with a model.");
          return;
        }
        List<Action> found = sessions.observe(SessionObserveParams.builder()
            .id(id).instruction("find the link to more information").build()).data().result();
        System.out.println("observe found " + found.size() + " action(s)");
        if (!found.isEmpty()) {
          boolean ok = sessions.act(SessionActParams.builder().id(id).input(found.get(0)).build())
              .data().result().success();
          System.out.println("act on \"" + found.get(0).description() + "\": success=" + ok);
        }
        Map<String, Object> schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", Collections.singletonMap("title",
            Collections.singletonMap("type", "string")));
        System.out.println("extract: " + sessions.extract(SessionExtractParams.builder()
            .id(id).instruction("the page title").schema(schema).build()).data().result());
      } finally {
        sessions.end(SessionEndParams.builder().id(id).build());
        System.out.println("Ended session " + id);
      }
    }
  }
}
