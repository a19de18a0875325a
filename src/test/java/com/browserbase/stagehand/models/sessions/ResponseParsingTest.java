package com.browserbase.stagehand.models.sessions;

import static com.browserbase.stagehand.models.sessions.TestJson.assertSameJson;
import static com.browserbase.stagehand.models.sessions.TestJson.parse;
import static com.browserbase.stagehand.models.sessions.TestJson.tree;
import static com.browserbase.stagehand.models.sessions.TestJson.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the server's responses: every property of the spec, unknown properties, missing ones. */
class ResponseParsingTest {
  static final String SESSION_ID = "c4dbf3a9-9a58-4b22-8a1c-9f20f9f9e123";

  static final String START = """
      {"success": true,
       "data": {"sessionId": "c4dbf3a9-9a58-4b22-8a1c-9f20f9f9e123",
                "cdpUrl": "wss://connect.browserbase.com/?signingKey=abc123",
                "available": true}}
      """;

  static final String ACT = """
      {"success": true,
       "data": {"result": {"success": true,
                           "message": "Successfully clicked the login button",
                           "actionDescription": "Clicked button with text 'Login'",
                           "actions": [{"selector": "xpath=/html/body/button[1]",
                                        "description": "the login button",
                                        "backendNodeId": 42,
                                        "method": "fill",
                                        "arguments": ["john", "doe"]}]},
                "actionId": "act-1"}}
      """;

  static final String OBSERVE = """
      {"success": true,
       "data": {"result": [{"selector": "[data-testid='submit-button']",
                            "description": "Click the submit button",
                            "backendNodeId": 7,
                            "method": "click",
                            "arguments": []},
                           {"selector": "#email",
                            "description": "The email field",
                            "backendNodeId": 8,
                            "method": "fill",
                            "arguments": ["Hello World"]}],
                "actionId": "obs-1"}}
      """;

  static final String EXTRACT = """
      {"success": true,
       "data": {"result": {"title": "Example Domain", "prices": [1.5, 2], "inStock": true},
                "actionId": "ext-1"}}
      """;

  static final String EXECUTE_AGENT = """
      {"success": true,
       "data": {"result": {"success": true,
                           "message": "Successfully logged in and navigated to dashboard",
                           "actions": [{"type": "click",
                                        "reasoning": "the login button logs in",
                                        "taskCompleted": false,
                                        "action": "click on Login",
                                        "timeMs": 1234.5,
                                        "pageText": "Welcome",
                                        "pageUrl": "https://example.com/login",
                                        "instruction": "log in"},
                                       {"type": "done", "taskCompleted": true}],
                           "completed": true,
                           "metadata": {"steps": 2, "tags": ["a", "b"]},
                           "usage": {"input_tokens": 1500,
                                     "output_tokens": 250,
                                     "reasoning_tokens": 120,
                                     "cached_input_tokens": 300,
                                     "inference_time_ms": 2500.75}},
                "cacheEntry": {"cacheKey": "key-123", "entry": {"steps": [{"op": "click"}], "version": 1}}}}
      """;

  static final String NAVIGATE = """
      {"success": true,
       "data": {"result": {"url": "https://example.com/", "status": 200, "ok": true},
                "actionId": "nav-1"}}
      """;

  static final String NAVIGATE_NULL = """
      {"success": true, "data": {"result": null, "actionId": "nav-2"}}
      """;

  static final String REPLAY = """
      {"success": true,
       "data": {"pages": [{"url": "https://example.com",
                           "timestamp": 1700000000000.5,
                           "duration": 2500.25,
                           "actions": [{"method": "act",
                                        "parameters": {"instruction": "click it", "timeout": 3000},
                                        "result": {"success": true},
                                        "timestamp": 1700000000100.5,
                                        "endTime": 1700000000900.75,
                                        "tokenUsage": {"inputTokens": 1000,
                                                       "outputTokens": 50,
                                                       "timeMs": 812.5,
                                                       "cost": 0.0021}}]}],
                "clientLanguage": "java"}}
      """;

  static final String END = """
      {"success": true}
      """;

  @Nested
  class EveryProperty {
    @Test
    void startResponseReadsEveryProperty() {
      SessionStartResponse response = parse(START, SessionStartResponse.class);

      assertThat(response.success()).isTrue();
      assertThat(response.data().sessionId()).isEqualTo(SESSION_ID);
      assertThat(response.data().cdpUrl()).contains("wss://connect.browserbase.com/?signingKey=abc123");
      assertThat(response.data().available()).isTrue();
      assertThat(response.additionalProperties()).isEmpty();
    }

    @Test
    void startResponseReadsANullCdpUrlAsEmpty() {
      SessionStartResponse response = parse("""
          {"success": true, "data": {"sessionId": "s-1", "cdpUrl": null, "available": false}}
          """, SessionStartResponse.class);

      assertThat(response.data().cdpUrl()).isEmpty();
      assertThat(response.data().available()).isFalse();
    }

    @Test
    void actResponseReadsEveryProperty() {
      SessionActResponse response = parse(ACT, SessionActResponse.class);

      assertThat(response.success()).isTrue();
      ActResult data = response.data();
      assertThat(data.actionId()).contains("act-1");
      ActResultData result = data.result();
      assertThat(result.success()).isTrue();
      assertThat(result.message()).isEqualTo("Successfully clicked the login button");
      assertThat(result.actionDescription()).isEqualTo("Clicked button with text 'Login'");
      assertThat(result.actions()).hasSize(1);
      Action action = result.actions().get(0);
      assertThat(action.selector()).isEqualTo("xpath=/html/body/button[1]");
      assertThat(action.description()).isEqualTo("the login button");
      assertThat(action.backendNodeId()).contains(42L);
      assertThat(action.method()).contains("fill");
      assertThat(action.arguments()).containsExactly("john", "doe");
    }

    @Test
    void observeResponseReadsEveryProperty() {
      SessionObserveResponse response = parse(OBSERVE, SessionObserveResponse.class);

      assertThat(response.success()).isTrue();
      assertThat(response.data().actionId()).contains("obs-1");
      List<Action> actions = response.data().result();
      assertThat(actions).hasSize(2);
      assertThat(actions.get(0).selector()).isEqualTo("[data-testid='submit-button']");
      assertThat(actions.get(0).description()).isEqualTo("Click the submit button");
      assertThat(actions.get(0).backendNodeId()).contains(7L);
      assertThat(actions.get(0).method()).contains("click");
      assertThat(actions.get(0).arguments()).isEmpty();
      assertThat(actions.get(1).selector()).isEqualTo("#email");
      assertThat(actions.get(1).description()).isEqualTo("The email field");
      assertThat(actions.get(1).backendNodeId()).contains(8L);
      assertThat(actions.get(1).method()).contains("fill");
      assertThat(actions.get(1).arguments()).containsExactly("Hello World");
    }

    @Test
    void observedActionIsSentByActExactlyAsItCame() {
      Action observed = parse(OBSERVE, SessionObserveResponse.class).data().result().get(1);

      SessionActParams params = SessionActParams.builder().id("s").input(observed).build();

      assertSameJson(written(params).get("input"), tree(OBSERVE).at("/data/result/1"));
    }

    @Test
    void extractResponseReadsEveryProperty() {
      SessionExtractResponse response = parse(EXTRACT, SessionExtractResponse.class);

      assertThat(response.success()).isTrue();
      assertThat(response.data().actionId()).contains("ext-1");
      JsonNode result = response.data().result();
      assertThat(result.get("title").textValue()).isEqualTo("Example Domain");
      assertThat(result.get("prices").get(0).doubleValue()).isEqualTo(1.5);
      assertThat(result.get("prices").get(1).intValue()).isEqualTo(2);
      assertThat(result.get("inStock").booleanValue()).isTrue();
    }

    @Test
    void extractResultConvertsToARecord() {
      record Page(String title, List<Double> prices, boolean inStock) {}

      Page page = parse(EXTRACT, SessionExtractResponse.class).data().resultAs(Page.class);

      assertThat(page).isEqualTo(new Page("Example Domain", List.of(1.5, 2.0), true));
    }

    @Test
    void extractResultConvertsToAPlainJavaBean() {
      PageBean page = parse(EXTRACT, SessionExtractResponse.class).data().resultAs(PageBean.class);

      assertThat(page.getTitle()).isEqualTo("Example Domain");
    }

    @Test
    void extractResponseAcceptsAResultThatIsNotAnObject() {
      SessionExtractResponse response = parse("""
          {"success": true, "data": {"result": "just text"}}
          """, SessionExtractResponse.class);

      assertThat(response.data().result().textValue()).isEqualTo("just text");
      assertThat(response.data().actionId()).isEmpty();
    }

    @Test
    void extractResponseWithANullResultIsNotReportedAsMissing() {
      SessionExtractResponse response = parse("""
          {"success": true, "data": {"result": null}}
          """, SessionExtractResponse.class);

      assertThat(response.data().result().isNull()).isTrue();
    }

    @Test
    void executeAgentResponseReadsEveryProperty() {
      SessionExecuteAgentResponse response = parse(EXECUTE_AGENT, SessionExecuteAgentResponse.class);

      assertThat(response.success()).isTrue();
      AgentResultData result = response.data().result();
      assertThat(result.success()).isTrue();
      assertThat(result.message()).isEqualTo("Successfully logged in and navigated to dashboard");
      assertThat(result.completed()).isTrue();

      assertThat(result.actions()).hasSize(2);
      AgentAction first = result.actions().get(0);
      assertThat(first.type()).isEqualTo("click");
      assertThat(first.reasoning()).contains("the login button logs in");
      assertThat(first.taskCompleted()).contains(false);
      assertThat(first.action()).contains("click on Login");
      assertThat(first.timeMs()).contains(1234.5);
      assertThat(first.pageText()).contains("Welcome");
      assertThat(first.pageUrl()).contains("https://example.com/login");
      assertThat(first.instruction()).contains("log in");
      AgentAction second = result.actions().get(1);
      assertThat(second.type()).isEqualTo("done");
      assertThat(second.taskCompleted()).contains(true);
      assertThat(second.reasoning()).isEmpty();
      assertThat(second.timeMs()).isEmpty();

      assertThat(result.metadata()).containsOnlyKeys("steps", "tags");
      assertThat(result.metadata().get("steps").intValue()).isEqualTo(2);
      assertThat(result.metadata().get("tags")).isEqualTo(tree("[\"a\", \"b\"]"));

      AgentUsage usage = result.usage().orElseThrow();
      assertThat(usage.inputTokens()).isEqualTo(1500L);
      assertThat(usage.outputTokens()).isEqualTo(250L);
      assertThat(usage.reasoningTokens()).contains(120L);
      assertThat(usage.cachedInputTokens()).contains(300L);
      assertThat(usage.inferenceTimeMs()).isEqualTo(2500.75);

      AgentCacheEntry cacheEntry = response.data().cacheEntry().orElseThrow();
      assertThat(cacheEntry.cacheKey()).isEqualTo("key-123");
      assertThat(cacheEntry.entry()).isEqualTo(tree("{\"steps\": [{\"op\": \"click\"}], \"version\": 1}"));
    }

    @Test
    void executeAgentResponseWithoutOptionalPartsReadsThemAsEmpty() {
      SessionExecuteAgentResponse response = parse("""
          {"success": true,
           "data": {"result": {"success": false, "message": "gave up", "actions": [], "completed": false}}}
          """, SessionExecuteAgentResponse.class);

      AgentResultData result = response.data().result();
      assertThat(result.success()).isFalse();
      assertThat(result.completed()).isFalse();
      assertThat(result.actions()).isEmpty();
      assertThat(result.metadata()).isEmpty();
      assertThat(result.usage()).isEmpty();
      assertThat(response.data().cacheEntry()).isEmpty();
    }

    @Test
    void navigateResponseReadsAResultObject() {
      SessionNavigateResponse response = parse(NAVIGATE, SessionNavigateResponse.class);

      assertThat(response.success()).isTrue();
      assertThat(response.data().actionId()).contains("nav-1");
      assertThat(response.data().result()).contains(tree("{\"url\": \"https://example.com/\", \"status\": 200, \"ok\": true}"));
    }

    @Test
    void navigateResponseReadsANullResultAsEmpty() {
      SessionNavigateResponse response = parse(NAVIGATE_NULL, SessionNavigateResponse.class);

      assertThat(response.success()).isTrue();
      assertThat(response.data().result()).isEmpty();
      assertThat(response.data().actionId()).contains("nav-2");
    }

    @Test
    void navigateResponseWritesANullResultBack() {
      SessionNavigateResponse response = parse(NAVIGATE_NULL, SessionNavigateResponse.class);

      assertThat(written(response).get("data").has("result")).isTrue();
    }

    @Test
    void replayResponseReadsEveryProperty() {
      SessionReplayResponse response = parse(REPLAY, SessionReplayResponse.class);

      assertThat(response.success()).isTrue();
      ReplayResult data = response.data();
      assertThat(data.clientLanguage()).contains("java");
      assertThat(data.pages()).hasSize(1);
      ReplayPage page = data.pages().get(0);
      assertThat(page.url()).isEqualTo("https://example.com");
      assertThat(page.timestamp()).isEqualTo(1700000000000.5);
      assertThat(page.duration()).isEqualTo(2500.25);
      assertThat(page.actions()).hasSize(1);
      ReplayAction action = page.actions().get(0);
      assertThat(action.method()).isEqualTo("act");
      assertThat(action.parameters()).containsOnlyKeys("instruction", "timeout");
      assertThat(action.parameters().get("instruction").textValue()).isEqualTo("click it");
      assertThat(action.parameters().get("timeout").intValue()).isEqualTo(3000);
      assertThat(action.result()).containsOnlyKeys("success");
      assertThat(action.result().get("success").booleanValue()).isTrue();
      assertThat(action.timestamp()).isEqualTo(1700000000100.5);
      assertThat(action.endTime()).contains(1700000000900.75);
      TokenUsage usage = action.tokenUsage().orElseThrow();
      assertThat(usage.inputTokens()).contains(1000L);
      assertThat(usage.outputTokens()).contains(50L);
      assertThat(usage.timeMs()).contains(812.5);
      assertThat(usage.cost()).contains(0.0021);
    }

    @Test
    void replayResponseReadsEmptyPages() {
      SessionReplayResponse response = parse("""
          {"success": true, "data": {"pages": []}}
          """, SessionReplayResponse.class);

      assertThat(response.data().pages()).isEmpty();
      assertThat(response.data().clientLanguage()).isEmpty();
    }

    @Test
    void endResponseReadsSuccess() {
      assertThat(parse(END, SessionEndResponse.class).success()).isTrue();
      assertThat(parse("{\"success\": false}", SessionEndResponse.class).success()).isFalse();
    }
  }

  @Nested
  class WritingBack {
    static Stream<Arguments> fullResponses() {
      return Stream.of(
          Arguments.of(START, SessionStartResponse.class),
          Arguments.of(ACT, SessionActResponse.class),
          Arguments.of(OBSERVE, SessionObserveResponse.class),
          Arguments.of(EXTRACT, SessionExtractResponse.class),
          Arguments.of(EXECUTE_AGENT, SessionExecuteAgentResponse.class),
          Arguments.of(NAVIGATE, SessionNavigateResponse.class),
          Arguments.of(REPLAY, SessionReplayResponse.class),
          Arguments.of(END, SessionEndResponse.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fullResponses")
    void everyResponseIsWrittenBackAsItCame(String json, Class<?> type) {
      Object parsed = parse(json, type);

      assertSameJson(written(parsed), tree(json));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("fullResponses")
    void everyResponseReadAgainEqualsTheFirstRead(String json, Class<?> type) {
      Object parsed = parse(json, type);
      Object again = TestJson.roundTrip(parsed);

      assertThat(again).isEqualTo(parsed).hasSameHashCodeAs(parsed);
    }
  }

  @Nested
  class UnknownProperties {
    @Test
    void actResponseKeepsUnknownPropertiesAtEveryLevel() {
      String json = """
          {"success": true, "requestId": "r-1",
           "data": {"result": {"success": true, "message": "ok", "actionDescription": "d",
                               "actions": [{"selector": "#a", "description": "a", "frameId": "f-9"}],
                               "durationMs": 12.5},
                    "actionId": "a-1", "cached": false}}
          """;

      SessionActResponse response = parse(json, SessionActResponse.class);

      assertThat(response.additionalProperties()).containsOnlyKeys("requestId");
      assertThat(response.additionalProperties().get("requestId").textValue()).isEqualTo("r-1");
      assertThat(response.data().additionalProperties()).containsOnlyKeys("cached");
      assertThat(response.data().additionalProperties().get("cached").booleanValue()).isFalse();
      assertThat(response.data().result().additionalProperties().get("durationMs").doubleValue()).isEqualTo(12.5);
      assertThat(response.data().result().actions().get(0).additionalProperties().get("frameId").textValue())
          .isEqualTo("f-9");
      assertSameJson(written(response), tree(json));
    }

    @Test
    void executeAgentResponseKeepsUnknownPropertiesOfActionsUsageAndCacheEntry() {
      String json = """
          {"success": true,
           "data": {"result": {"success": true, "message": "m", "completed": true,
                               "actions": [{"type": "scroll", "coordinates": {"x": 1, "y": 2}}],
                               "usage": {"input_tokens": 1, "output_tokens": 2, "inference_time_ms": 3,
                                         "cost_usd": 0.5}},
                    "cacheEntry": {"cacheKey": "k", "entry": "e", "ttl": 60}},
           "extra": [1, 2]}
          """;

      SessionExecuteAgentResponse response = parse(json, SessionExecuteAgentResponse.class);

      AgentResultData result = response.data().result();
      assertThat(result.actions().get(0).additionalProperties().get("coordinates"))
          .isEqualTo(tree("{\"x\": 1, \"y\": 2}"));
      assertThat(result.usage().orElseThrow().additionalProperties().get("cost_usd").doubleValue()).isEqualTo(0.5);
      assertThat(response.data().cacheEntry().orElseThrow().additionalProperties().get("ttl").intValue())
          .isEqualTo(60);
      assertThat(response.additionalProperties().get("extra")).isEqualTo(tree("[1, 2]"));
      assertSameJson(written(response), tree(json));
    }

    @Test
    void replayResponseKeepsUnknownPropertiesOfPagesActionsAndTokenUsage() {
      String json = """
          {"success": true,
           "data": {"pages": [{"url": "u", "timestamp": 1, "duration": 2, "title": "T",
                               "actions": [{"method": "m", "parameters": {}, "result": {}, "timestamp": 3,
                                            "frame": "main",
                                            "tokenUsage": {"inputTokens": 4, "model": "gpt"}}]}],
                    "sessionUrl": "https://browserbase.com/s/1"}}
          """;

      SessionReplayResponse response = parse(json, SessionReplayResponse.class);

      ReplayPage page = response.data().pages().get(0);
      assertThat(response.data().additionalProperties().get("sessionUrl").textValue())
          .isEqualTo("https://browserbase.com/s/1");
      assertThat(page.additionalProperties().get("title").textValue()).isEqualTo("T");
      assertThat(page.actions().get(0).additionalProperties().get("frame").textValue()).isEqualTo("main");
      assertThat(page.actions().get(0).tokenUsage().orElseThrow().additionalProperties().get("model").textValue())
          .isEqualTo("gpt");
      assertSameJson(written(response), tree(json));
    }

    @Test
    void startAndEndResponsesKeepUnknownProperties() {
      String start = """
          {"success": true, "data": {"sessionId": "s", "available": true, "region": "us-east-1"}, "v": 3}
          """;
      String end = """
          {"success": true, "endedAt": "2025-01-01T00:00:00Z"}
          """;

      SessionStartResponse started = parse(start, SessionStartResponse.class);
      SessionEndResponse ended = parse(end, SessionEndResponse.class);

      assertThat(started.data().additionalProperties().get("region").textValue()).isEqualTo("us-east-1");
      assertThat(started.additionalProperties().get("v").intValue()).isEqualTo(3);
      assertThat(ended.additionalProperties().get("endedAt").textValue()).isEqualTo("2025-01-01T00:00:00Z");
      assertSameJson(written(started), tree(start));
      assertSameJson(written(ended), tree(end));
    }

    @Test
    void unknownPropertyWithANullValueIsKeptAsNull() {
      SessionEndResponse ended = parse("{\"success\": true, \"reason\": null}", SessionEndResponse.class);

      assertThat(ended.additionalProperties()).containsKey("reason");
      assertThat(ended.additionalProperties().get("reason").isNull()).isTrue();
    }
  }

  @Nested
  class Numbers {
    @Test
    void fractionalNumbersAreAcceptedWhereTheSpecSaysNumber() {
      AgentAction action = parse("{\"type\": \"wait\", \"timeMs\": 0.25}", AgentAction.class);
      AgentUsage usage = parse("""
          {"input_tokens": 10, "output_tokens": 20, "inference_time_ms": 99.125}
          """, AgentUsage.class);
      TokenUsage tokenUsage = parse("{\"timeMs\": 3.5, \"cost\": 0.000125}", TokenUsage.class);
      ReplayPage page = parse("""
          {"url": "u", "timestamp": 1.5, "duration": 0.75, "actions": []}
          """, ReplayPage.class);

      assertThat(action.timeMs()).contains(0.25);
      assertThat(usage.inferenceTimeMs()).isEqualTo(99.125);
      assertThat(tokenUsage.timeMs()).contains(3.5);
      assertThat(tokenUsage.cost()).contains(0.000125);
      assertThat(page.timestamp()).isEqualTo(1.5);
      assertThat(page.duration()).isEqualTo(0.75);
    }

    @Test
    void wholeNumbersAreAcceptedWhereTheSpecSaysNumber() {
      AgentUsage usage = parse("""
          {"input_tokens": 10.0, "output_tokens": 20, "inference_time_ms": 2500}
          """, AgentUsage.class);

      assertThat(usage.inputTokens()).isEqualTo(10L);
      assertThat(usage.inferenceTimeMs()).isEqualTo(2500.0);
    }

    @Test
    void largeBackendNodeIdsAndTimestampsAreNotTruncated() {
      Action action = parse("""
          {"selector": "#a", "description": "a", "backendNodeId": 9007199254740993}
          """, Action.class);
      ReplayPage page = parse("""
          {"url": "u", "timestamp": 1733000000000, "duration": 1, "actions": []}
          """, ReplayPage.class);

      assertThat(action.backendNodeId()).contains(9007199254740993L);
      assertThat(page.timestamp()).isEqualTo(1733000000000.0);
    }
  }

  @Nested
  class MissingRequiredProperties {
    static Stream<Arguments> missing() {
      return Stream.of(
          missing("SessionStartResponse.success", "{\"data\": {\"sessionId\": \"s\", \"available\": true}}",
              SessionStartResponse.class, "success", r -> ((SessionStartResponse) r).success()),
          missing("SessionStartResponse.data", "{\"success\": true}",
              SessionStartResponse.class, "data", r -> ((SessionStartResponse) r).data()),
          missing("SessionStartResult.sessionId", "{\"success\": true, \"data\": {\"available\": true}}",
              SessionStartResponse.class, "sessionId", r -> ((SessionStartResponse) r).data().sessionId()),
          missing("SessionStartResult.available", "{\"success\": true, \"data\": {\"sessionId\": \"s\"}}",
              SessionStartResponse.class, "available", r -> ((SessionStartResponse) r).data().available()),
          missing("SessionActResponse.data", "{\"success\": true}",
              SessionActResponse.class, "data", r -> ((SessionActResponse) r).data()),
          missing("ActResult.result", "{\"success\": true, \"data\": {\"actionId\": \"a\"}}",
              SessionActResponse.class, "result", r -> ((SessionActResponse) r).data().result()),
          missing("ActResultData.message",
              "{\"success\": true, \"data\": {\"result\": {\"success\": true, \"actionDescription\": \"d\", \"actions\": []}}}",
              SessionActResponse.class, "message", r -> ((SessionActResponse) r).data().result().message()),
          missing("ActResultData.actionDescription",
              "{\"success\": true, \"data\": {\"result\": {\"success\": true, \"message\": \"m\", \"actions\": []}}}",
              SessionActResponse.class, "actionDescription",
              r -> ((SessionActResponse) r).data().result().actionDescription()),
          missing("ActResultData.success",
              "{\"success\": true, \"data\": {\"result\": {\"message\": \"m\", \"actionDescription\": \"d\", \"actions\": []}}}",
              SessionActResponse.class, "success", r -> ((SessionActResponse) r).data().result().success()),
          missing("SessionObserveResponse.success", "{\"data\": {\"result\": []}}",
              SessionObserveResponse.class, "success", r -> ((SessionObserveResponse) r).success()),
          missing("Action.selector", "{\"success\": true, \"data\": {\"result\": [{\"description\": \"d\"}]}}",
              SessionObserveResponse.class, "selector",
              r -> ((SessionObserveResponse) r).data().result().get(0).selector()),
          missing("Action.description", "{\"success\": true, \"data\": {\"result\": [{\"selector\": \"#a\"}]}}",
              SessionObserveResponse.class, "description",
              r -> ((SessionObserveResponse) r).data().result().get(0).description()),
          missing("ExtractResult.result", "{\"success\": true, \"data\": {\"actionId\": \"x\"}}",
              SessionExtractResponse.class, "result", r -> ((SessionExtractResponse) r).data().result()),
          missing("SessionExecuteAgentResponse.data", "{\"success\": true}",
              SessionExecuteAgentResponse.class, "data", r -> ((SessionExecuteAgentResponse) r).data()),
          missing("AgentResultData.completed",
              "{\"success\": true, \"data\": {\"result\": {\"success\": true, \"message\": \"m\", \"actions\": []}}}",
              SessionExecuteAgentResponse.class, "completed",
              r -> ((SessionExecuteAgentResponse) r).data().result().completed()),
          missing("AgentAction.type",
              "{\"success\": true, \"data\": {\"result\": {\"success\": true, \"message\": \"m\", \"completed\": true, \"actions\": [{\"reasoning\": \"r\"}]}}}",
              SessionExecuteAgentResponse.class, "type",
              r -> ((SessionExecuteAgentResponse) r).data().result().actions().get(0).type()),
          missing("AgentUsage.input_tokens", "{\"output_tokens\": 1, \"inference_time_ms\": 2}",
              AgentUsage.class, "input_tokens|inputTokens", r -> ((AgentUsage) r).inputTokens()),
          missing("AgentUsage.inference_time_ms", "{\"input_tokens\": 1, \"output_tokens\": 2}",
              AgentUsage.class, "inference_time_ms|inferenceTimeMs", r -> ((AgentUsage) r).inferenceTimeMs()),
          missing("AgentCacheEntry.cacheKey", "{\"entry\": {}}",
              AgentCacheEntry.class, "cacheKey", r -> ((AgentCacheEntry) r).cacheKey()),
          missing("AgentCacheEntry.entry", "{\"cacheKey\": \"k\"}",
              AgentCacheEntry.class, "entry", r -> ((AgentCacheEntry) r).entry()),
          missing("SessionNavigateResponse.data", "{\"success\": true}",
              SessionNavigateResponse.class, "data", r -> ((SessionNavigateResponse) r).data()),
          missing("SessionReplayResponse.data", "{\"success\": true}",
              SessionReplayResponse.class, "data", r -> ((SessionReplayResponse) r).data()),
          missing("ReplayPage.url",
              "{\"success\": true, \"data\": {\"pages\": [{\"timestamp\": 1, \"duration\": 2, \"actions\": []}]}}",
              SessionReplayResponse.class, "url", r -> ((SessionReplayResponse) r).data().pages().get(0).url()),
          missing("ReplayPage.duration",
              "{\"success\": true, \"data\": {\"pages\": [{\"url\": \"u\", \"timestamp\": 1, \"actions\": []}]}}",
              SessionReplayResponse.class, "duration",
              r -> ((SessionReplayResponse) r).data().pages().get(0).duration()),
          missing("ReplayAction.method", "{\"parameters\": {}, \"result\": {}, \"timestamp\": 1}",
              ReplayAction.class, "method", r -> ((ReplayAction) r).method()),
          missing("ReplayAction.timestamp", "{\"method\": \"m\", \"parameters\": {}, \"result\": {}}",
              ReplayAction.class, "timestamp", r -> ((ReplayAction) r).timestamp()),
          missing("SessionEndResponse.success", "{}",
              SessionEndResponse.class, "success", r -> ((SessionEndResponse) r).success()),
          missing("StreamEvent.id", "{\"type\": \"log\", \"data\": {\"status\": \"running\", \"message\": \"m\"}}",
              StreamEvent.class, "id", r -> ((StreamEvent) r).id()),
          missing("StreamEventData.status", "{\"id\": \"1\", \"type\": \"log\", \"data\": {\"message\": \"m\"}}",
              StreamEvent.class, "status", r -> ((StreamEvent) r).data().status()));
    }

    private static Arguments missing(
        String name, String json, Class<?> type, String field, Consumer<Object> accessor) {
      return Arguments.of(name, json, type, field, accessor);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missing")
    void responseMissingARequiredPropertyParsesAndItsAccessorNamesIt(
        String name, String json, Class<?> type, String field, Consumer<Object> accessor) {
      Object parsed = parse(json, type);

      assertThatThrownBy(() -> accessor.accept(parsed))
          .isInstanceOf(StagehandInvalidDataException.class)
          .hasMessageMatching("(?s).*\\b(" + field + ")\\b.*");
    }

    @Test
    void responseMissingARequiredPropertyStillGivesItsOtherValues() {
      SessionActResponse response = parse("""
          {"success": true, "data": {"result": {"success": true, "actions": []}, "actionId": "a-9"}}
          """, SessionActResponse.class);

      assertThat(response.success()).isTrue();
      assertThat(response.data().actionId()).contains("a-9");
      assertThat(response.data().result().success()).isTrue();
      assertThatThrownBy(() -> response.data().result().message())
          .isInstanceOf(StagehandInvalidDataException.class)
          .hasMessageContaining("message");
    }
  }

  @Nested
  class StreamEvents {
    @ParameterizedTest
    @ValueSource(strings = {"starting", "connected", "running"})
    void systemEventReadsItsStatus(String status) {
      StreamEvent event = parse("""
          {"id": "c4dbf3a9-9a58-4b22-8a1c-9f20f9f9e123", "type": "system", "data": {"status": "%s"}}
          """.formatted(status), StreamEvent.class);

      assertThat(event.id()).isEqualTo(SESSION_ID);
      assertThat(event.type()).isSameAs(StreamEventType.SYSTEM);
      assertThat(event.data().status()).isSameAs(StreamEventStatus.of(status));
      assertThat(event.data().status().isKnown()).isTrue();
      assertThat(event.data().status().value()).isEqualTo(status);
      assertThat(event.data().result()).isEmpty();
      assertThat(event.data().error()).isEmpty();
      assertThat(event.data().message()).isEmpty();
    }

    @Test
    void finishedEventCarriesTheResult() {
      StreamEvent event = parse("""
          {"id": "e-5", "type": "system",
           "data": {"status": "finished", "result": {"success": true, "message": "done", "actions": []}}}
          """, StreamEvent.class);

      assertThat(event.data().status()).isSameAs(StreamEventStatus.FINISHED);
      assertThat(event.data().result()).contains(tree("{\"success\": true, \"message\": \"done\", \"actions\": []}"));
      assertThat(event.data().error()).isEmpty();
    }

    @Test
    void errorEventCarriesTheErrorAsAString() {
      StreamEvent event = parse("""
          {"id": "e-6", "type": "system", "data": {"status": "error", "error": "Session not found"}}
          """, StreamEvent.class);

      assertThat(event.data().status()).isSameAs(StreamEventStatus.ERROR);
      assertThat(event.data().error()).contains("Session not found");
      assertThat(event.data().errorDetails()).contains(JsonNodeFactory.instance.textNode("Session not found"));
      assertThat(event.data().result()).isEmpty();
    }

    @Test
    void errorEventRendersAListOfValidationIssuesAsReadableText() {
      String json = """
          {"id": "e-7", "type": "system",
           "data": {"status": "error",
                    "error": [{"path": ["options", "timeout"], "message": "Expected number, received string"},
                              {"path": "input", "message": "Required"}]}}
          """;

      StreamEvent event = parse(json, StreamEvent.class);

      String error = event.data().error().orElseThrow();
      assertThat(error)
          .contains("options")
          .contains("timeout")
          .contains("Expected number, received string")
          .contains("input")
          .contains("Required")
          .doesNotContain("{")
          .doesNotContain("[");
      assertThat(error.indexOf("Expected number")).isLessThan(error.indexOf("Required"));
      assertThat(event.data().errorDetails()).contains(tree(json).at("/data/error"));
    }

    @Test
    void logEventReadsAPlainMessage() {
      StreamEvent event = parse("""
          {"id": "e-8", "type": "log", "data": {"status": "running", "message": "clicking the button"}}
          """, StreamEvent.class);

      assertThat(event.type()).isSameAs(StreamEventType.LOG);
      assertThat(event.data().status()).isSameAs(StreamEventStatus.RUNNING);
      assertThat(event.data().message()).contains("clicking the button");
      assertThat(event.data().level()).isEmpty();
      assertThat(event.data().category()).isEmpty();
    }

    @Test
    void logEventReadsTheTextOfAStructuredMessage() {
      String json = """
          {"id": "e-9", "type": "log",
           "data": {"status": "running",
                    "message": {"category": "action", "message": "found 3 elements", "level": 2,
                                "auxiliary": {"count": {"value": "3", "type": "integer"}}}}}
          """;

      StreamEvent event = parse(json, StreamEvent.class);

      assertThat(event.data().message()).contains("found 3 elements");
      assertThat(event.data().level()).contains(2);
      assertThat(event.data().category()).contains("action");
      assertThat(event.data().messageDetails()).contains(tree(json).at("/data/message"));
      assertSameJson(written(event), tree(json));
    }

    @Test
    void streamEventKeepsAnUnknownTypeAndStatus() {
      String json = """
          {"id": "e-10", "type": "heartbeat", "data": {"status": "paused", "since": 5}, "retry": 1000}
          """;

      StreamEvent event = parse(json, StreamEvent.class);

      assertThat(event.type().isKnown()).isFalse();
      assertThat(event.type().value()).isEqualTo("heartbeat");
      assertThat(event.data().status().isKnown()).isFalse();
      assertThat(event.data().status().value()).isEqualTo("paused");
      assertThat(event.data().additionalProperties().get("since").intValue()).isEqualTo(5);
      assertThat(event.additionalProperties().get("retry").intValue()).isEqualTo(1000);
      assertSameJson(written(event), tree(json));
    }
  }

  /** A plain JavaBean without Jackson annotations. */
  public static class PageBean {
    private String title;

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }
  }
}
