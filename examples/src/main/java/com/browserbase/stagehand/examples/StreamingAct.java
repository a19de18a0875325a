package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventData;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import com.browserbase.stagehand.models.sessions.StreamEventType;
import com.browserbase.stagehand.services.SessionService;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Watch an {@code act} as it runs: {@code actStreaming} returns the server's progress as
 * Server-Sent Events, each delivered as soon as it arrives — status changes ({@code starting},
 * {@code connected}), log lines while the action runs, and a final {@code finished} event that carries
 * the result. {@code navigateStreaming}, {@code observeStreaming}, {@code extractStreaming} and
 * {@code executeAgentStreaming} work the same way.
 *
 * <p>Run: {@code ./mvnw -q -Pexamples -Dexample=StreamingAct}.
 */
public final class StreamingAct {
  private StreamingAct() {}

  public static void main(String[] args) {
    try (StagehandClient client = ExampleClient.create()) { // in your code: StagehandOkHttpClient.fromEnv()
      SessionService sessions = client.sessions();
      String id = sessions.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
          .data().sessionId();
      try {
        sessions.navigate(SessionNavigateParams.builder().id(id).url("https://example.com").build());

        SessionActParams act = SessionActParams.builder()
            .id(id)
            .input("click the link to more information")
            .build();

        // The stream holds an open connection: always use try-with-resources. Closing it early
        // (for example by breaking out of the loop) cancels the call.
        long startedAt = System.currentTimeMillis();
        JsonNode result = null;
        try (StreamResponse<StreamEvent> events = sessions.actStreaming(act)) {
          Iterator<StreamEvent> it = events.stream().iterator(); // blocks until the next event arrives
          while (it.hasNext()) {
            StreamEvent event = it.next();
            StreamEventData data = event.data();
            String at = String.format("%5d ms", System.currentTimeMillis() - startedAt);
            if (event.type() == StreamEventType.LOG) {
              // A log line: its text, and for structured lines a level (0 error, 1 info, 2 debug)
              // and a category.
              System.out.println(at + "  log   [level " + data.level().orElse(1) + ", "
                  + data.category().orElse("-") + "] " + data.message().orElse(""));
            } else if (data.status() == StreamEventStatus.FINISHED) {
              // The last event: the operation's result, as JSON.
              result = data.result().orElse(null);
              System.out.println(at + "  " + data.status());
            } else {
              System.out.println(at + "  " + data.status());
            }
          }
        }
        // An "error" event would have thrown SseException, and a stream cut short StagehandIoException:
        // reaching this line means the action finished. Its result has the fields of ActResultData.
        if (result != null) {
          System.out.println("Result: success=" + result.path("success").asBoolean()
              + ", message=\"" + result.path("message").asText() + "\"");
        }
      } finally {
        sessions.end(SessionEndParams.builder().id(id).build());
        System.out.println("Ended session " + id);
      }
    }
  }
}
