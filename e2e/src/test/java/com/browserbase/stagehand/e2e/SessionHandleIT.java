package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.BrowserConfig;
import com.browserbase.stagehand.models.sessions.LocalBrowserLaunchOptions;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The session handle against the real server and a real Chromium: the whole flow, progress, typed extract, ending. */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class SessionHandleIT {
  private static final Action FILL_ADA = Action.builder()
      .selector("xpath=/html/body/form/input").description("the Name field").method("fill")
      .arguments(List.of("Ada")).build();
  private static final Action CLICK_SUBMIT = Action.builder()
      .selector("xpath=/html/body/form/button").description("the Submit button").method("click")
      .arguments(List.of()).build();

  /** What the typed extract reads: its JSON Schema is made from this class. */
  public static final class Outcome {
    @JsonPropertyDescription("the result line under the form")
    public String result;
  }

  private static SessionStartParams start() {
    return SessionStartParams.builder().modelName("openai/gpt-4o-mini").build();
  }

  /** A start that names its local, headless Chromium (as root, without its sandbox). */
  private static SessionStartParams withOwnBrowser() {
    String chromium = java.util.stream.Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
        .map(dir -> java.nio.file.Paths.get(dir, "chromium"))
        .filter(java.nio.file.Files::isExecutable)
        .findFirst().orElseThrow(() -> new AssertionError("chromium is not on the PATH")).toString();
    return start().toBuilder()
        .browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL)
            .launchOptions(LocalBrowserLaunchOptions.builder().headless(true).executablePath(chromium)
                .args(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"))
                .build())
            .build())
        .build();
  }

  @Test
  void aHandleDrivesTheFlowAndEndsItsSession(RealStagehand.Stack stack) {
    StagehandSession kept;
    List<StreamEvent> seen = new CopyOnWriteArrayList<>();
    try (StagehandSession session = stack.client.sessions().open(start())) {
      kept = session;
      assertThat(stack.client.sessions().opened(session.id())).containsSame(session);

      session.navigate(stack.page.url());
      assertThat(session.act(FILL_ADA).success()).isTrue();
      ActResultData clicked = session.withProgress(seen::add).act(CLICK_SUBMIT);
      assertThat(clicked.success()).isTrue();
      assertThat(session.extract().path("pageText").asText()).contains("StaticText: Submitted: Ada");

      Outcome outcome = session.extract("the result line under the form", Outcome.class,
          ExtractOptions.builder().model(stack.model.model()).build());
      assertThat(outcome.result).isEqualTo("Submitted: Ada");
    }

    assertThat(seen).extracting(e -> e.data().status().value()).startsWith("starting").endsWith("finished");
    assertThat(kept.isEnded()).isTrue();
    assertThat(stack.client.sessions().opened(kept.id())).isEmpty();
    assertThatThrownBy(() -> stack.client.sessions().navigate(
            SessionNavigateParams.builder().id(kept.id()).url(stack.page.url()).build()))
        .isInstanceOf(NotFoundException.class);
  }

  /** A map in a typed extract. */
  public record Counts(Map<String, Integer> counts) {}

  @Test
  void aMapKeepsItsKeysThroughTheServersSchemaConversion(RealStagehand.Stack stack) {
    try (StagehandSession session = stack.client.sessions().open(start())) {
      session.navigate(stack.page.url());
      ExtractOptions model = ExtractOptions.builder().model(stack.model.model()).build();

      Counts counts = session.extract("how often each line appears", Counts.class, model);
      Map<String, String> lines = session.extract("each line by itself",
          new TypeReference<Map<String, String>>() {}, model);

      // The fake model answers one entry whose key and string value are the page's last line.
      assertThat(counts.counts()).containsExactly(Map.entry("Nothing submitted", 1));
      assertThat(lines).containsExactly(Map.entry("Nothing submitted", "Nothing submitted"));
      JsonNode asked = lastSchemaWith(stack, "counts").path("properties").path("counts");
      assertThat(asked.path("type").asText()).isEqualTo("array");
      assertThat(asked.path("items").path("properties").has("key")).isTrue();
      assertThat(asked.path("items").path("properties").has("value")).isTrue();

      // Why entries: the same map as an object schema without properties comes back without its keys.
      JsonNode asObject = stack.client.sessions().extract(
          SessionExtractParams.builder().id(session.id())
              .instruction("how often each line appears")
              .schema(Map.of("type", "object", "properties", Map.of("counts",
                  Map.of("type", "object", "additionalProperties", Map.of("type", "integer"))),
                  "required", List.of("counts")))
              .options(model).build()).data().result();
      assertThat(asObject.path("counts"))
          .as("server-v3 3.7.5 drops the keys of an object schema without properties; if it keeps them now,"
              + " maps could be sent as objects again")
          .isEqualTo(JsonNodeFactory.instance.objectNode());
    }
  }

  /** The JSON Schema of the last structured-output request to the fake model with the property {@code property}. */
  private static JsonNode lastSchemaWith(RealStagehand.Stack stack, String property) {
    List<FakeModel.Call> calls = stack.model.calls();
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).schema().path("properties").has(property)) {
        return calls.get(i).schema();
      }
    }
    throw new AssertionError("the fake model got no request for " + property);
  }

  @Test
  void closingAClientEndsTheSessionsItLeftOpen(RealStagehand.Stack stack) {
    // A client of the same server that is not in local mode: its sessions name their browser.
    StagehandClient client = StagehandOkHttpClient.builder().baseUrl(stack.client.baseUrl()).build();
    StagehandSession first = client.sessions().open(withOwnBrowser());
    StagehandSession second = client.sessions().open(withOwnBrowser());

    client.close();

    assertThat(first.isEnded()).isTrue();
    assertThat(second.isEnded()).isTrue();
    for (StagehandSession session : List.of(first, second)) {
      assertThatThrownBy(() -> stack.client.sessions().navigate(
              SessionNavigateParams.builder().id(session.id()).url(stack.page.url()).build()))
          .as("the server no longer knows %s", session.id())
          .isInstanceOf(NotFoundException.class);
    }
  }
}
