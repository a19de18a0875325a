package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.AzureEntraIdAuth;
import com.browserbase.stagehand.models.sessions.AzureProviderOptions;
import com.browserbase.stagehand.models.sessions.BrowserConfig;
import com.browserbase.stagehand.models.sessions.BrowserbaseSessionCreateParams;
import com.browserbase.stagehand.models.sessions.ExternalProxyConfig;
import com.browserbase.stagehand.models.sessions.GoogleServiceAccountAuth;
import com.browserbase.stagehand.models.sessions.GoogleServiceAccountCredentials;
import com.browserbase.stagehand.models.sessions.LocalBrowserLaunchOptions;
import com.browserbase.stagehand.models.sessions.ModelConfig;
import com.browserbase.stagehand.models.sessions.ModelProvider;
import com.browserbase.stagehand.models.sessions.ModelProviderOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionObserveParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.VariableValue;
import com.browserbase.stagehand.models.sessions.VertexProviderOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What the SDK logs on {@code com.browserbase.stagehand.http}, and that secrets never reach a log or a toString. */
class LoggingTest {
  private static final String SESSION = "sess-1";
  private static final String HTTP_LOGGER = "com.browserbase.stagehand.http";

  private static final String BB_KEY = "bb_live_HEADERSECRET111";
  private static final String MODEL_KEY = "sk-HEADERSECRET222";
  private static final String CONFIG_API_KEY = "sk-CONFIGSECRET333";
  private static final String VARIABLE_VALUE = "hunter2-VARSECRET444";
  private static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----PKSECRET555-----END PRIVATE KEY-----";
  private static final String AZURE_TOKEN = "eyJ-AZURESECRET666";
  private static final String PROXY_PASSWORD = "PROXYSECRET777";
  private static final String MODEL_HEADER_VALUE = "Bearer HDRSECRET888";
  private static final String LOCAL_PROXY_PASSWORD = "LOCALPROXYSECRET999";
  private static final String CDP_HEADER_VALUE = "Basic CDPSECRET000";
  private static final List<String> SECRETS = Arrays.asList(
      BB_KEY, MODEL_KEY, CONFIG_API_KEY, VARIABLE_VALUE, "PKSECRET555", AZURE_TOKEN, PROXY_PASSWORD, "HDRSECRET888",
      LOCAL_PROXY_PASSWORD, "CDPSECRET000");

  private static final String ACT_OK = "{\"success\":true,\"data\":{\"result\":{\"success\":true,"
      + "\"message\":\"clicked the RESPONSEMARKER button\",\"actionDescription\":\"click\",\"actions\":[]}}}";
  private static final String OBSERVE_OK = "{\"success\":true,\"data\":{\"result\":[]}}";
  private static final String START_OK = "{\"success\":true,\"data\":{\"sessionId\":\"sess-1\",\"available\":true}}";
  private static final String AGENT_OK = "{\"success\":true,\"data\":{\"result\":{\"success\":true,"
      + "\"message\":\"ok\",\"actions\":[],\"completed\":true}}}";

  private final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());
  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b
      .browserbaseApiKey(BB_KEY)
      .modelApiKey(MODEL_KEY)
      .sleeper(sleeps::add));
  private MockWebServer server;
  private StagehandClient client;

  private Logger sdkLogger;
  private Level previousLevel;
  private boolean previousAdditive;
  private ListAppender<ILoggingEvent> appender;

  @BeforeEach
  void setUp() {
    server = mock.server();
    client = mock.client();

    // Capture everything the SDK logs, on any of its loggers, without printing it.
    sdkLogger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand");
    previousLevel = sdkLogger.getLevel();
    previousAdditive = sdkLogger.isAdditive();
    appender = new ListAppender<>();
    appender.start();
    sdkLogger.addAppender(appender);
    sdkLogger.setAdditive(false);
    sdkLogger.setLevel(Level.TRACE);
  }

  @AfterEach
  void tearDown() {
    sdkLogger.detachAppender(appender);
    appender.stop();
    sdkLogger.setLevel(previousLevel);
    sdkLogger.setAdditive(previousAdditive);
  }

  private StagehandClient newClient(String baseUrl) {
    return mock.newClient(b -> b.baseUrl(baseUrl));
  }

  private void level(Level level) {
    sdkLogger.setLevel(level);
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  private List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return new ArrayList<>(appender.list);
    }
  }

  private List<String> lines(Level level) {
    return events().stream()
        .filter(e -> e.getLevel() == level)
        .filter(e -> e.getLoggerName().equals(HTTP_LOGGER))
        .map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }

  /** Everything a log line could show: its message, its arguments, and the messages of its throwable chain. */
  private List<String> everythingLogged() {
    List<String> texts = new ArrayList<>();
    for (ILoggingEvent event : events()) {
      texts.add(event.getFormattedMessage());
      if (event.getArgumentArray() != null) {
        for (Object argument : event.getArgumentArray()) {
          texts.add(String.valueOf(argument));
        }
      }
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        texts.add(t.getClassName() + ": " + t.getMessage());
      }
      texts.add(String.valueOf(event.getMDCPropertyMap()));
    }
    return texts;
  }

  private void assertNoSecretLogged() {
    List<String> logged = everythingLogged();
    assertThat(logged).isNotEmpty();
    for (String secret : SECRETS) {
      assertThat(logged).as("log lines containing %s", secret).noneMatch(line -> line.contains(secret));
    }
  }

  private static SessionActParams actParams() {
    return SessionActParams.builder().id(SESSION).input("click the login button").build();
  }

  private static ModelConfig plainModel() {
    return ModelConfig.builder()
        .modelName("openai/gpt-5-nano")
        .apiKey(CONFIG_API_KEY)
        .baseURL("https://llm.example.com/v1")
        .putHeader("Authorization", MODEL_HEADER_VALUE)
        .build();
  }

  private static ModelConfig vertexModel() {
    return ModelConfig.builder()
        .modelName("vertex/gemini-2.5-pro")
        .provider(ModelProvider.VERTEX)
        .auth(GoogleServiceAccountAuth.builder()
            .credentials(GoogleServiceAccountCredentials.builder()
                .privateKey(PRIVATE_KEY)
                .clientEmail("robot@project.iam.gserviceaccount.com")
                .projectId("project")
                .build())
            .build())
        .providerOptions(ModelProviderOptions.vertex(
            VertexProviderOptions.builder().project("project").location("us-central1").build()))
        .build();
  }

  private static ModelConfig azureModel() {
    return ModelConfig.builder()
        .modelName("azure/gpt-4o")
        .provider(ModelProvider.AZURE)
        .auth(AzureEntraIdAuth.builder().token(AZURE_TOKEN).build())
        .providerOptions(ModelProviderOptions.azure(AzureProviderOptions.builder().resourceName("res").build()))
        .build();
  }

  private static SessionActParams actWithSecrets(ModelConfig model) {
    return SessionActParams.builder()
        .id(SESSION)
        .input("type %password% into the login form")
        .options(ActOptions.builder()
            .model(model)
            .putVariable("password", VARIABLE_VALUE)
            .putVariable("pin", VariableValue.of(VARIABLE_VALUE).withDescription("the pin"))
            .build())
        .build();
  }

  private static SessionStartParams startWithProxyPassword() {
    return SessionStartParams.builder()
        .modelName("openai/gpt-5-nano")
        .browserbaseSessionCreateParams(BrowserbaseSessionCreateParams.builder()
            .proxies(Collections.singletonList(ExternalProxyConfig.builder()
                .server("http://proxy.example.com:8080")
                .username("proxy-user")
                .password(PROXY_PASSWORD)
                .build()))
            .build())
        .build();
  }

  private static SessionStartParams startLocalBrowserWithProxyPassword() {
    return SessionStartParams.builder()
        .modelName("openai/gpt-5-nano")
        .browser(BrowserConfig.builder()
            .type(BrowserConfig.Type.LOCAL)
            .launchOptions(LocalBrowserLaunchOptions.builder()
                .headless(true)
                .proxy(LocalBrowserLaunchOptions.Proxy.builder()
                    .server("http://local-proxy.example.com:3128")
                    .username("local-user")
                    .password(LOCAL_PROXY_PASSWORD)
                    .build())
                .putCdpHeader("Authorization", CDP_HEADER_VALUE)
                .build())
            .build())
        .build();
  }

  private static SessionExecuteAgentParams agentWithSecrets() {
    return SessionExecuteAgentParams.builder()
        .id(SESSION)
        .agentConfig(AgentConfig.builder().model(plainModel()).executionModel(azureModel()).build())
        .executeOptions(AgentExecuteOptions.builder().instruction("log in").build())
        .build();
  }

  // --- DEBUG: one line per call, one per retry

  @Test
  void atDebugEachCallLogsOneLineWithMethodPathStatusDurationAndRetries() {
    level(Level.DEBUG);
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actParams());

    List<String> debug = lines(Level.DEBUG);
    assertThat(debug).hasSize(1);
    String line = debug.get(0);
    assertThat(line).contains("POST").contains("/v1/sessions/sess-1/act").contains("200");
    assertThat(Pattern.compile("\\d+ ?ms").matcher(line).find()).as("a duration in %s", line).isTrue();
    assertThat(line).containsPattern("\\b0 retr");
  }

  @Test
  void atDebugAnErrorStatusIsLoggedOnItsCallsLine() {
    level(Level.DEBUG);
    server.enqueue(json(404, "{\"success\":false,\"error\":\"Session not found\"}"));

    assertThatThrownBy(() -> client.sessions().act(actParams())).isInstanceOf(NotFoundException.class);

    List<String> debug = lines(Level.DEBUG);
    assertThat(debug).hasSize(1);
    assertThat(debug.get(0)).contains("POST").contains("/v1/sessions/sess-1/act").contains("404");
  }

  @Test
  void atDebugEachRetryIsLoggedWithItsReasonAndTheCallsLineCountsThem() {
    level(Level.DEBUG);
    server.enqueue(new MockResponse.Builder().code(503).setHeader("retry-after-ms", "10").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "20").body("{}").build());
    server.enqueue(json(200, OBSERVE_OK));

    client.sessions().observe(SessionObserveParams.builder().id(SESSION).instruction("find").build());

    List<String> debug = lines(Level.DEBUG);
    assertThat(debug).hasSize(3);
    assertThat(debug.get(0)).containsIgnoringCase("retr").contains("503").contains("/v1/sessions/sess-1/observe");
    assertThat(debug.get(1)).containsIgnoringCase("retr").contains("429");
    assertThat(debug.get(0)).contains("10 ms");
    assertThat(debug.get(1)).contains("20 ms");
    assertThat(debug.get(2)).contains("200").containsPattern("\\b2 retr");
  }

  @Test
  void atDebugAConnectionFailureRetryIsLoggedWithItsReason() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String deadUrl = closed.url("/").toString();
    closed.close();
    client.close();
    client = newClient(deadUrl);
    level(Level.DEBUG);

    assertThatThrownBy(() -> client.sessions().act(actParams())).isInstanceOf(StagehandIoException.class);

    List<String> debug = lines(Level.DEBUG);
    assertThat(debug).hasSize(3);
    assertThat(debug.subList(0, 2)).allSatisfy(line ->
        assertThat(line).containsIgnoringCase("retr").containsPattern("(?i)connect"));
    assertThat(debug.get(2)).contains("/v1/sessions/sess-1/act").containsPattern("\\b2 retr");
  }

  @Test
  void atDebugNoBodyIsLogged() {
    level(Level.DEBUG);
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actParams());

    assertThat(everythingLogged())
        .noneMatch(line -> line.contains("click the login button"))
        .noneMatch(line -> line.contains("RESPONSEMARKER"));
  }

  @Test
  void atInfoTheSdkIsSilent() {
    level(Level.INFO);
    server.enqueue(json(503, "{}"));
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actParams());

    assertThat(events()).isEmpty();
  }

  // --- TRACE: bodies, with secrets masked

  @Test
  void atTraceRequestAndResponseBodiesAreLogged() {
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actParams());

    List<String> trace = lines(Level.TRACE);
    assertThat(trace).anyMatch(line -> line.contains("click the login button"));
    assertThat(trace).anyMatch(line -> line.contains("RESPONSEMARKER"));
  }

  @Test
  void atTraceTheModelApiKeyModelHeadersAndVariableValuesAreMasked() {
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actWithSecrets(plainModel()));

    List<String> trace = lines(Level.TRACE);
    assertThat(trace).anyMatch(line -> line.contains("type %password% into the login form")
        && line.contains("password") && line.contains("pin") && line.contains("***"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceAVertexPrivateKeyIsMasked() {
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actWithSecrets(vertexModel()));

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.contains("robot@project.iam.gserviceaccount.com"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceAnAzureTokenIsMasked() {
    server.enqueue(json(200, ACT_OK));

    client.sessions().act(actWithSecrets(azureModel()));

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.contains("azureEntraId") || line.contains("azure/gpt-4o"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceAProxyPasswordIsMasked() {
    server.enqueue(json(200, START_OK));

    client.sessions().start(startWithProxyPassword());

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.contains("proxy.example.com") && line.contains("proxy-user"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceALocalBrowsersProxyPasswordAndCdpHeadersAreMasked() {
    server.enqueue(json(200, START_OK));

    client.sessions().start(startLocalBrowserWithProxyPassword());

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.contains("local-proxy.example.com")
        && line.contains("local-user") && line.contains("Authorization"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceAnAgentsModelSecretsAreMasked() {
    server.enqueue(json(200, AGENT_OK));

    client.sessions().executeAgent(agentWithSecrets());

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.contains("log in"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceObserveVariablesAreMasked() {
    server.enqueue(json(200, OBSERVE_OK));

    client.sessions().observe(SessionObserveParams.builder()
        .id(SESSION)
        .instruction("find the field for %password%")
        .options(ObserveOptions.builder().model(vertexModel()).putVariable("password", VARIABLE_VALUE).build())
        .build());

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.contains("find the field for %password%"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceStreamedRequestsAndEventsAreLoggedWithoutSecrets() {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("event: running\ndata: {\"data\":{\"status\":\"running\",\"message\":\"EVENTMARKER\"},"
            + "\"type\":\"log\",\"id\":\"e1\"}\n\n"
            + "event: finished\ndata: {\"data\":{\"status\":\"finished\",\"result\":{}},"
            + "\"type\":\"system\",\"id\":\"e2\"}\n\n")
        .build());

    try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(actWithSecrets(plainModel()))) {
      assertThat(events.stream().count()).isEqualTo(2);
    }

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.contains("type %password% into the login form"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceAVariablesValueTheServerReportsBackAndTheClientsKeysItEchoesAreMasked() {
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"result\":{\"success\":true,"
        + "\"message\":\"typed " + VARIABLE_VALUE + " with key " + MODEL_KEY + "\",\"actionDescription\":\"fill\","
        + "\"actions\":[{\"selector\":\"#pw\",\"description\":\"password\",\"method\":\"fill\","
        + "\"arguments\":[\"" + VARIABLE_VALUE + "\"]}]}}}"));

    client.sessions().act(actWithSecrets(plainModel()));

    assertThat(lines(Level.TRACE)).anyMatch(line -> line.startsWith("response body:")
        && line.contains("\"arguments\":[\"***\"]") && line.contains("typed *** with key ***"));
    assertNoSecretLogged();
  }

  @Test
  void atTraceANavigateUrlsSecretLookingParametersAreMasked() {
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"result\":{\"url\":"
        + "\"https://bank.example/account?token=TOKENSECRET123&page=2#access_token=FRAGSECRET456\"}}}"));

    client.sessions().navigate(SessionNavigateParams.builder().id(SESSION)
        .url("https://bank.example/account?token=TOKENSECRET123&page=2&X-Amz-Signature=SIGSECRET789").build());

    List<String> trace = lines(Level.TRACE);
    assertThat(trace).anyMatch(line -> line.contains("https://bank.example/account?token=***&page=2&X-Amz-Signature=***"));
    assertThat(trace).anyMatch(line -> line.contains("https://bank.example/account?token=***&page=2#access_token=***"));
    assertThat(everythingLogged()).noneMatch(line -> line.contains("TOKENSECRET123") || line.contains("SIGSECRET789")
        || line.contains("FRAGSECRET456"));
  }

  // --- the credential headers never reach a log line

  @Test
  void theCredentialHeadersNeverReachALogLine() throws Exception {
    server.enqueue(json(200, START_OK));
    server.enqueue(json(503, "{\"success\":false,\"error\":\"busy\"}"));
    server.enqueue(json(200, ACT_OK));
    server.enqueue(json(401, "{\"success\":false,\"error\":\"Invalid API key\"}"));
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("event: error\ndata: {\"data\":{\"status\":\"error\",\"error\":\"failed\"},\"type\":\"system\",\"id\":\"e\"}\n\n")
        .build());

    client.sessions().start(startWithProxyPassword());
    client.sessions().act(actWithSecrets(plainModel()));
    assertThatThrownBy(() -> client.sessions().observe(
        SessionObserveParams.builder().id(SESSION).instruction("find").build(),
        RequestOptions.builder().maxRetries(0).build())).isNotNull();
    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(actParams())) {
        events.stream().count();
      }
    }).isNotNull();

    MockWebServer closed = new MockWebServer();
    closed.start();
    String deadUrl = closed.url("/").toString();
    closed.close();
    try (StagehandClient dead = newClient(deadUrl)) {
      assertThatThrownBy(() -> dead.sessions().act(actParams())).isInstanceOf(StagehandIoException.class);
    }

    // The keys were sent...
    assertThat(server.takeRequest().getHeaders().get("x-bb-api-key")).isEqualTo(BB_KEY);
    // ...and never logged, at any level.
    assertThat(lines(Level.DEBUG)).hasSizeGreaterThanOrEqualTo(5);
    assertThat(lines(Level.TRACE)).isNotEmpty();
    assertNoSecretLogged();
  }

  // --- toString never shows a secret

  @Test
  void theToStringOfParamsHoldingSecretsDoesNotShowThem() {
    List<String> strings = Arrays.asList(
        plainModel().toString(),
        vertexModel().toString(),
        azureModel().toString(),
        actWithSecrets(plainModel()).toString(),
        actWithSecrets(vertexModel()).toString(),
        actWithSecrets(azureModel()).toString(),
        startWithProxyPassword().toString(),
        startLocalBrowserWithProxyPassword().toString(),
        agentWithSecrets().toString(),
        VariableValue.of(VARIABLE_VALUE).toString(),
        SessionActParams.builder().id(SESSION).input("x").putAdditionalHeader("x-model-api-key", MODEL_KEY).build()
            .toString(),
        RequestOptions.builder().putHeader("x-bb-api-key", BB_KEY).build().toString(),
        client.toString());

    for (String secret : SECRETS) {
      assertThat(strings).as("toString containing %s", secret).noneMatch(s -> s.contains(secret));
    }
    assertThat(actWithSecrets(plainModel()).toString()).contains("password").contains("***");
    assertThat(startWithProxyPassword().toString()).contains("proxy-user");
  }

  @Test
  void theToStringOfAnActResultDoesNotShowTheArgumentsTheServerTypedNorANavigateUrlsToken() {
    server.enqueue(json(200, "{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"filled\","
        + "\"actionDescription\":\"fill\",\"actions\":[{\"selector\":\"#pw\",\"description\":\"password\","
        + "\"method\":\"fill\",\"arguments\":[\"" + VARIABLE_VALUE + "\",\"Enter\"]}]}}}"));

    SessionActResponse acted = client.sessions().act(actWithSecrets(plainModel()));
    SessionNavigateParams navigate = SessionNavigateParams.builder().id(SESSION)
        .url("https://bank.example/account?token=TOKENSECRET123&page=2").build();

    assertThat(acted.data().result().toString()).doesNotContain(VARIABLE_VALUE)
        .contains("selector=#pw").contains("method=fill").contains("arguments=[***, ***]");
    assertThat(acted.toString()).doesNotContain(VARIABLE_VALUE);
    assertThat(acted.data().result().actions().get(0).arguments()).containsExactly(VARIABLE_VALUE, "Enter");
    assertThat(navigate.toString()).contains("url=https://bank.example/account?token=***&page=2")
        .doesNotContain("TOKENSECRET123");
    assertThat(navigate.url()).endsWith("token=TOKENSECRET123&page=2");
  }
}
