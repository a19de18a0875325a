package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;

/**
 * What {@link JacksonVersionsTest} runs inside a class loader of its own, beside Jackson jars of the
 * versions under test: it refers to nothing but the SDK, so it sees only that loader's Jackson.
 */
public final class JacksonProbe {
  private JacksonProbe() {}

  /** A user's first calls: builds a client, starts a session and acts in it; the act's message. */
  public static String startAndAct(String baseUrl) {
    try (StagehandClient client = StagehandOkHttpClient.builder().baseUrl(baseUrl).maxRetries(0).build()) {
      String id = client.sessions().start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
          .data().sessionId();
      return client.sessions().act(SessionActParams.builder().id(id).input("click the login button").build())
          .data().result().message();
    }
  }

  /** The SDK's JSON of a request, made without building a client (so without its version check). */
  public static String writeJson() {
    return Json.write(SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
  }
}
