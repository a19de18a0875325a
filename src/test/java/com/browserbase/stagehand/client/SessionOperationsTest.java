package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.bodyText;
import static com.browserbase.stagehand.client.WireFixtures.bodyTree;
import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static com.browserbase.stagehand.client.WireFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.BrowserConfig;
import com.browserbase.stagehand.models.sessions.BrowserbaseRegion;
import com.browserbase.stagehand.models.sessions.BrowserbaseSessionCreateParams;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.LocalBrowserLaunchOptions;
import com.browserbase.stagehand.models.sessions.ModelConfig;
import com.browserbase.stagehand.models.sessions.ModelProvider;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionEndResponse;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentResponse;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionExtractResponse;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateResponse;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionObserveResponse;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionReplayResponse;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.SessionStartResponse;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.browserbase.stagehand.services.SessionService;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each of the eight operations puts on the wire, and how its answer is read. */
class SessionOperationsTest {
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b
      .browserbaseApiKey("bb_key")
      .browserbaseProjectId("proj_1")
      .modelApiKey("sk-model")
      .maxRetries(0));
  private MockWebServer server;
  private StagehandClient client;
  private SessionService sessions;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
    sessions = client.sessions();
  }

  /** The headers every blocking call carries. */
  private static void assertBlockingHeaders(RecordedRequest request) {
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("stagehand-java/");
    assertThat(request.getHeaders().get("x-sdk-version")).isNotBlank();
    assertThat(request.getHeaders().get("x-bb-api-key")).isEqualTo("bb_key");
    assertThat(request.getHeaders().get("x-bb-project-id")).isEqualTo("proj_1");
    assertThat(request.getHeaders().get("x-model-api-key")).isEqualTo("sk-model");
    assertThat(request.getHeaders().get("x-stream-response")).isNull();
    assertThat(request.getHeaders().get("x-language")).isNull();
  }

  /** A blocking POST with a JSON body equal to {@code expected} and no {@code streamResponse}. */
  private static void assertJsonPost(RecordedRequest request, String path, String expected) {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo(path);
    assertBlockingHeaders(request);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(request.getBodySize()));
    assertThat(bodyTree(request)).isEqualTo(tree(expected));
    assertThat(bodyTree(request).has("streamResponse")).isFalse();
  }

  @Test
  void startSendsEveryFieldAndParsesTheSession() {
    server.enqueue(json("""
        {"success":true,
         "data":{"sessionId":"s-123","cdpUrl":"wss://connect.example/s-123","available":true},
         "requestId":"req-9"}"""));

    SessionStartResponse response = sessions.start(SessionStartParams.builder()
        .modelName("openai/gpt-5-nano")
        .domSettleTimeoutMs(5000)
        .verbose(2)
        .systemPrompt("Be brief.")
        .browserbaseSessionCreateParams(BrowserbaseSessionCreateParams.builder()
            .projectId("proj_1")
            .keepAlive(true)
            .region(BrowserbaseRegion.EU_CENTRAL_1)
            .timeout(600)
            .build())
        .browser(BrowserConfig.builder()
            .type(BrowserConfig.Type.LOCAL)
            .cdpUrl("ws://127.0.0.1:9222")
            .launchOptions(LocalBrowserLaunchOptions.builder().headless(true).addArg("--no-sandbox").build())
            .build())
        .selfHeal(true)
        .browserbaseSessionID("bb-session-1")
        .experimental(false)
        .waitForCaptchaSolves(true)
        .actTimeoutMs(45000)
        .useTouch(false)
        .build());

    assertJsonPost(take(server), "/v1/sessions/start", """
        {
          "modelName": "openai/gpt-5-nano",
          "domSettleTimeoutMs": 5000,
          "verbose": 2,
          "systemPrompt": "Be brief.",
          "browserbaseSessionCreateParams": {
            "projectId": "proj_1", "keepAlive": true, "region": "eu-central-1", "timeout": 600
          },
          "browser": {
            "type": "local",
            "cdpUrl": "ws://127.0.0.1:9222",
            "launchOptions": {"headless": true, "args": ["--no-sandbox"]}
          },
          "selfHeal": true,
          "browserbaseSessionID": "bb-session-1",
          "experimental": false,
          "waitForCaptchaSolves": true,
          "actTimeoutMs": 45000,
          "useTouch": false
        }""");
    assertThat(response.success()).isTrue();
    assertThat(response.data().sessionId()).isEqualTo("s-123");
    assertThat(response.data().cdpUrl()).contains("wss://connect.example/s-123");
    assertThat(response.data().available()).isTrue();
    assertThat(response.additionalProperties()).containsEntry("requestId", tree("\"req-9\""));
  }

  @Test
  void navigateSendsEveryFieldAndParsesTheResult() {
    server.enqueue(json("""
        {"success":true,
         "data":{"result":{"status":200,"url":"https://example.com/"},"actionId":"act-1","traceId":"t-1"}}"""));

    SessionNavigateResponse response = sessions.navigate(SessionNavigateParams.builder()
        .id("s-1")
        .url("https://example.com")
        .options(NavigateOptions.builder()
            .referer("https://referrer.example")
            .timeout(15000)
            .waitUntil(NavigateOptions.WaitUntil.NETWORKIDLE)
            .build())
        .frameId("frame-7")
        .build());

    assertJsonPost(take(server), "/v1/sessions/s-1/navigate", """
        {
          "url": "https://example.com",
          "options": {"referer": "https://referrer.example", "timeout": 15000, "waitUntil": "networkidle"},
          "frameId": "frame-7"
        }""");
    assertThat(response.success()).isTrue();
    assertThat(response.data().result()).contains(tree("""
        {"status":200,"url":"https://example.com/"}"""));
    assertThat(response.data().actionId()).contains("act-1");
    assertThat(response.data().additionalProperties()).containsEntry("traceId", tree("\"t-1\""));
  }

  @Test
  void actSendsAnActionWithEveryFieldAndParsesTheResult() {
    server.enqueue(json("""
        {"success":true,
         "data":{"result":{"success":true,"message":"Clicked","actionDescription":"Login button",
                           "actions":[{"selector":"xpath=/html/body/button","description":"Login button",
                                       "backendNodeId":42,"method":"click","arguments":[]}],
                           "cacheStatus":"HIT"},
                 "actionId":"act-2"}}"""));

    SessionActResponse response = sessions.act(SessionActParams.builder()
        .id("s-1")
        .input(Action.builder()
            .selector("xpath=/html/body/button")
            .description("Login button")
            .backendNodeId(42)
            .method("click")
            .addArgument("left")
            .build())
        .options(ActOptions.builder()
            .model(ModelConfig.builder()
                .modelName("openai/gpt-5-nano")
                .apiKey("sk-inline")
                .baseURL("https://llm.example/v1")
                .putHeader("x-team", "web")
                .openaiEndpointFormat(ModelConfig.OpenaiEndpointFormat.CHAT)
                .provider(ModelProvider.OPENAI)
                .build())
            .putVariable("user", "alice")
            .putVariable("count", VariableValue.of(3))
            .timeout(20000)
            .build())
        .frameId("frame-1")
        .build());

    assertJsonPost(take(server), "/v1/sessions/s-1/act", """
        {
          "input": {
            "selector": "xpath=/html/body/button",
            "description": "Login button",
            "backendNodeId": 42,
            "method": "click",
            "arguments": ["left"]
          },
          "options": {
            "model": {
              "modelName": "openai/gpt-5-nano",
              "apiKey": "sk-inline",
              "baseURL": "https://llm.example/v1",
              "headers": {"x-team": "web"},
              "openaiEndpointFormat": "chat",
              "provider": "openai"
            },
            "variables": {"user": "alice", "count": 3},
            "timeout": 20000
          },
          "frameId": "frame-1"
        }""");
    assertThat(response.data().result().success()).isTrue();
    assertThat(response.data().result().message()).isEqualTo("Clicked");
    assertThat(response.data().result().actions()).singleElement()
        .satisfies(a -> assertThat(a.backendNodeId()).contains(42L));
    assertThat(response.data().actionId()).contains("act-2");
    assertThat(response.data().result().additionalProperties()).containsEntry("cacheStatus", tree("\"HIT\""));
  }

  @Test
  void actSendsAnInstructionAsAPlainString() {
    server.enqueue(json(WireFixtures.ACT_OK));

    sessions.act(SessionActParams.builder()
        .id("s-1")
        .input("click the login button")
        .options(ActOptions.builder().model("openai/gpt-5-nano").build())
        .build());

    assertJsonPost(take(server), "/v1/sessions/s-1/act", """
        {"input": "click the login button", "options": {"model": "openai/gpt-5-nano"}}""");
  }

  @Test
  void actAnsweringSuccessFalseIsANormalReturn() {
    server.enqueue(json("""
        {"success":true,
         "data":{"result":{"success":false,"message":"No element matched","actionDescription":"","actions":[]}}}"""));

    SessionActResponse response = sessions.act(SessionActParams.builder().id("s-1").input("click nothing").build());

    assertThat(response.data().result().success()).isFalse();
    assertThat(response.data().result().message()).isEqualTo("No element matched");
  }

  @Test
  void observeSendsEveryFieldAndParsesTheActions() {
    server.enqueue(json("""
        {"success":true,
         "data":{"result":[{"selector":"#login","description":"Login button","method":"click","arguments":[],
                            "confidence":0.9},
                           {"selector":"#signup","description":"Sign-up link"}],
                 "actionId":"obs-1"}}"""));

    SessionObserveResponse response = sessions.observe(SessionObserveParams.builder()
        .id("s-1")
        .instruction("find the login button")
        .options(ObserveOptions.builder()
            .model("anthropic/claude-sonnet-4")
            .putVariable("name", "bob")
            .timeout(30000)
            .selector("#main")
            .addIgnoreSelector(".ads")
            .addIgnoreSelector("footer")
            .build())
        .frameId("frame-2")
        .build());

    assertJsonPost(take(server), "/v1/sessions/s-1/observe", """
        {
          "instruction": "find the login button",
          "options": {
            "model": "anthropic/claude-sonnet-4",
            "variables": {"name": "bob"},
            "timeout": 30000,
            "selector": "#main",
            "ignoreSelectors": [".ads", "footer"]
          },
          "frameId": "frame-2"
        }""");
    List<Action> actions = response.data().result();
    assertThat(actions).extracting(Action::selector).containsExactly("#login", "#signup");
    assertThat(actions.get(0).method()).contains("click");
    assertThat(actions.get(0).additionalProperties()).containsEntry("confidence", tree("0.9"));
    assertThat(response.data().actionId()).contains("obs-1");
  }

  @Test
  void extractSendsEveryFieldAndParsesTheData() {
    server.enqueue(json("""
        {"success":true,"data":{"result":{"title":"Example Domain","links":3},"actionId":"ext-1"},"meta":{"ms":12}}"""));

    SessionExtractResponse response = sessions.extract(SessionExtractParams.builder()
        .id("s-1")
        .instruction("the page title")
        .schema(tree("""
            {"type":"object","properties":{"title":{"type":"string"}},"required":["title"]}"""))
        .options(ExtractOptions.builder()
            .model("openai/gpt-5-nano")
            .timeout(25000)
            .selector("body")
            .addIgnoreSelector("nav")
            .screenshot(true)
            .build())
        .frameId("frame-3")
        .build());

    assertJsonPost(take(server), "/v1/sessions/s-1/extract", """
        {
          "instruction": "the page title",
          "schema": {"type":"object","properties":{"title":{"type":"string"}},"required":["title"]},
          "options": {
            "model": "openai/gpt-5-nano",
            "timeout": 25000,
            "selector": "body",
            "ignoreSelectors": ["nav"],
            "screenshot": true
          },
          "frameId": "frame-3"
        }""");
    assertThat(response.data().result().get("title").asText()).isEqualTo("Example Domain");
    assertThat(response.data().result().get("links").asInt()).isEqualTo(3);
    assertThat(response.data().actionId()).contains("ext-1");
    assertThat(response.additionalProperties()).containsEntry("meta", tree("{\"ms\":12}"));
  }

  @Test
  void executeAgentSendsEveryFieldToAgentExecuteAndParsesTheResult() {
    server.enqueue(json("""
        {"success":true,
         "data":{"result":{"success":true,"message":"Settings opened","completed":true,
                           "actions":[{"type":"click","reasoning":"the link","taskCompleted":false,"timeMs":120}],
                           "metadata":{"steps":2},
                           "usage":{"input_tokens":1500,"output_tokens":250,"inference_time_ms":2500}},
                 "cacheEntry":{"cacheKey":"ck-1","entry":{"v":1}},
                 "agentId":"ag-1"}}"""));

    SessionExecuteAgentResponse response = sessions.executeAgent(SessionExecuteAgentParams.builder()
        .id("s-1")
        .agentConfig(AgentConfig.builder()
            .provider(ModelProvider.ANTHROPIC)
            .model("anthropic/claude-sonnet-4")
            .systemPrompt("You are careful.")
            .cua(false)
            .mode(AgentConfig.Mode.HYBRID)
            .executionModel("openai/gpt-5-nano")
            .build())
        .executeOptions(AgentExecuteOptions.builder()
            .instruction("log in and open settings")
            .maxSteps(20)
            .highlightCursor(true)
            .useSearch(false)
            .toolTimeout(10000)
            .putVariable("password", "hunter2")
            .build())
        .frameId("frame-4")
        .shouldCache(true)
        .build());

    assertJsonPost(take(server), "/v1/sessions/s-1/agentExecute", """
        {
          "agentConfig": {
            "provider": "anthropic",
            "model": "anthropic/claude-sonnet-4",
            "systemPrompt": "You are careful.",
            "cua": false,
            "mode": "hybrid",
            "executionModel": "openai/gpt-5-nano"
          },
          "executeOptions": {
            "instruction": "log in and open settings",
            "maxSteps": 20,
            "highlightCursor": true,
            "useSearch": false,
            "toolTimeout": 10000,
            "variables": {"password": "hunter2"}
          },
          "frameId": "frame-4",
          "shouldCache": true
        }""");
    assertThat(response.data().result().completed()).isTrue();
    assertThat(response.data().result().message()).isEqualTo("Settings opened");
    assertThat(response.data().result().actions()).singleElement()
        .satisfies(a -> assertThat(a.type()).isEqualTo("click"));
    assertThat(response.data().result().usage()).hasValueSatisfying(u -> assertThat(u.inputTokens()).isEqualTo(1500));
    assertThat(response.data().cacheEntry()).hasValueSatisfying(c -> assertThat(c.cacheKey()).isEqualTo("ck-1"));
    assertThat(response.data().additionalProperties()).containsEntry("agentId", tree("\"ag-1\""));
  }

  @Test
  void replayIsAGetWithoutBodyAndParsesThePages() {
    server.enqueue(json("""
        {"success":true,
         "data":{"pages":[{"url":"https://example.com","timestamp":1700000000000,"duration":1234.5,
                           "actions":[{"method":"act","parameters":{"instruction":"click"},"result":{"ok":true},
                                       "timestamp":1700000000100,"tokenUsage":{"inputTokens":10,"cost":0.01}}]}],
                 "clientLanguage":"java",
                 "replayVersion":2}}"""));

    SessionReplayResponse response = sessions.replay(SessionReplayParams.builder().id("s-1").build());

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/v1/sessions/s-1/replay");
    assertBlockingHeaders(request);
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(request.getBodySize()).isZero();
    assertThat(bodyText(request)).isEmpty();
    assertThat(response.data().pages()).singleElement().satisfies(page -> {
      assertThat(page.url()).isEqualTo("https://example.com");
      assertThat(page.duration()).isEqualTo(1234.5);
      assertThat(page.actions()).singleElement().satisfies(a -> {
        assertThat(a.method()).isEqualTo("act");
        assertThat(a.tokenUsage()).hasValueSatisfying(t -> assertThat(t.inputTokens()).contains(10L));
      });
    });
    assertThat(response.data().clientLanguage()).contains("java");
    assertThat(response.data().additionalProperties()).containsEntry("replayVersion", tree("2"));
  }

  @Test
  void replayWithNoPagesParses() {
    server.enqueue(json(WireFixtures.REPLAY_OK));

    SessionReplayResponse response = sessions.replay(SessionReplayParams.builder().id("s-1").build());

    assertThat(response.success()).isTrue();
    assertThat(response.data().pages()).isEmpty();
  }

  @Test
  void endSendsNoBody() {
    server.enqueue(json("""
        {"success":true,"released":true}"""));

    SessionEndResponse response = sessions.end(SessionEndParams.builder().id("s-1").build());

    RecordedRequest request = take(server);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/sessions/s-1/end");
    assertBlockingHeaders(request);
    assertThat(request.getHeaders().get("Content-Length")).isEqualTo("0");
    assertThat(request.getHeaders().get("Content-Type")).isNull();
    assertThat(request.getBodySize()).isZero();
    assertThat(bodyText(request)).isEmpty();
    assertThat(response.success()).isTrue();
    assertThat(response.additionalProperties()).containsEntry("released", tree("true"));
  }

  @ParameterizedTest(name = "id {0} is sent as {1}")
  @CsvSource(delimiter = '|', value = {
      "s-1        | s-1",
      "../x       | ..%2Fx",
      "a/b        | a%2Fb",
      "a?b#c      | a%3Fb%23c",
      "a b        | a%20b",
      "%2F        | %252F",
  })
  void theSessionIdIsOneEncodedPathSegment(String id, String encoded) {
    server.enqueue(json(WireFixtures.ACT_OK));

    sessions.act(SessionActParams.builder().id(id).input("click").build());

    RecordedRequest request = take(server);
    assertThat(request.getTarget()).isEqualTo("/v1/sessions/" + encoded + "/act");
    assertThat(request.getUrl().pathSegments()).containsExactly("v1", "sessions", id, "act");
    assertThat(request.getUrl().query()).isNull();
  }

  @ParameterizedTest(name = "id {0} is rejected before anything is sent")
  @CsvSource({"..", "."})
  void aDotSegmentIdIsRejectedBecauseNoUrlCouldCarryIt(String id) {
    assertThatThrownBy(() -> SessionEndParams.builder().id(id).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void theIdIsNeverSentInTheBody() {
    server.enqueue(json(WireFixtures.NAVIGATE_OK));

    sessions.navigate(SessionNavigateParams.builder().id("s-1").url("https://example.com").build());

    assertThat(bodyTree(take(server)).has("id")).isFalse();
  }

  @Test
  void navigateParsesAResultLargerThanOneMegabyte() {
    StringBuilder html = new StringBuilder(1_600_000);
    while (html.length() < 1_500_000) {
      html.append("<p>lorem ipsum dolor sit amet</p>");
    }
    server.enqueue(json("{\"success\":true,\"data\":{\"result\":{\"html\":\"" + html + "\"}}}"));

    SessionNavigateResponse response = sessions.navigate(
        SessionNavigateParams.builder().id("s-1").url("https://example.com").build());

    assertThat(response.data().result()).hasValueSatisfying(
        r -> assertThat(r.get("html").asText()).hasSize(html.length()));
  }

  @Test
  void requestOptionsOverrideParamsWhichOverrideClientHeaders() {
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(json(WireFixtures.ACT_OK));
    try (StagehandClient layered = client.withOptions(b -> b
        .putHeader("x-layer", "client")
        .putHeader("x-client-only", "c"))) {
      SessionActParams params = SessionActParams.builder()
          .id("s-1")
          .input("click")
          .putAdditionalHeader("x-layer", "params")
          .putAdditionalHeader("x-params-only", "p")
          .putAdditionalQueryParam("q", "params")
          .putAdditionalQueryParam("params-q", "1")
          .putAdditionalBodyProperty("futureFlag", true)
          .putAdditionalBodyProperty("futureObject", Map.of("depth", 2))
          .build();

      layered.sessions().act(params);
      layered.sessions().act(params, RequestOptions.builder()
          .putHeader("x-layer", "options")
          .putHeader("x-options-only", "o")
          .putQueryParam("q", "options")
          .putQueryParam("options-q", "2")
          .build());
    }

    RecordedRequest paramsOnly = take(server);
    assertThat(paramsOnly.getHeaders().values("x-layer")).containsExactly("params");
    assertThat(paramsOnly.getHeaders().get("x-client-only")).isEqualTo("c");
    assertThat(paramsOnly.getHeaders().get("x-params-only")).isEqualTo("p");
    assertThat(paramsOnly.getUrl().encodedPath()).isEqualTo("/v1/sessions/s-1/act");
    assertThat(paramsOnly.getUrl().queryParameterValues("q")).containsExactly("params");
    assertThat(paramsOnly.getUrl().queryParameter("params-q")).isEqualTo("1");
    assertThat(bodyTree(paramsOnly)).isEqualTo(tree("""
        {"input":"click","futureFlag":true,"futureObject":{"depth":2}}"""));

    RecordedRequest withOptions = take(server);
    assertThat(withOptions.getHeaders().values("x-layer")).containsExactly("options");
    assertThat(withOptions.getHeaders().get("x-client-only")).isEqualTo("c");
    assertThat(withOptions.getHeaders().get("x-params-only")).isEqualTo("p");
    assertThat(withOptions.getHeaders().get("x-options-only")).isEqualTo("o");
    assertThat(withOptions.getUrl().queryParameterValues("q")).containsExactly("options");
    assertThat(withOptions.getUrl().queryParameter("params-q")).isEqualTo("1");
    assertThat(withOptions.getUrl().queryParameter("options-q")).isEqualTo("2");
    assertThat(bodyTree(withOptions)).isEqualTo(tree("""
        {"input":"click","futureFlag":true,"futureObject":{"depth":2}}"""));
  }

  @Test
  void replayAndEndCarryTheirAdditionalHeadersAndQueryParams() {
    server.enqueue(json(WireFixtures.REPLAY_OK));
    server.enqueue(json(WireFixtures.END_OK));

    sessions.replay(SessionReplayParams.builder().id("s-1")
        .putAdditionalHeader("x-trace", "r").putAdditionalQueryParam("page", "2").build());
    sessions.end(SessionEndParams.builder().id("s-1")
        .putAdditionalHeader("x-trace", "e").build(),
        RequestOptions.builder().putQueryParam("force", "true").build());

    RecordedRequest replay = take(server);
    assertThat(replay.getTarget()).isEqualTo("/v1/sessions/s-1/replay?page=2");
    assertThat(replay.getHeaders().get("x-trace")).isEqualTo("r");
    RecordedRequest end = take(server);
    assertThat(end.getTarget()).isEqualTo("/v1/sessions/s-1/end?force=true");
    assertThat(end.getHeaders().get("x-trace")).isEqualTo("e");
    assertThat(end.getBodySize()).isZero();
  }
}
