package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.local.LocalServerException;
import com.browserbase.stagehand.models.sessions.*;
import com.browserbase.stagehand.services.SessionService;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation of the SDK against the real Stagehand server (started by the SDK's local mode)
 * driving a real headless Chromium on {@link TestPage}: the operations that need no model, blocking
 * and streaming; the model operations against {@link FakeModel}; and the server's real errors. Each
 * test starts its own session, with the browser local mode gives a session that names none, and ends
 * it.
 */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class RealServerIT {
  private static final Action FILL_ADA = Action.builder()
      .selector("xpath=/html/body/form/input").description("the Name field").method("fill")
      .arguments(List.of("Ada")).build();
  private static final Action CLICK_SUBMIT = Action.builder()
      .selector("xpath=/html/body/form/button").description("the Submit button").method("click")
      .arguments(List.of()).build();

  private RealStagehand.Stack stack;
  private SessionService sessions;

  @BeforeEach
  void stack(RealStagehand.Stack stack) {
    this.stack = stack;
    this.sessions = stack.client.sessions();
  }

  /** Starts a session on the test page, runs {@code body}, and ends the session. */
  private void inSession(Consumer<String> body) {
    SessionStartResponse started = sessions.start(SessionStartParams.builder().modelName("openai/gpt-4o-mini").build());
    assertThat(started.success()).isTrue();
    assertThat(started.data().available()).isTrue();
    String id = started.data().sessionId();
    try {
      sessions.navigate(SessionNavigateParams.builder().id(id).url(stack.page.url()).build());
      body.accept(id);
    } finally {
      sessions.end(SessionEndParams.builder().id(id).build());
    }
  }

  private String pageText(String id) {
    return sessions.extract(SessionExtractParams.builder().id(id).build()).data().result().path("pageText").asText();
  }

  // ---- operations without a model ----

  @Test
  void everyOperationWithoutAModel() {
    SessionStartResponse started = sessions.start(SessionStartParams.builder().modelName("openai/gpt-4o-mini").build());
    String id = started.data().sessionId();
    assertThat(started.data().cdpUrl().orElse("")).startsWith("ws://127.0.0.1:");

    SessionNavigateResponse navigated = sessions.navigate(SessionNavigateParams.builder().id(id).url(stack.page.url()).build());
    assertThat(navigated.success()).isTrue();
    ActResultData filled = sessions.act(SessionActParams.builder().id(id).input(FILL_ADA).build()).data().result();
    assertThat(filled.success()).isTrue();
    assertThat(filled.actions()).extracting(Action::selector).containsExactly(FILL_ADA.selector());
    assertThat(sessions.act(SessionActParams.builder().id(id).input(CLICK_SUBMIT).build()).data().result().success()).isTrue();
    assertThat(pageText(id)).contains("textbox: Name", "button: Submit", "StaticText: Submitted: Ada");
    SessionReplayResponse replay = sessions.replay(SessionReplayParams.builder().id(id).build());
    assertThat(replay.success()).isTrue();
    assertThat(replay.data().pages()).isEmpty(); // this server never records pages
    assertThat(sessions.end(SessionEndParams.builder().id(id).build()).success()).isTrue();

    assertThatThrownBy(() -> sessions.navigate(SessionNavigateParams.builder().id(id).url(stack.page.url()).build()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Session not found");
  }

  @Test
  void everyStreamingOperationWithoutAModelEndsWithAFinishedEvent() {
    inSession(id -> {
      JsonNode navigated = finished(sessions.navigateStreaming(
          SessionNavigateParams.builder().id(id).url(stack.page.url()).build()));
      assertThat(navigated.isObject()).isTrue();
      Action fillBea = FILL_ADA.toBuilder().arguments(List.of("Bea")).build();
      assertThat(parse(finished(sessions.actStreaming(SessionActParams.builder().id(id).input(fillBea).build())),
          ActResultData.class).success()).isTrue();
      assertThat(parse(finished(sessions.actStreaming(SessionActParams.builder().id(id).input(CLICK_SUBMIT).build())),
          ActResultData.class).success()).isTrue();
      JsonNode text = finished(sessions.extractStreaming(SessionExtractParams.builder().id(id).build()));
      assertThat(text.path("pageText").asText()).contains("Submitted: Bea");
    });
  }

  // ---- operations with a model (the fake one) ----

  @Test
  void observeFindsTheButtonAndActPerformsTheObservedAction() {
    inSession(id -> {
      List<Action> found = sessions.observe(SessionObserveParams.builder().id(id).instruction("find the Submit button")
          .options(ObserveOptions.builder().model(stack.model.model()).build()).build()).data().result();

      assertThat(found).hasSize(1);
      assertThat(found.get(0).selector()).startsWith("xpath=").endsWith("button[1]");
      assertThat(found.get(0).method()).contains("click");
      assertThat(sessions.act(SessionActParams.builder().id(id).input(found.get(0)).build()).data().result().success())
          .isTrue();
      assertThat(pageText(id)).contains("StaticText: Submitted:");
      assertThat(lastSchema().path("properties").has("elements")).as("observe asks for json_schema elements").isTrue();
    });
  }

  @Test
  void actByInstructionFillsAndClicks() {
    inSession(id -> {
      ActOptions withFake = ActOptions.builder().model(stack.model.model()).build();
      ActResultData typed = sessions.act(SessionActParams.builder().id(id)
          .input("type 'Grace' into the Name field").options(withFake).build()).data().result();
      ActResultData clicked = sessions.act(SessionActParams.builder().id(id)
          .input("click the Submit button").options(withFake).build()).data().result();

      assertThat(typed.success()).as(typed.message()).isTrue();
      assertThat(typed.actions()).extracting(Action::method).containsExactly(java.util.Optional.of("fill"));
      assertThat(clicked.success()).as(clicked.message()).isTrue();
      assertThat(pageText(id)).contains("StaticText: Submitted: Grace");
    });
  }

  @Test
  void extractWithAnInstructionAndAJsonSchema() {
    inSession(id -> {
      sessions.act(SessionActParams.builder().id(id).input(FILL_ADA).build());
      sessions.act(SessionActParams.builder().id(id).input(CLICK_SUBMIT).build());

      SessionExtractResponse extracted = sessions.extract(SessionExtractParams.builder().id(id)
          .instruction("the result line under the form")
          .schema(Map.of("type", "object", "properties", Map.of("result", Map.of("type", "string")),
              "required", List.of("result")))
          .options(ExtractOptions.builder().model(stack.model.model()).build())
          .build());

      assertThat(extracted.data().result().path("result").asText()).isEqualTo("Submitted: Ada");
      assertThat(lastSchema("result").path("properties").path("result").path("type").asText()).isEqualTo("string");
    });
  }

  @Test
  void executeAgentActsThroughItsToolsAndFinishes() {
    inSession(id -> {
      AgentResultData result = sessions.executeAgent(SessionExecuteAgentParams.builder().id(id)
          .agentConfig(AgentConfig.builder().model(stack.model.model()).build())
          .executeOptions(AgentExecuteOptions.builder().instruction("click the Submit button").maxSteps(3).build())
          .build()).data().result();

      assertThat(result.success()).as(result.message()).isTrue();
      assertThat(result.completed()).isTrue();
      assertThat(result.actions()).extracting(AgentAction::type).contains("act");
      assertThat(pageText(id)).contains("StaticText: Submitted:");
    });
  }

  @Test
  void modelOperationsStreamToAFinishedEvent() {
    inSession(id -> {
      List<Action> found = parse(finished(sessions.observeStreaming(SessionObserveParams.builder().id(id)
          .instruction("find the Name field").options(ObserveOptions.builder().model(stack.model.model()).build())
          .build())), new TypeReference<List<Action>>() {});
      assertThat(found).extracting(Action::method).containsExactly(java.util.Optional.of("fill"));

      ActResultData acted = parse(finished(sessions.actStreaming(SessionActParams.builder().id(id)
          .input("type 'Hedy' into the Name field").options(ActOptions.builder().model(stack.model.model()).build())
          .build())), ActResultData.class);
      assertThat(acted.success()).as(acted.message()).isTrue();

      AgentResultData agent = parse(finished(sessions.executeAgentStreaming(SessionExecuteAgentParams.builder().id(id)
          .agentConfig(AgentConfig.builder().model(stack.model.model()).build())
          .executeOptions(AgentExecuteOptions.builder().instruction("click the Submit button").maxSteps(3).build())
          .build())), AgentResultData.class);
      assertThat(agent.success()).as(agent.message()).isTrue();

      JsonNode extracted = finished(sessions.extractStreaming(SessionExtractParams.builder().id(id)
          .instruction("the result line")
          .schema(Map.of("type", "object", "properties", Map.of("result", Map.of("type", "string"))))
          .options(ExtractOptions.builder().model(stack.model.model()).build())
          .build()));
      assertThat(extracted.path("result").asText()).isEqualTo("Submitted: Hedy");
    });
  }

  @Test
  void aModelWithoutAProviderPrefixIsAskedThroughChatCompletions() {
    inSession(id -> {
      int before = stack.model.calls().size();
      List<Action> found = sessions.observe(SessionObserveParams.builder().id(id).instruction("find the Submit button")
          .options(ObserveOptions.builder().model(stack.model.model("gpt-4o-mini")).build()).build()).data().result();

      assertThat(found).extracting(Action::method).containsExactly(java.util.Optional.of("click"));
      assertThat(stack.model.calls().subList(before, stack.model.calls().size()))
          .extracting(call -> call.path).contains("/v1/chat/completions");
    });
  }

  // ---- the server's real errors ----

  @Test
  void anUnknownSessionIs404() {
    String unknown = "00000000-0000-4000-8000-000000000000";
    assertThatThrownBy(() -> sessions.act(SessionActParams.builder().id(unknown).input(CLICK_SUBMIT).build()))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404))
        .hasMessage("404 Not Found: Session not found (POST /v1/sessions/" + unknown + "/act)");
  }

  @Test
  void anInvalidBodyIs400WithTheValidationIssues() {
    assertThatThrownBy(() -> sessions.start(SessionStartParams.builder().modelName("openai/gpt-4o-mini")
        .putAdditionalBodyProperty("verbose", 7).build()))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
        .hasMessage("400 Bad Request: Request validation failed: verbose: Invalid input (POST /v1/sessions/start)");
  }

  @Test
  void anInvalidModelNameIs400() {
    assertThatThrownBy(() -> sessions.start(SessionStartParams.builder().modelName("nonsense/model").build()))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("400 Bad Request: Invalid provider: nonsense (POST /v1/sessions/start)");
  }

  @Test
  void anActionWhoseSelectorMatchesNothingIsNotASuccessButNoError() {
    inSession(id -> {
      Action missing = Action.builder().selector("xpath=/html/body/aside/button").description("the missing widget")
          .method("click").arguments(List.of()).build();

      ActResultData result = sessions.act(SessionActParams.builder().id(id).input(missing).build()).data().result();

      assertThat(result.success()).isFalse();
      assertThat(result.message()).isEqualTo("Failed to self-heal act: No observe results found for action");
      assertThat(stack.model.calls()).anySatisfy(call -> assertThat(call.body.toString()).contains("the missing widget"));
    });
  }

  @Test
  void aModelThatFailsEndsTheStreamWithAnErrorEvent() {
    inSession(id -> assertThatThrownBy(() -> finished(sessions.observeStreaming(SessionObserveParams.builder().id(id)
        .instruction("find the Submit button")
        .options(ObserveOptions.builder().model(stack.model.model("openai/" + FakeModel.BROKEN)).build()).build())))
        .isInstanceOf(SseException.class)
        .hasMessageContaining("refuses every request"));
  }

  @Test
  void aBrowserThatCannotBeLaunchedIsExplainedByWhatTheServerLogged() {
    SessionStartParams params = SessionStartParams.builder().modelName("openai/gpt-4o-mini")
        .browser(BrowserConfig.builder().type(BrowserConfig.Type.LOCAL)
            .launchOptions(LocalBrowserLaunchOptions.builder().executablePath("/nonexistent/chromium")
                .connectTimeoutMs(2_000).build())
            .build())
        .build();

    assertThatThrownBy(() -> sessions.start(params))
        .isInstanceOf(InternalServerException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1).allSatisfy(logged -> assertThat(logged)
            .isInstanceOf(LocalServerException.class)
            .hasMessageContaining("spawn /nonexistent/chromium ENOENT")));
  }

  @Test
  void twoClientsRunTheirOwnServersAndClosingOneStopsItsBrowserEvenWithASessionOpen() {
    Set<Long> before = descendants();
    Set<Long> started;
    try (StagehandClient second = StagehandOkHttpClient.builder().localServer(stack.localServer)
        .modelApiKey(FakeModel.API_KEY).build()) {
      String id = second.sessions().start(SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())
          .data().sessionId();
      second.sessions().navigate(SessionNavigateParams.builder().id(id).url(stack.page.url()).build());

      assertThat(second.baseUrl()).isNotEqualTo(stack.client.baseUrl());
      assertThat(sessions.replay(SessionReplayParams.builder().id(id).build()).success()).isTrue(); // any id works there
      assertThatThrownBy(() -> sessions.navigate(SessionNavigateParams.builder().id(id).url(stack.page.url()).build()))
          .isInstanceOf(NotFoundException.class);
      started = descendants();
      started.removeAll(before);
      assertThat(started).as("the second server and its Chromium").hasSizeGreaterThan(1);
    } // the session is deliberately not ended
    assertThat(started).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }

  // ---- helpers ----

  private static Set<Long> descendants() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
        .collect(Collectors.toCollection(HashSet::new));
  }


  /** Reads a stream to its end; it must end with a {@code finished} event, whose result is returned. */
  private static JsonNode finished(StreamResponse<StreamEvent> stream) {
    List<StreamEvent> events;
    try (StreamResponse<StreamEvent> open = stream) {
      events = open.stream().collect(Collectors.toList());
    }
    assertThat(events).extracting(e -> e.data().status())
        .startsWith(StreamEventStatus.STARTING, StreamEventStatus.CONNECTED)
        .endsWith(StreamEventStatus.FINISHED);
    return events.get(events.size() - 1).data().result().orElseThrow(AssertionError::new);
  }

  /** Reads results as an application would: a plain mapper with the JDK 8 and java.time modules. */
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule());

  private static <T> T parse(JsonNode json, Class<T> type) {
    try {
      return MAPPER.treeToValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("The finished event's result is not a " + type.getSimpleName() + ": " + json, e);
    }
  }

  private static <T> T parse(JsonNode json, TypeReference<T> type) {
    return MAPPER.convertValue(json, type);
  }

  /** The JSON Schema of the last structured-output request to the fake model. */
  private JsonNode lastSchema() {
    List<FakeModel.Call> calls = stack.model.calls();
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).schema().isObject()) {
        return calls.get(i).schema();
      }
    }
    throw new AssertionError("the fake model got no structured-output request");
  }

  /** The JSON Schema of the last structured-output request with the property {@code property}. */
  private JsonNode lastSchema(String property) {
    List<FakeModel.Call> calls = stack.model.calls();
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).schema().path("properties").has(property)) {
        return calls.get(i).schema();
      }
    }
    throw new AssertionError("the fake model got no request for " + property);
  }
}
