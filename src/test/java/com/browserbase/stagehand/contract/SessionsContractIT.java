package com.browserbase.stagehand.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.errors.UnauthorizedException;
import com.browserbase.stagehand.errors.UnprocessableEntityException;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.models.sessions.*;
import com.browserbase.stagehand.services.SessionService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK against a Prism mock server of the official OpenAPI spec in its strict mode: each of the
 * eight operations, blocking and streaming where the operation streams, once with only the required
 * fields and once with every field the spec defines (every union form too). Each request must be
 * accepted by Prism (an invalid one is answered 422 with the violations), and each response must parse
 * and pass {@code validate()} with every property it has modelled. Prism answers a streaming request
 * with plain JSON (the spec lists no event stream), which the streaming methods deliver as their final
 * result. The last test checks, from the bodies that went over the wire, that every request property and
 * union form of the spec was sent.
 */
@ExtendWith(Prism.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsContractIT {
  private static final String SESSION = "c4dbf3a9-9a58-4b22-8a1c-9f20f9f9e123";
  /** Models whose spec schema allows properties it does not name ({@code additionalProperties: {}}). */
  private static final Set<Class<?>> OPEN_MODELS = Set.of(AgentAction.class);

  private static final Exchanges exchanges = new Exchanges();
  private static RequestCoverage coverage;
  private static String baseUrl;
  private static StagehandClient client;
  private static SessionService sessions;

  @BeforeAll
  static void connect(Prism.Server prism) {
    coverage = new RequestCoverage(Spec.load(Spec.path()));
    baseUrl = prism.baseUrl();
    client = StagehandOkHttpClient.builder()
        .baseUrl(prism.baseUrl())
        .browserbaseApiKey("bb_contract_key")
        .browserbaseProjectId("contract-project")
        .modelApiKey("sk-contract")
        .maxRetries(0)
        .responseValidation(true) // every response and stream event validated as it arrives, too
        .okHttpClient(new OkHttpClient.Builder().addNetworkInterceptor(exchanges).build())
        .build();
    sessions = client.sessions();
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      client.close();
    }
  }

  // start

  @Test
  void startWithRequiredFields() {
    SessionStartResponse response = accepted("SessionStart", () -> sessions.start(
        SessionStartParams.builder().modelName("openai/gpt-5-nano").build()));
    parsed(response);
    assertThat(response.data().sessionId()).isNotEmpty();
  }

  @Test
  void startWithEveryField() {
    parsed(accepted("SessionStart", () -> sessions.start(Fixtures.fullStart().build())));
  }

  @Test
  void startWithTheOtherUnionForms() {
    SessionStartParams full = Fixtures.fullStart().build();
    parsed(accepted("SessionStart", () -> sessions.start(full.toBuilder()
        .browserbaseSessionCreateParams(full.browserbaseSessionCreateParams().get().toBuilder().proxies(true).build())
        .browser(full.browser().get().toBuilder()
            .launchOptions(full.browser().get().launchOptions().get().toBuilder().ignoreDefaultArgs(true).build())
            .build())
        .build())));
  }

  // navigate

  @Test
  void navigateWithRequiredFields() {
    SessionNavigateParams params = SessionNavigateParams.builder().id(SESSION).url("https://example.com").build();
    SessionNavigateResponse blocking = parsed(accepted("SessionNavigate", () -> sessions.navigate(params)));
    assertSameJson(streamed("SessionNavigate", () -> sessions.navigateStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void navigateWithEveryField() {
    SessionNavigateParams params = SessionNavigateParams.builder()
        .id(SESSION)
        .url("https://example.com/docs")
        .options(NavigateOptions.builder()
            .referer("https://example.com/")
            .timeout(30_000)
            .waitUntil(NavigateOptions.WaitUntil.NETWORKIDLE)
            .build())
        .frameId("frame-1")
        .build();
    SessionNavigateResponse blocking = parsed(accepted("SessionNavigate", () -> sessions.navigate(params)));
    assertSameJson(streamed("SessionNavigate", () -> sessions.navigateStreaming(params)), resultOf(blocking.data()));
  }

  // act

  @Test
  void actWithRequiredFields() {
    SessionActParams params = SessionActParams.builder().id(SESSION).input("click the login button").build();
    SessionActResponse blocking = parsed(accepted("SessionAct", () -> sessions.act(params)));
    assertThat(blocking.data().result().actions()).isNotEmpty();
    assertSameJson(streamed("SessionAct", () -> sessions.actStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void actWithEveryField() {
    SessionActParams params = SessionActParams.builder()
        .id(SESSION)
        .input(Fixtures.fullAction())
        .options(ActOptions.builder()
            .model(Fixtures.genericModel())
            .putVariable("username", "john_doe")
            .putVariable("attempts", VariableValue.of(3))
            .putVariable("remember", VariableValue.of(true))
            .putVariable("password", VariableValue.of("secret123").withDescription("The login password"))
            .timeout(30_000)
            .build())
        .frameId("frame-1")
        .build();
    SessionActResponse blocking = parsed(accepted("SessionAct", () -> sessions.act(params)));
    assertSameJson(streamed("SessionAct", () -> sessions.actStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void actWithTheOtherUnionForms() {
    for (ActOptions options : List.of(
        ActOptions.builder().model("openai/gpt-5-nano").build(),
        ActOptions.builder().model(Fixtures.vertexModel(false)).build(),
        ActOptions.builder().model(Fixtures.azureEntraModel()).build(),
        ActOptions.builder().model(Fixtures.azureApiKeyModel()).build())) {
      SessionActParams params = SessionActParams.builder().id(SESSION).input("click the login button").options(options).build();
      parsed(accepted("SessionAct", () -> sessions.act(params)));
      streamed("SessionAct", () -> sessions.actStreaming(params));
    }
  }

  // observe

  @Test
  void observeWithRequiredFields() {
    SessionObserveParams params = SessionObserveParams.builder().id(SESSION).build();
    SessionObserveResponse blocking = parsed(accepted("SessionObserve", () -> sessions.observe(params)));
    assertSameJson(streamed("SessionObserve", () -> sessions.observeStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void observeWithEveryField() {
    SessionObserveParams params = SessionObserveParams.builder()
        .id(SESSION)
        .instruction("find all clickable navigation links")
        .options(ObserveOptions.builder()
            .model(Fixtures.vertexModel(true))
            .putVariable("username", VariableValue.of("john@example.com").withDescription("The login email"))
            .putVariable("rememberMe", VariableValue.of(true))
            .timeout(30_000)
            .selector("nav")
            .addIgnoreSelector(".cookie-banner")
            .addIgnoreSelector("#sidebar-ads")
            .build())
        .frameId("frame-1")
        .build();
    SessionObserveResponse blocking = parsed(accepted("SessionObserve", () -> sessions.observe(params)));
    assertSameJson(streamed("SessionObserve", () -> sessions.observeStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void observeWithTheOtherUnionForms() {
    SessionObserveParams params = SessionObserveParams.builder()
        .id(SESSION)
        .options(ObserveOptions.builder().model("openai/gpt-5-nano").build())
        .build();
    parsed(accepted("SessionObserve", () -> sessions.observe(params)));
    streamed("SessionObserve", () -> sessions.observeStreaming(params));
  }

  // extract

  @Test
  void extractWithRequiredFields() {
    SessionExtractParams params = SessionExtractParams.builder().id(SESSION).build();
    SessionExtractResponse blocking = parsed(accepted("SessionExtract", () -> sessions.extract(params)));
    assertSameJson(streamed("SessionExtract", () -> sessions.extractStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void extractWithEveryField() {
    SessionExtractParams params = SessionExtractParams.builder()
        .id(SESSION)
        .instruction("extract all product names and prices")
        .schema(Map.of("type", "object", "properties", Map.of("title", Map.of("type", "string"))))
        .options(ExtractOptions.builder()
            .model(Fixtures.azureEntraModel())
            .timeout(30_000)
            .selector("#main-content")
            .addIgnoreSelector("nav")
            .screenshot(true)
            .build())
        .frameId("frame-1")
        .build();
    SessionExtractResponse blocking = parsed(accepted("SessionExtract", () -> sessions.extract(params)));
    assertSameJson(streamed("SessionExtract", () -> sessions.extractStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void extractWithTheOtherUnionForms() {
    SessionExtractParams params = SessionExtractParams.builder()
        .id(SESSION)
        .options(ExtractOptions.builder().model("openai/gpt-5-nano").build())
        .build();
    parsed(accepted("SessionExtract", () -> sessions.extract(params)));
    streamed("SessionExtract", () -> sessions.extractStreaming(params));
  }

  // executeAgent

  @Test
  void executeAgentWithRequiredFields() {
    SessionExecuteAgentParams params = SessionExecuteAgentParams.builder()
        .id(SESSION)
        .agentConfig(AgentConfig.builder().build())
        .executeOptions(AgentExecuteOptions.builder().instruction("open the settings").build())
        .build();
    SessionExecuteAgentResponse blocking = parsed(accepted("SessionAgentExecute", () -> sessions.executeAgent(params)));
    assertSameJson(streamed("SessionAgentExecute", () -> sessions.executeAgentStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void executeAgentWithEveryField() {
    SessionExecuteAgentParams params = SessionExecuteAgentParams.builder()
        .id(SESSION)
        .agentConfig(AgentConfig.builder()
            .provider(ModelProvider.OPENAI)
            .model(Fixtures.azureApiKeyModel())
            .systemPrompt("You are a careful tester.")
            .cua(false)
            .mode(AgentConfig.Mode.HYBRID)
            .executionModel("openai/gpt-5-nano")
            .build())
        .executeOptions(AgentExecuteOptions.builder()
            .instruction("log in with %username% and open the settings")
            .maxSteps(20)
            .highlightCursor(true)
            .useSearch(false)
            .toolTimeout(30_000)
            .putVariable("username", "demo")
            .putVariable("password", VariableValue.of("test123").withDescription("The password"))
            .build())
        .frameId("frame-1")
        .shouldCache(true)
        .build();
    SessionExecuteAgentResponse blocking = parsed(accepted("SessionAgentExecute", () -> sessions.executeAgent(params)));
    assertSameJson(streamed("SessionAgentExecute", () -> sessions.executeAgentStreaming(params)), resultOf(blocking.data()));
  }

  @Test
  void executeAgentWithTheOtherUnionForms() {
    SessionExecuteAgentParams params = SessionExecuteAgentParams.builder()
        .id(SESSION)
        .agentConfig(AgentConfig.builder()
            .model("anthropic/claude-sonnet-4-5")
            .executionModel(Fixtures.genericModel())
            .build())
        .executeOptions(AgentExecuteOptions.builder().instruction("open the settings").build())
        .build();
    parsed(accepted("SessionAgentExecute", () -> sessions.executeAgent(params)));
    streamed("SessionAgentExecute", () -> sessions.executeAgentStreaming(params));
  }

  // replay and end: the session id is their only field, required

  @Test
  void replay() {
    SessionReplayResponse response =
        parsed(accepted("SessionReplay", () -> sessions.replay(SessionReplayParams.builder().id(SESSION).build())));
    assertThat(response.data().pages()).isNotEmpty();
    Exchange exchange = exchanges.last();
    assertThat(exchange.method).isEqualTo("GET");
    assertThat(exchange.requestBody).isNull();
  }

  @Test
  void endSendsNoBody() {
    SessionEndResponse response =
        parsed(accepted("SessionEnd", () -> sessions.end(SessionEndParams.builder().id(SESSION).build())));
    assertThat(response.success()).isTrue();
    Exchange exchange = exchanges.last();
    assertThat(exchange.method).isEqualTo("POST");
    assertThat(exchange.requestBody).as("end has no request body in the spec").isNull();
    assertThat(exchange.requestHeader("Content-Type")).isNull();
  }

  // what makes the suite's passes mean something

  @Test
  void prismAnswersAnInvalidRequestWith422AndTheViolations() {
    SessionActParams invalid = SessionActParams.builder()
        .id(SESSION)
        .input("click the login button")
        .putAdditionalBodyProperty("frameId", 42) // the spec: a string or null
        .build();
    assertThatThrownBy(() -> sessions.act(invalid))
        .isInstanceOfSatisfying(UnprocessableEntityException.class,
            e -> assertThat(e.body()).contains("frameId").contains("must be string"));
  }

  @Test
  void prismRequiresTheProjectIdHeader() {
    try (StagehandClient withoutProject = StagehandOkHttpClient.builder()
        .baseUrl(baseUrl).browserbaseApiKey("bb_contract_key").maxRetries(0).build()) {
      assertThatThrownBy(() -> withoutProject.sessions().replay(SessionReplayParams.builder().id(SESSION).build()))
          .isInstanceOf(UnauthorizedException.class);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyRequestPropertyAndUnionFormOfTheSpecWasSent() {
    assertThat(coverage.unmatched()).as("values that match no form of their union").isEmpty();
    assertThat(coverage.missing()).as("request properties and union forms of the spec no test sent").isEmpty();
    System.out.println("[contract] Sent every one of the spec's " + coverage.expectedCount()
        + " request properties and union forms; Prism accepted " + exchanges.accepted() + " requests");
  }

  // helpers

  /** Runs one call; it must be one exchange that Prism accepted with 200 and no violation. */
  private static <T> T accepted(String operationId, Supplier<T> call) {
    int before = exchanges.size();
    T result;
    try {
      result = call.get();
    } catch (StagehandServiceException e) {
      throw new AssertionError(operationId + ": Prism rejected the request with " + e.statusCode() + ": " + e.body(), e);
    }
    assertThat(exchanges.size()).as("HTTP exchanges of one call").isEqualTo(before + 1);
    Exchange exchange = exchanges.last();
    assertThat(exchange.status).as("status of %s %s", exchange.method, exchange.path).isEqualTo(200);
    assertThat(exchange.responseHeader("sl-violations")).as("violations Prism reported").isNull();
    assertThat(exchange.requestHeader("x-bb-api-key")).isEqualTo("bb_contract_key");
    assertThat(exchange.requestHeader("x-bb-project-id")).isEqualTo("contract-project");
    if (exchange.requestBody != null) {
      assertThat(exchange.requestHeader("Content-Type")).startsWith("application/json");
      coverage.record(operationId, tree(exchange.requestBody));
    }
    return result;
  }

  /**
   * Runs a streaming call against a server that answers with plain JSON: one {@code finished} event
   * whose result is what a real stream's finished event carries, the operation's {@code data.result}.
   */
  private static JsonNode streamed(String operationId, Supplier<StreamResponse<StreamEvent>> call) {
    List<StreamEvent> events;
    try (StreamResponse<StreamEvent> stream = accepted(operationId, call)) {
      events = stream.stream().collect(Collectors.toList());
    }
    Exchange exchange = exchanges.last();
    assertThat(exchange.requestHeader("x-stream-response")).isEqualTo("true");
    assertThat(tree(exchange.requestBody).path("streamResponse").asBoolean()).as("streamResponse in the body").isTrue();
    assertThat(exchange.responseHeader("Content-Type")).startsWith("application/json");

    assertThat(events).as("events of a JSON answer to a streaming request").hasSize(1);
    StreamEvent finished = events.get(0).validate();
    assertThat(finished.type()).isEqualTo(StreamEventType.SYSTEM);
    assertThat(finished.data().status()).isEqualTo(StreamEventStatus.FINISHED);
    return normalized(finished.data().result().orElseThrow(() -> new AssertionError("no result in " + finished)));
  }

  /** The {@code result} of a blocking response's {@code data}, as JSON. */
  private static JsonNode resultOf(Object data) {
    return normalized(Json.MAPPER.<JsonNode>valueToTree(data).get("result"));
  }

  /** Asserts the trees are equal with numbers compared by value (2500 equals 2500.0). */
  private static void assertSameJson(JsonNode actual, JsonNode expected) {
    java.util.Comparator<JsonNode> byValue = (x, y) -> x.isNumber() && y.isNumber()
        ? x.decimalValue().compareTo(y.decimalValue())
        : (x.equals(y) ? 0 : 1);
    assertThat(actual.equals(byValue, expected)).as("streamed %s equals blocking %s", actual, expected).isTrue();
  }

  /** The tree as read from its text, so that numbers compare by value (a Long 0 equals an int 0). */
  private static JsonNode normalized(JsonNode node) {
    try {
      return Json.MAPPER.readTree(node.toString());
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** The model passes validate(), and every property the server sent is one the SDK models. */
  private static <T> T parsed(T model) {
    try {
      model.getClass().getMethod("validate").invoke(model);
    } catch (InvocationTargetException e) {
      throw new AssertionError(model.getClass().getSimpleName() + ".validate() failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    assertModelled(model, model.getClass().getSimpleName());
    return model;
  }

  private static void assertModelled(Object value, String where) {
    if (value instanceof Optional) {
      ((Optional<?>) value).ifPresent(v -> assertModelled(v, where));
      return;
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object element : (Collection<?>) value) {
        assertModelled(element, where + "[" + i++ + "]");
      }
      return;
    }
    if (value instanceof Map) {
      ((Map<?, ?>) value).forEach((k, v) -> assertModelled(v, where + "." + k));
      return;
    }
    if (value == null || !value.getClass().getPackage().getName().equals(AgentAction.class.getPackage().getName())) {
      return;
    }
    for (Method accessor : value.getClass().getMethods()) {
      if (accessor.getParameterCount() != 0 || Modifier.isStatic(accessor.getModifiers())
          || accessor.getDeclaringClass() != value.getClass()
          || Set.of("toBuilder", "validate", "hashCode", "toString").contains(accessor.getName())) {
        continue;
      }
      Object property;
      try {
        property = accessor.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(where + "." + accessor.getName() + "()", e);
      }
      if (accessor.getName().equals("additionalProperties")) {
        if (!OPEN_MODELS.contains(value.getClass())) {
          assertThat((Map<?, ?>) property).as("properties of %s the SDK does not model", where).isEmpty();
        }
      } else {
        assertModelled(property, where + "." + accessor.getName());
      }
    }
  }

  private static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }

  /** One request and its answer, as they went over the wire. */
  static final class Exchange {
    final String method;
    final String path;
    final Map<String, List<String>> requestHeaders;
    final String requestBody;
    final int status;
    final Map<String, List<String>> responseHeaders;

    Exchange(Request request, String requestBody, Response response) {
      this.method = request.method();
      this.path = request.url().encodedPath();
      this.requestHeaders = request.headers().toMultimap();
      this.requestBody = requestBody;
      this.status = response.code();
      this.responseHeaders = response.headers().toMultimap();
    }

    String requestHeader(String name) {
      List<String> values = requestHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }

    String responseHeader(String name) {
      List<String> values = responseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null ? null : String.join(",", values);
    }
  }

  /** Records every exchange as it goes over the wire (a network interceptor: after OkHttp's own headers). */
  static final class Exchanges implements Interceptor {
    private final List<Exchange> exchanges = new ArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      String body = null;
      if (request.body() != null && request.body().contentLength() != 0) {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        body = buffer.readUtf8();
      }
      Response response = chain.proceed(request);
      synchronized (this) {
        exchanges.add(new Exchange(request, body, response));
      }
      return response;
    }

    synchronized int size() {
      return exchanges.size();
    }

    synchronized long accepted() {
      return exchanges.stream().filter(e -> e.status == 200).count();
    }

    synchronized Exchange last() {
      return exchanges.get(exchanges.size() - 1);
    }
  }

  /** Requests with every field set. */
  static final class Fixtures {
    private Fixtures() {}

    static Action fullAction() {
      return Action.builder()
          .selector("[data-testid='submit-button']")
          .description("Click the submit button")
          .backendNodeId(42)
          .method("fill")
          .addArgument("Hello World")
          .build();
    }

    static ModelConfig genericModel() {
      return ModelConfig.builder()
          .modelName("openai/gpt-5-nano")
          .apiKey("sk-generic")
          .baseURL("https://api.openai.com/v1")
          .putHeader("x-team", "contract")
          .openaiEndpointFormat(ModelConfig.OpenaiEndpointFormat.CHAT)
          .provider(ModelProvider.OPENAI)
          .build();
    }

    /** Vertex AI, with every field; the scopes as a list or as one string. */
    static ModelConfig vertexModel(boolean scopeList) {
      GoogleServiceAccountAuth.Builder auth = GoogleServiceAccountAuth.builder()
          .credentials(GoogleServiceAccountCredentials.builder()
              .projectId("my-gcp-project")
              .privateKeyId("key-id")
              .privateKey("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n")
              .clientEmail("robot@my-gcp-project.iam.gserviceaccount.com")
              .clientId("1234567890")
              .authUri("https://accounts.google.com/o/oauth2/auth")
              .tokenUri("https://oauth2.googleapis.com/token")
              .authProviderX509CertUrl("https://www.googleapis.com/oauth2/v1/certs")
              .clientX509CertUrl("https://www.googleapis.com/robot/v1/metadata/x509/robot")
              .universeDomain("googleapis.com")
              .build())
          .projectId("my-gcp-project")
          .universeDomain("googleapis.com");
      if (scopeList) {
        auth.scopes(List.of("https://www.googleapis.com/auth/cloud-platform"));
      } else {
        auth.scopes("https://www.googleapis.com/auth/cloud-platform");
      }
      return ModelConfig.builder()
          .modelName("vertex/gemini-2.5-pro")
          .apiKey("vertex-key")
          .baseURL("https://us-central1-aiplatform.googleapis.com/v1")
          .putHeader("x-team", "contract")
          .provider(ModelProvider.VERTEX)
          .auth(auth.build())
          .providerOptions(ModelProviderOptions.vertex(VertexProviderOptions.builder()
              .project("my-gcp-project")
              .location("us-central1")
              .baseURL("https://us-central1-aiplatform.googleapis.com/v1")
              .putHeader("x-team", "contract")
              .build()))
          .build();
    }

    static AzureProviderOptions azureOptions() {
      return AzureProviderOptions.builder()
          .resourceName("my-azure-openai-resource")
          .baseURL("https://my-azure-openai-resource.openai.azure.com/openai")
          .apiVersion("2024-10-01-preview")
          .useDeploymentBasedUrls(true)
          .putHeader("x-team", "contract")
          .build();
    }

    static ModelConfig azureEntraModel() {
      return ModelConfig.builder()
          .modelName("azure/gpt-4o")
          .baseURL("https://my-azure-openai-resource.openai.azure.com/openai")
          .putHeader("x-team", "contract")
          .provider(ModelProvider.AZURE)
          .providerOptions(ModelProviderOptions.azure(azureOptions()))
          .auth(AzureEntraIdAuth.builder().token("entra-token").build())
          .build();
    }

    static ModelConfig azureApiKeyModel() {
      return ModelConfig.builder()
          .modelName("azure/gpt-4o")
          .apiKey("azure-key")
          .baseURL("https://my-azure-openai-resource.openai.azure.com/openai")
          .putHeader("x-team", "contract")
          .provider(ModelProvider.AZURE)
          .providerOptions(ModelProviderOptions.azure(azureOptions()))
          .build();
    }

    static SessionStartParams.Builder fullStart() {
      return SessionStartParams.builder()
          .modelName("openai/gpt-5-nano")
          .domSettleTimeoutMs(5_000)
          .verbose(2)
          .systemPrompt("Be precise.")
          .browserbaseSessionCreateParams(BrowserbaseSessionCreateParams.builder()
              .projectId("contract-project")
              .browserSettings(BrowserbaseBrowserSettings.builder()
                  .advancedStealth(true)
                  .blockAds(true)
                  .captchaImageSelector("#captcha-image")
                  .captchaInputSelector("#captcha-input")
                  .context(BrowserbaseContext.builder().id("context-1").persist(true).build())
                  .extensionId("extension-1")
                  .fingerprint(BrowserbaseFingerprint.builder()
                      .addBrowser(BrowserbaseFingerprint.Browser.CHROME)
                      .addDevice(BrowserbaseFingerprint.Device.DESKTOP)
                      .httpVersion(BrowserbaseFingerprint.HttpVersion.V2)
                      .addLocale("en-US")
                      .addOperatingSystem(BrowserbaseFingerprint.OperatingSystem.LINUX)
                      .screen(BrowserbaseFingerprintScreen.builder()
                          .maxHeight(1080).maxWidth(1920).minHeight(720).minWidth(1280).build())
                      .build())
                  .logSession(true)
                  .os(BrowserbaseBrowserSettings.Os.LINUX)
                  .recordSession(true)
                  .solveCaptchas(true)
                  .verified(false)
                  .viewport(BrowserbaseViewport.builder().width(1280).height(720).build())
                  .build())
              .extensionId("extension-1")
              .keepAlive(true)
              .proxies(List.of(
                  BrowserbaseProxyConfig.builder()
                      .domainPattern(".*\\.example\\.com")
                      .geolocation(BrowserbaseProxyGeolocation.builder().country("US").city("Austin").state("TX").build())
                      .build(),
                  ExternalProxyConfig.builder()
                      .server("http://proxy.example.com:8080")
                      .domainPattern(".*")
                      .username("proxy-user")
                      .password("proxy-password")
                      .build()))
              .region(BrowserbaseRegion.US_EAST_1)
              .timeout(3_600)
              .putUserMetadata("suite", "contract")
              .build())
          .browser(BrowserConfig.builder()
              .type(BrowserConfig.Type.LOCAL)
              .cdpUrl("ws://localhost:9222")
              .launchOptions(LocalBrowserLaunchOptions.builder()
                  .addArg("--disable-gpu")
                  .executablePath("/usr/bin/chromium")
                  .port(9222)
                  .userDataDir("/tmp/profile")
                  .preserveUserDataDir(true)
                  .headless(true)
                  .devtools(false)
                  .chromiumSandbox(false)
                  .ignoreDefaultArgs(List.of("--mute-audio"))
                  .proxy(LocalBrowserLaunchOptions.Proxy.builder()
                      .server("http://proxy.example.com:8080")
                      .bypass("localhost")
                      .username("proxy-user")
                      .password("proxy-password")
                      .build())
                  .locale("en-US")
                  .viewport(LocalBrowserLaunchOptions.Viewport.builder().width(1280).height(720).build())
                  .deviceScaleFactor(2.0)
                  .hasTouch(false)
                  .ignoreHTTPSErrors(true)
                  .cdpUrl("ws://localhost:9222/devtools/browser")
                  .putCdpHeader("Authorization", "Bearer cdp-token")
                  .connectTimeoutMs(10_000)
                  .downloadsPath("/tmp/downloads")
                  .acceptDownloads(true)
                  .build())
              .build())
          .selfHeal(true)
          .browserbaseSessionID("existing-session")
          .experimental(true)
          .waitForCaptchaSolves(false)
          .actTimeoutMs(60_000)
          .useTouch(false);
    }
  }
}
