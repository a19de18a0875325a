package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.core.http.AsyncStreamResponse;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.StreamEventStatus;
import com.browserbase.stagehand.models.sessions.StreamEventType;
import com.browserbase.stagehand.services.SessionServiceAsync;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The asynchronous client: every call returns at once with a {@link CompletableFuture}, completed on
 * an HTTP client thread, so no thread of yours waits on the network. Steps are chained with {@code
 * thenCompose}; a streamed operation delivers its events to a handler ({@code subscribe}) and tells
 * when it is done with {@code onCompleteFuture()}.
 *
 * <p>Run: {@code ./mvnw -q -Pexamples -Dexample=AsyncExample}.
 */
public final class AsyncExample {
  private AsyncExample() {}

  public static void main(String[] args) {
    try (StagehandClient client = ExampleClient.create()) { // in your code: StagehandOkHttpClient.fromEnv()
      SessionServiceAsync sessions = client.async().sessions();

      CompletableFuture<Void> done = sessions
          .start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
          .thenApply(started -> started.data().sessionId())
          .thenCompose(id -> {
            System.out.println("Started session " + id);
            // The async "finally": whatever happens in work(...), end the session, then pass the
            // failure (if any) on.
            return work(sessions, id)
                .handle((ignored, failure) -> failure)
                .thenCompose(failure -> sessions.end(SessionEndParams.builder().id(id).build())
                    .thenAccept(ended -> {
                      System.out.println("Ended session " + id);
                      if (failure != null) {
                        throw failure instanceof CompletionException
                            ? (CompletionException) failure : new CompletionException(failure);
                      }
                    }));
          });

      // Only here does the main thread wait: a program must not exit before its work is done.
      done.join();
    }
  }

  /** navigate -> observe -> act on what was observed -> a streamed extract -> replay. */
  private static CompletableFuture<Void> work(SessionServiceAsync sessions, String id) {
    return sessions.navigate(SessionNavigateParams.builder().id(id).url("https://example.com").build())
        .thenCompose(navigated -> sessions.observe(SessionObserveParams.builder()
            .id(id).instruction("find the link to more information").build()))
        .thenCompose(observed -> {
          Action action = observed.data().result().get(0);
          System.out.println("observe: " + action.description());
          return sessions.act(SessionActParams.builder().id(id).input(action).build());
        })
        .thenCompose(acted -> {
          System.out.println("act: " + acted.data().result().message());
          return extractStreaming(sessions, id);
        })
        .thenCompose(ignored -> sessions.replay(SessionReplayParams.builder().id(id).build()))
        .thenAccept(replay -> replay.data().pages().forEach(page ->
            System.out.println("replay: " + page.url() + " (" + page.actions().size() + " actions)")));
  }

  /** A streamed extract: each event goes to the handler as it arrives, on an HTTP client thread. */
  private static CompletableFuture<Void> extractStreaming(SessionServiceAsync sessions, String id) {
    // {"type": "object", "properties": {"heading": {"type": "string"}}}
    Map<String, Object> schema = new LinkedHashMap<String, Object>();
    schema.put("type", "object");
    schema.put("properties", Collections.singletonMap("heading", Collections.singletonMap("type", "string")));
    SessionExtractParams params = SessionExtractParams.builder()
        .id(id)
        .instruction("the main heading of the page")
        .schema(schema)
        .build();
    AsyncStreamResponse<StreamEvent> events = sessions.extractStreaming(params);
    return events
        .subscribe(event -> {
          if (event.type() == StreamEventType.LOG) {
            System.out.println("extract log: " + event.data().message().orElse(""));
          } else if (event.data().status() == StreamEventStatus.FINISHED) {
            System.out.println("extract result: " + event.data().result().orElse(null));
          }
        })
        // Completes when the stream has ended; exceptionally with SseException on an "error" event.
        .onCompleteFuture();
  }
}
