package com.browserbase.stagehand.models.sessions;

import static com.browserbase.stagehand.models.sessions.TestJson.parse;
import static com.browserbase.stagehand.models.sessions.TestJson.tree;
import static com.browserbase.stagehand.models.sessions.TestJson.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Builders: required fields, null and range checks, copies, immutability, extra properties. */
class BuilderTest {

  private static Arguments check(String name, ThrowingCallable call, String expected) {
    return Arguments.of(name, call, expected);
  }

  private static GoogleServiceAccountCredentials creds() {
    return GoogleServiceAccountCredentials.builder().privateKey("k").clientEmail("e@x").build();
  }

  @Nested
  class RequiredFields {
    static Stream<Arguments> missingRequired() {
      return Stream.of(
          check("SessionStartParams.modelName", () -> SessionStartParams.builder().verbose(1).build(), "modelName"),
          check("SessionActParams.input", () -> SessionActParams.builder().id("s").build(), "input"),
          check("SessionNavigateParams.url", () -> SessionNavigateParams.builder().id("s").build(), "url"),
          check("SessionExecuteAgentParams.agentConfig", () -> SessionExecuteAgentParams.builder().id("s")
              .executeOptions(AgentExecuteOptions.builder().instruction("i").build()).build(), "agentConfig"),
          check("SessionExecuteAgentParams.executeOptions", () -> SessionExecuteAgentParams.builder().id("s")
              .agentConfig(AgentConfig.builder().build()).build(), "executeOptions"),
          check("AgentExecuteOptions.instruction", () -> AgentExecuteOptions.builder().maxSteps(3).build(),
              "instruction"),
          check("Action.selector", () -> Action.builder().description("d").build(), "selector"),
          check("Action.description", () -> Action.builder().selector("#a").build(), "description"),
          check("ModelConfig.modelName", () -> ModelConfig.builder().apiKey("k").build(), "modelName"),
          check("GoogleServiceAccountAuth.credentials", () -> GoogleServiceAccountAuth.builder().scopes("s").build(),
              "credentials"),
          check("GoogleServiceAccountCredentials.privateKey",
              () -> GoogleServiceAccountCredentials.builder().clientEmail("e").build(), "privateKey"),
          check("GoogleServiceAccountCredentials.clientEmail",
              () -> GoogleServiceAccountCredentials.builder().privateKey("k").build(), "clientEmail"),
          check("AzureEntraIdAuth.token", () -> AzureEntraIdAuth.builder().build(), "token"),
          check("VertexProviderOptions.project", () -> VertexProviderOptions.builder().location("l").build(),
              "project"),
          check("VertexProviderOptions.location", () -> VertexProviderOptions.builder().project("p").build(),
              "location"),
          check("VertexModelProviderOptions.vertex", () -> VertexModelProviderOptions.builder().build(), "vertex"),
          check("AzureModelProviderOptions.azure", () -> AzureModelProviderOptions.builder().build(), "azure"),
          check("ExternalProxyConfig.server", () -> ExternalProxyConfig.builder().username("u").build(), "server"),
          check("BrowserbaseProxyGeolocation.country", () -> BrowserbaseProxyGeolocation.builder().city("c").build(),
              "country"),
          check("BrowserbaseContext.id", () -> BrowserbaseContext.builder().persist(true).build(), "id"),
          check("LocalBrowserLaunchOptions.Proxy.server",
              () -> LocalBrowserLaunchOptions.Proxy.builder().username("u").build(), "server"),
          check("LocalBrowserLaunchOptions.Viewport.height",
              () -> LocalBrowserLaunchOptions.Viewport.builder().width(1).build(), "height"),
          check("SessionActResponse.data", () -> SessionActResponse.builder().success(true).build(), "data"),
          check("AgentUsage.outputTokens",
              () -> AgentUsage.builder().inputTokens(1).inferenceTimeMs(2).build(), "outputTokens"),
          check("ReplayPage.actions",
              () -> ReplayPage.builder().url("u").timestamp(1).duration(2).build(), "actions"),
          check("StreamEvent.data",
              () -> StreamEvent.builder().id("1").type(StreamEventType.LOG).build(), "data"),
          check("StreamEventData.status", () -> StreamEventData.builder().message("m").build(), "status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingRequired")
    void buildWithoutARequiredFieldNamesIt(String name, ThrowingCallable build, String field) {
      assertThatThrownBy(build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageMatching("(?s).*\\b" + field + "\\b.*");
    }

    static Stream<Arguments> withoutId() {
      return Stream.of(
          check("SessionActParams", () -> SessionActParams.builder().input("x").build(), "id"),
          check("SessionObserveParams", () -> SessionObserveParams.builder().instruction("x").build(), "id"),
          check("SessionExtractParams", () -> SessionExtractParams.builder().instruction("x").build(), "id"),
          check("SessionNavigateParams", () -> SessionNavigateParams.builder().url("https://a.b").build(), "id"),
          check("SessionExecuteAgentParams", () -> SessionExecuteAgentParams.builder()
              .agentConfig(AgentConfig.builder().build())
              .executeOptions(AgentExecuteOptions.builder().instruction("i").build()).build(), "id"),
          check("SessionReplayParams", () -> SessionReplayParams.builder().build(), "id"),
          check("SessionEndParams", () -> SessionEndParams.builder().build(), "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutId")
    void paramsWithoutASessionIdAreRejected(String name, ThrowingCallable build, String field) {
      assertThatThrownBy(build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageMatching("(?s).*\\b" + field + "\\b.*");
    }

    @Test
    void paramsWithAnEmptySessionIdAreRejected() {
      assertThatThrownBy(() -> SessionEndParams.builder().id("").build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("id");
      assertThatThrownBy(() -> SessionActParams.builder().id("").input("x").build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("id");
    }

    @Test
    void emptyEntraIdTokenIsRejected() {
      assertThatThrownBy(() -> AzureEntraIdAuth.builder().token("").build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("token");
    }

    @Test
    void startParamsNeedNoSessionId() {
      SessionStartParams params = SessionStartParams.builder().modelName("m").build();

      assertThat(params.modelName()).isEqualTo("m");
    }

    @Test
    void responsesReadFromJsonAreNotHeldToBuildChecks() {
      assertThatCode(() -> parse("{}", SessionActResponse.class)).doesNotThrowAnyException();
      assertThatCode(() -> parse("{}", Action.class)).doesNotThrowAnyException();
    }
  }

  @Nested
  class NullArguments {
    static Stream<Arguments> nullSetters() {
      return Stream.of(
          check("SessionActParams.id", () -> SessionActParams.builder().id(null), "id"),
          check("SessionActParams.input(String)", () -> SessionActParams.builder().input((String) null), "input"),
          check("SessionActParams.input(Action)", () -> SessionActParams.builder().input((Action) null), "input"),
          check("SessionActParams.frameId", () -> SessionActParams.builder().frameId(null), "frameId"),
          check("SessionStartParams.modelName", () -> SessionStartParams.builder().modelName(null), "modelName"),
          check("SessionStartParams.browser", () -> SessionStartParams.builder().browser(null), "browser"),
          check("SessionNavigateParams.url", () -> SessionNavigateParams.builder().url(null), "url"),
          check("SessionExtractParams.schema(JsonNode)",
              () -> SessionExtractParams.builder().schema((JsonNode) null), "schema"),
          check("SessionExtractParams.schema(Map)",
              () -> SessionExtractParams.builder().schema((Map<String, ?>) null), "schema"),
          check("SessionExecuteAgentParams.agentConfig",
              () -> SessionExecuteAgentParams.builder().agentConfig(null), "agentConfig"),
          check("putAdditionalHeader name", () -> SessionEndParams.builder().putAdditionalHeader(null, "v"), "name"),
          check("putAdditionalHeader value", () -> SessionEndParams.builder().putAdditionalHeader("n", null),
              "value"),
          check("putAdditionalQueryParam value",
              () -> SessionReplayParams.builder().putAdditionalQueryParam("n", null), "value"),
          check("putAdditionalProperty name", () -> ModelConfig.builder().putAdditionalProperty(null, 1), "name"),
          check("ActOptions.model(String)", () -> ActOptions.builder().model((String) null), "model"),
          check("ActOptions.model(ModelConfig)", () -> ActOptions.builder().model((ModelConfig) null), "model"),
          check("ObserveOptions.model(String)", () -> ObserveOptions.builder().model((String) null), "model"),
          check("ExtractOptions.model(ModelConfig)",
              () -> ExtractOptions.builder().model((ModelConfig) null), "model"),
          check("AgentConfig.model(String)", () -> AgentConfig.builder().model((String) null), "model"),
          check("AgentConfig.executionModel(String)",
              () -> AgentConfig.builder().executionModel((String) null), "executionModel"),
          check("AgentConfig.executionModel(ModelConfig)",
              () -> AgentConfig.builder().executionModel((ModelConfig) null), "executionModel"),
          check("ActOptions.putVariable value",
              () -> ActOptions.builder().putVariable("v", (VariableValue) null), "value"),
          check("ActOptions.variables", () -> ActOptions.builder().variables(null), "variables"),
          check("ModelConfig.apiKey", () -> ModelConfig.builder().apiKey(null), "apiKey"),
          check("ModelConfig.headers", () -> ModelConfig.builder().headers(null), "headers"),
          check("ModelConfig.auth", () -> ModelConfig.builder().auth(null), "auth"),
          check("ModelConfig.providerOptions", () -> ModelConfig.builder().providerOptions(null), "providerOptions"),
          check("GoogleServiceAccountAuth.scopes(String)",
              () -> GoogleServiceAccountAuth.builder().scopes((String) null), "scopes"),
          check("GoogleServiceAccountAuth.scopes(List)",
              () -> GoogleServiceAccountAuth.builder().scopes((List<String>) null), "scopes"),
          check("GoogleServiceAccountCredentials.privateKey",
              () -> GoogleServiceAccountCredentials.builder().privateKey(null), "privateKey"),
          check("AzureEntraIdAuth.token", () -> AzureEntraIdAuth.builder().token(null), "token"),
          check("BrowserbaseSessionCreateParams.proxies(List)",
              () -> BrowserbaseSessionCreateParams.builder().proxies((List<ProxyConfig>) null), "proxies"),
          check("BrowserbaseSessionCreateParams.region",
              () -> BrowserbaseSessionCreateParams.builder().region(null), "region"),
          check("LocalBrowserLaunchOptions.ignoreDefaultArgs(List)",
              () -> LocalBrowserLaunchOptions.builder().ignoreDefaultArgs((List<String>) null), "ignoreDefaultArgs"),
          check("LocalBrowserLaunchOptions.addArg", () -> LocalBrowserLaunchOptions.builder().addArg(null), "arg"),
          check("ExternalProxyConfig.password", () -> ExternalProxyConfig.builder().password(null), "password"),
          check("Action.addArgument", () -> Action.builder().addArgument(null), "argument"),
          check("VariableValue.of(String)", () -> VariableValue.of((String) null), "value"),
          check("VariableValue.of(Number)", () -> VariableValue.of((Number) null), "value"),
          check("VariableValue.withDescription", () -> VariableValue.of("v").withDescription(null), "description"),
          check("StreamEventStatus.of", () -> StreamEventStatus.of(null), "value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullSetters")
    void nullArgumentIsRejectedWithItsName(String name, ThrowingCallable call, String argument) {
      assertThatThrownBy(call)
          .isInstanceOf(NullPointerException.class)
          .hasMessage(argument + " == null");
    }

    @Test
    void listsWithANullElementAreRejected() {
      List<String> withNull = new ArrayList<>();
      withNull.add("a");
      withNull.add(null);

      assertThatThrownBy(() -> Action.builder().selector("s").description("d").arguments(withNull).build())
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("arguments");
      assertThatThrownBy(() -> LocalBrowserLaunchOptions.builder().ignoreDefaultArgs(withNull))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("ignoreDefaultArgs");
    }
  }

  @Nested
  class Ranges {
    static Stream<Arguments> negativeValues() {
      return Stream.of(
          check("ActOptions.timeout", () -> ActOptions.builder().timeout(-1), "timeout"),
          check("ObserveOptions.timeout", () -> ObserveOptions.builder().timeout(-1), "timeout"),
          check("ExtractOptions.timeout", () -> ExtractOptions.builder().timeout(-1), "timeout"),
          check("NavigateOptions.timeout", () -> NavigateOptions.builder().timeout(-5), "timeout"),
          check("AgentExecuteOptions.maxSteps", () -> AgentExecuteOptions.builder().maxSteps(-1), "maxSteps"),
          check("AgentExecuteOptions.toolTimeout", () -> AgentExecuteOptions.builder().toolTimeout(-1),
              "toolTimeout"),
          check("SessionStartParams.domSettleTimeoutMs",
              () -> SessionStartParams.builder().domSettleTimeoutMs(-1), "domSettleTimeoutMs"),
          check("SessionStartParams.actTimeoutMs", () -> SessionStartParams.builder().actTimeoutMs(-1),
              "actTimeoutMs"),
          check("BrowserbaseSessionCreateParams.timeout",
              () -> BrowserbaseSessionCreateParams.builder().timeout(-1), "timeout"),
          check("LocalBrowserLaunchOptions.port", () -> LocalBrowserLaunchOptions.builder().port(-1), "port"),
          check("LocalBrowserLaunchOptions.connectTimeoutMs",
              () -> LocalBrowserLaunchOptions.builder().connectTimeoutMs(-1), "connectTimeoutMs"),
          check("LocalBrowserLaunchOptions.deviceScaleFactor",
              () -> LocalBrowserLaunchOptions.builder().deviceScaleFactor(-0.5), "deviceScaleFactor"),
          check("LocalBrowserLaunchOptions.Viewport.width",
              () -> LocalBrowserLaunchOptions.Viewport.builder().width(-1), "width"),
          check("BrowserbaseViewport.height", () -> BrowserbaseViewport.builder().height(-1), "height"),
          check("BrowserbaseFingerprintScreen.minWidth",
              () -> BrowserbaseFingerprintScreen.builder().minWidth(-1), "minWidth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negativeValues")
    void negativeCountOrDurationIsRejectedWithItsName(String name, ThrowingCallable call, String field) {
      assertThatThrownBy(call)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(field);
    }

    @Test
    void zeroCountsAndDurationsAreAccepted() {
      ActOptions options = ActOptions.builder().timeout(0).build();
      AgentExecuteOptions execute = AgentExecuteOptions.builder().instruction("i").maxSteps(0).toolTimeout(0).build();

      assertThat(options.timeout()).contains(0);
      assertThat(execute.maxSteps()).contains(0);
      assertThat(execute.toolTimeout()).contains(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, -1, 10})
    void verboseOutsideZeroToTwoIsRejected(int verbose) {
      assertThatThrownBy(() -> SessionStartParams.builder().verbose(verbose))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("verbose");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void verboseFromZeroToTwoIsAccepted(int verbose) {
      assertThat(SessionStartParams.builder().modelName("m").verbose(verbose).build().verbose()).contains(verbose);
    }
  }

  @Nested
  class Copies {
    @Test
    void toBuilderGivesAnEqualCopy() {
      List<Object> objects = List.of(
          RequestSerializationTest.fullStartParams(),
          RequestSerializationTest.vertexModel(),
          RequestSerializationTest.azureEntraModel(),
          SessionActParams.builder().id("s").input("x")
              .putAdditionalHeader("h", "1").putAdditionalQueryParam("q", "2").putAdditionalBodyProperty("b", 3)
              .build(),
          parse(ResponseParsingTest.EXECUTE_AGENT, SessionExecuteAgentResponse.class),
          parse(ResponseParsingTest.REPLAY, SessionReplayResponse.class));

      for (Object object : objects) {
        Object copy = rebuild(object);

        assertThat(copy).as(object.getClass().getSimpleName()).isEqualTo(object).hasSameHashCodeAs(object)
            .isNotSameAs(object);
      }
    }

    private Object rebuild(Object object) {
      if (object instanceof SessionStartParams p) {
        return p.toBuilder().build();
      }
      if (object instanceof ModelConfig m) {
        return m.toBuilder().build();
      }
      if (object instanceof SessionActParams p) {
        return p.toBuilder().build();
      }
      if (object instanceof SessionExecuteAgentResponse r) {
        return r.toBuilder().build();
      }
      if (object instanceof SessionReplayResponse r) {
        return r.toBuilder().build();
      }
      throw new AssertionError(object.getClass());
    }

    @Test
    void changingACopyLeavesTheOriginalUnchanged() {
      ModelConfig original = ModelConfig.builder().modelName("m").putHeader("A", "1").build();

      ModelConfig changed = original.toBuilder().modelName("n").putHeader("B", "2")
          .putAdditionalProperty("x", 1).build();

      assertThat(original.modelName()).isEqualTo("m");
      assertThat(original.headers()).containsExactly(Map.entry("A", "1"));
      assertThat(original.additionalProperties()).isEmpty();
      assertThat(changed.modelName()).isEqualTo("n");
      assertThat(changed.headers()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
      assertThat(changed).isNotEqualTo(original);
    }

    @Test
    void changingACopyOfParamsLeavesTheOriginalsHeadersAndVariablesUnchanged() {
      SessionActParams original = SessionActParams.builder()
          .id("s").input("x")
          .options(ActOptions.builder().putVariable("a", "1").build())
          .putAdditionalHeader("h", "1")
          .putAdditionalQueryParam("q", "1")
          .build();

      SessionActParams changed = original.toBuilder()
          .id("t")
          .options(original.options().orElseThrow().toBuilder().putVariable("b", "2").build())
          .putAdditionalHeader("h", "2")
          .putAdditionalQueryParam("q", "2")
          .build();

      assertThat(original.id()).isEqualTo("s");
      assertThat(original.options().orElseThrow().variables()).containsOnlyKeys("a");
      assertThat(original.additionalHeaders()).containsExactly(Map.entry("h", List.of("1")));
      assertThat(original.additionalQueryParams()).containsExactly(Map.entry("q", List.of("1")));
      assertThat(changed.id()).isEqualTo("t");
      assertThat(changed.options().orElseThrow().variables()).containsOnlyKeys("a", "b");
      assertThat(changed.additionalHeaders()).containsExactly(Map.entry("h", List.of("1", "2")));
    }

    @Test
    void changingACopyOfAParsedResponseLeavesItUnchanged() {
      SessionActResponse original = parse(ResponseParsingTest.ACT, SessionActResponse.class);
      ActResultData result = original.data().result();

      ActResultData changed = result.toBuilder()
          .addAction(Action.builder().selector("#new").description("new").build())
          .message("changed")
          .build();

      assertThat(result.actions()).hasSize(1);
      assertThat(result.message()).isEqualTo("Successfully clicked the login button");
      assertThat(changed.actions()).hasSize(2);
      assertThat(changed.message()).isEqualTo("changed");
    }

    @Test
    void changingTheGivenCollectionsAfterBuildLeavesTheObjectUnchanged() {
      List<String> arguments = new ArrayList<>(List.of("a"));
      Map<String, String> headers = new HashMap<>(Map.of("A", "1"));
      Map<String, VariableValue> variables = new LinkedHashMap<>(Map.of("v", VariableValue.of(1)));
      List<String> ignored = new ArrayList<>(List.of("--x"));
      List<ProxyConfig> proxies = new ArrayList<>(List.of(BrowserbaseProxyConfig.builder().build()));

      Action action = Action.builder().selector("s").description("d").arguments(arguments).build();
      ModelConfig model = ModelConfig.builder().modelName("m").headers(headers).build();
      ActOptions options = ActOptions.builder().variables(variables).build();
      LocalBrowserLaunchOptions launch = LocalBrowserLaunchOptions.builder().ignoreDefaultArgs(ignored).build();
      BrowserbaseSessionCreateParams bb = BrowserbaseSessionCreateParams.builder().proxies(proxies).build();
      arguments.add("b");
      headers.put("B", "2");
      variables.put("w", VariableValue.of(2));
      ignored.add("--y");
      proxies.add(ExternalProxyConfig.builder().server("s").build());

      assertThat(action.arguments()).containsExactly("a");
      assertThat(model.headers()).containsOnlyKeys("A");
      assertThat(options.variables()).containsOnlyKeys("v");
      assertThat(launch.ignoredDefaultArgs()).contains(List.of("--x"));
      assertThat(bb.proxyList().orElseThrow()).hasSize(1);
    }

    @Test
    void builderCanBeReusedWithoutChangingWhatItBuiltBefore() {
      Action.Builder builder = Action.builder().selector("s").description("d").addArgument("a");
      Action first = builder.build();

      builder.addArgument("b");
      Action second = builder.build();

      assertThat(first.arguments()).containsExactly("a");
      assertThat(second.arguments()).containsExactly("a", "b");
    }

    @Test
    void changingTheGivenSchemaNodeAfterBuildLeavesTheParamsUnchanged() {
      ObjectNode schema = (ObjectNode) tree("{\"type\": \"object\"}");
      SessionExtractParams params = SessionExtractParams.builder().id("s").schema(schema).build();

      schema.put("type", "array");

      assertThat(params.schema().orElseThrow().get("type").textValue()).isEqualTo("object");
      assertThat(written(params).at("/schema/type").textValue()).isEqualTo("object");
    }
  }

  @Nested
  class Unmodifiable {
    @Test
    void returnedListsAndMapsOfBuiltObjectsAreUnmodifiable() {
      SessionStartParams start = RequestSerializationTest.fullStartParams();
      LocalBrowserLaunchOptions launch = start.browser().orElseThrow().launchOptions().orElseThrow();
      BrowserbaseSessionCreateParams bb = start.browserbaseSessionCreateParams().orElseThrow();
      BrowserbaseFingerprint fingerprint = bb.browserSettings().orElseThrow().fingerprint().orElseThrow();
      ModelConfig vertex = RequestSerializationTest.vertexModel();
      GoogleServiceAccountAuth auth = (GoogleServiceAccountAuth) vertex.auth().orElseThrow();
      ActOptions act = ActOptions.builder().putVariable("v", "1").build();
      ObserveOptions observe = ObserveOptions.builder().addIgnoreSelector("nav").putVariable("v", "1").build();
      SessionActParams params = SessionActParams.builder().id("s").input("x")
          .putAdditionalHeader("h", "1").putAdditionalQueryParam("q", "1").putAdditionalBodyProperty("b", 1).build();

      assertUnmodifiable(launch.args());
      assertUnmodifiable(launch.ignoredDefaultArgs().orElseThrow());
      assertUnmodifiable(launch.cdpHeaders());
      assertUnmodifiable(bb.proxyList().orElseThrow());
      assertUnmodifiable(bb.userMetadata());
      assertUnmodifiable(fingerprint.browsers());
      assertUnmodifiable(fingerprint.locales());
      assertUnmodifiable(vertex.headers());
      assertUnmodifiable(auth.scopeList().orElseThrow());
      assertUnmodifiable(act.variables());
      assertUnmodifiable(observe.ignoreSelectors());
      assertUnmodifiable(observe.variables());
      assertUnmodifiable(params.additionalHeaders());
      assertUnmodifiable(params.additionalHeaders().get("h"));
      assertUnmodifiable(params.additionalQueryParams());
      assertUnmodifiable(params.additionalQueryParams().get("q"));
      assertUnmodifiable(params.additionalProperties());
    }

    @Test
    void returnedListsAndMapsOfParsedResponsesAreUnmodifiable() {
      SessionActResponse act = parse(ResponseParsingTest.ACT, SessionActResponse.class);
      SessionObserveResponse observe = parse(ResponseParsingTest.OBSERVE, SessionObserveResponse.class);
      SessionExecuteAgentResponse agent = parse(ResponseParsingTest.EXECUTE_AGENT, SessionExecuteAgentResponse.class);
      SessionReplayResponse replay = parse(ResponseParsingTest.REPLAY, SessionReplayResponse.class);
      SessionEndResponse end = parse("{\"success\": true, \"x\": 1}", SessionEndResponse.class);

      assertUnmodifiable(act.data().result().actions());
      assertUnmodifiable(act.data().result().actions().get(0).arguments());
      assertUnmodifiable(observe.data().result());
      assertUnmodifiable(agent.data().result().actions());
      assertUnmodifiable(agent.data().result().metadata());
      assertUnmodifiable(replay.data().pages());
      assertUnmodifiable(replay.data().pages().get(0).actions());
      assertUnmodifiable(replay.data().pages().get(0).actions().get(0).parameters());
      assertUnmodifiable(replay.data().pages().get(0).actions().get(0).result());
      assertUnmodifiable(end.additionalProperties());
    }

    @Test
    void unsetListsAndMapsAreEmptyAndUnmodifiable() {
      Action action = Action.builder().selector("s").description("d").build();
      ModelConfig model = ModelConfig.builder().modelName("m").build();
      SessionEndParams end = SessionEndParams.builder().id("s").build();

      assertThat(action.arguments()).isEmpty();
      assertThat(model.headers()).isEmpty();
      assertThat(model.additionalProperties()).isEmpty();
      assertThat(end.additionalHeaders()).isEmpty();
      assertThat(end.additionalQueryParams()).isEmpty();
      assertUnmodifiable(action.arguments());
      assertUnmodifiable(model.headers());
      assertUnmodifiable(model.additionalProperties());
      assertUnmodifiable(end.additionalHeaders());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void assertUnmodifiable(Object collection) {
      if (collection instanceof List list) {
        assertThatThrownBy(() -> list.add(list.isEmpty() ? "x" : list.get(0)))
            .isInstanceOf(UnsupportedOperationException.class);
        if (!list.isEmpty()) {
          assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        }
      } else if (collection instanceof Map map) {
        assertThatThrownBy(() -> map.put("new-key", null)).isInstanceOf(UnsupportedOperationException.class);
        if (!map.isEmpty()) {
          assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        }
      } else {
        throw new AssertionError("not a list or map: " + collection);
      }
    }
  }

  @Nested
  class ExtraProperties {
    @Test
    void additionalPropertiesAreKeptWrittenAndRemovable() {
      ModelConfig config = ModelConfig.builder()
          .modelName("m")
          .putAdditionalProperty("temperature", 0.2)
          .putAdditionalProperty("stop", List.of("END"))
          .putAdditionalProperty("gone", true)
          .removeAdditionalProperty("gone")
          .build();

      assertThat(config.additionalProperties()).containsOnlyKeys("temperature", "stop");
      assertThat(config.additionalProperties().get("temperature").doubleValue()).isEqualTo(0.2);
      assertThat(config.additionalProperties().get("stop")).isEqualTo(tree("[\"END\"]"));
      assertThat(written(config)).isEqualTo(tree("{\"modelName\": \"m\", \"temperature\": 0.2, \"stop\": [\"END\"]}"));
    }

    @Test
    void additionalHeadersAndQueryParamsAreKeptWithEveryValue() {
      SessionObserveParams params = SessionObserveParams.builder()
          .id("s")
          .putAdditionalHeader("X-A", "1")
          .putAdditionalHeader("X-A", "2")
          .putAdditionalHeader("X-B", "3")
          .putAdditionalQueryParam("q", "x")
          .putAdditionalQueryParam("q", "y")
          .build();

      assertThat(params.additionalHeaders())
          .containsExactly(Map.entry("X-A", List.of("1", "2")), Map.entry("X-B", List.of("3")));
      assertThat(params.additionalQueryParams()).containsExactly(Map.entry("q", List.of("x", "y")));
    }

    @Test
    void additionalBodyPropertiesAreTheAdditionalPropertiesOfParams() {
      SessionStartParams params = SessionStartParams.builder()
          .modelName("m")
          .putAdditionalBodyProperty("experimentalFlag", Map.of("on", true))
          .build();

      assertThat(params.additionalProperties()).containsOnlyKeys("experimentalFlag");
      assertThat(params.additionalProperties().get("experimentalFlag")).isEqualTo(tree("{\"on\": true}"));
    }

    @Test
    void additionalPropertiesTakePartInEquality() {
      Action plain = Action.builder().selector("s").description("d").build();
      Action extra = plain.toBuilder().putAdditionalProperty("frameId", "f").build();

      assertThat(extra).isNotEqualTo(plain);
      assertThat(extra.toBuilder().removeAdditionalProperty("frameId").build()).isEqualTo(plain);
    }

    @Test
    void paramsDifferingOnlyInIdOrHeadersAreNotEqual() {
      SessionEndParams a = SessionEndParams.builder().id("a").build();

      assertThat(SessionEndParams.builder().id("b").build()).isNotEqualTo(a);
      assertThat(a.toBuilder().putAdditionalHeader("h", "v").build()).isNotEqualTo(a);
      assertThat(a.toBuilder().putAdditionalQueryParam("q", "v").build()).isNotEqualTo(a);
      assertThat(SessionEndParams.builder().id("a").build()).isEqualTo(a).hasSameHashCodeAs(a);
    }
  }
}
