package com.browserbase.stagehand.models.sessions;

import static com.browserbase.stagehand.models.sessions.TestJson.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code toString()} never shows a secret, but shows what is not secret. */
class SecretsTest {
  static final String API_KEY = "sk-SECRET-api-key-0001";
  static final String MODEL_HEADER = "Bearer SECRET-model-header-0002";
  static final String VERTEX_HEADER = "SECRET-vertex-header-0003";
  static final String AZURE_HEADER = "SECRET-azure-header-0004";
  static final String CDP_HEADER = "Basic SECRET-cdp-header-0005";
  static final String PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----SECRET-private-key-0006-----END PRIVATE KEY-----";
  static final String ENTRA_TOKEN = "eyJSECRET-entra-token-0007";
  static final String EXTERNAL_PROXY_PASSWORD = "SECRET-proxy-password-0008";
  static final String LOCAL_PROXY_PASSWORD = "SECRET-local-proxy-password-0009";
  static final String VARIABLE_TEXT = "SECRET-variable-text-0010";
  static final long VARIABLE_NUMBER = 987654321012L;
  static final String DESCRIBED_VARIABLE = "SECRET-described-variable-0011";

  static final List<String> ALL_SECRETS = List.of(API_KEY, MODEL_HEADER, VERTEX_HEADER, AZURE_HEADER, CDP_HEADER,
      PRIVATE_KEY, ENTRA_TOKEN, EXTERNAL_PROXY_PASSWORD, LOCAL_PROXY_PASSWORD, VARIABLE_TEXT,
      String.valueOf(VARIABLE_NUMBER), DESCRIBED_VARIABLE);

  static void assertHidesSecrets(Object value, String... shown) {
    String text = value.toString();
    for (String secret : ALL_SECRETS) {
      assertThat(text).as("toString of %s", value.getClass().getSimpleName()).doesNotContain(secret);
    }
    // parts of secrets must not leak either
    assertThat(text).doesNotContain("SECRET");
    if (shown.length > 0) {
      assertThat(text).contains(shown);
    }
  }

  @Test
  void signedCdpUrlsShowWithoutTheirQuery() {
    SessionStartResult started = SessionStartResult.builder()
        .sessionId("s-1").available(true).cdpUrl("wss://connect.browserbase.com/?signingKey=sk-signing-123").build();
    BrowserConfig browser = BrowserConfig.builder().cdpUrl("ws://localhost:9222/devtools?token=tk-456").build();

    assertThat(started.toString()).contains("wss://connect.browserbase.com/?***").doesNotContain("sk-signing-123");
    assertThat(browser.toString()).contains("ws://localhost:9222/devtools?***").doesNotContain("tk-456");
    assertThat(started.cdpUrl()).contains("wss://connect.browserbase.com/?signingKey=sk-signing-123");
  }

  @Test
  void anActionShowsHowManyArgumentsItHasNotWhatTheyAre() {
    Action action = Action.builder().selector("#pw").description("password field").method("fill")
        .addArgument(VARIABLE_TEXT).addArgument("Enter").build();
    ActResultData result = ActResultData.builder().success(true).message("filled").actionDescription("fill")
        .addAction(action).build();

    assertHidesSecrets(action, "selector=#pw", "method=fill", "arguments=[***, ***]");
    assertHidesSecrets(result, "message=filled", "arguments=[***, ***]");
    assertHidesSecrets(TestJson.parse("{\"selector\":\"#a\",\"description\":\"d\",\"arguments\":[\"" + VARIABLE_TEXT + "\"]}",
        Action.class), "arguments=[***]");
    assertThat(Action.builder().selector("#a").description("d").arguments(List.of()).build().toString())
        .contains("arguments=[]");
    assertThat(action.arguments()).containsExactly(VARIABLE_TEXT, "Enter");
  }

  @Test
  void pageUrlsShowWithTheirSecretLookingParametersMasked() {
    SessionNavigateParams navigate = SessionNavigateParams.builder().id("s")
        .url("https://bank.example/account?token=SECRET-token-0012&page=2").build();
    AgentAction agent = AgentAction.builder().type("goto").pageUrl("https://app.example/cb?code=SECRET-code-0013").build();
    ReplayPage page = ReplayPage.builder().url("https://app.example/?sig=SECRET-sig-0014&lang=en")
        .timestamp(1).duration(2).actions(List.of()).build();

    assertHidesSecrets(navigate, "url=https://bank.example/account?token=***&page=2");
    assertHidesSecrets(agent, "pageUrl=https://app.example/cb?code=***");
    assertHidesSecrets(page, "url=https://app.example/?sig=***&lang=en");
  }

  @Test
  void modelConfigHidesItsApiKeyAndHeaderValues() {
    ModelConfig config = ModelConfig.builder()
        .modelName("openai/gpt-5-nano")
        .apiKey(API_KEY)
        .baseURL("https://llm.example.com/v1")
        .putHeader("Authorization", MODEL_HEADER)
        .build();

    assertHidesSecrets(config, "openai/gpt-5-nano", "https://llm.example.com/v1", "Authorization", "apiKey");
  }

  @Test
  void vertexAndAzureProviderOptionsHideTheirHeaderValues() {
    VertexProviderOptions vertex = VertexProviderOptions.builder()
        .project("my-gcp-project").location("us-central1").putHeader("X-Goog-Api-Key", VERTEX_HEADER).build();
    AzureProviderOptions azure = AzureProviderOptions.builder()
        .resourceName("my-resource").putHeader("api-key", AZURE_HEADER).build();

    assertHidesSecrets(vertex, "my-gcp-project", "us-central1", "X-Goog-Api-Key");
    assertHidesSecrets(azure, "my-resource", "api-key");
    assertHidesSecrets(ModelProviderOptions.vertex(vertex), "my-gcp-project");
    assertHidesSecrets(ModelProviderOptions.azure(azure), "my-resource");
  }

  @Test
  void serviceAccountCredentialsHideThePrivateKey() {
    GoogleServiceAccountCredentials credentials = GoogleServiceAccountCredentials.builder()
        .privateKey(PRIVATE_KEY)
        .clientEmail("bot@my-gcp-project.iam.gserviceaccount.com")
        .projectId("my-gcp-project")
        .build();
    GoogleServiceAccountAuth auth = GoogleServiceAccountAuth.builder()
        .credentials(credentials).scopes("https://www.googleapis.com/auth/cloud-platform").build();

    assertHidesSecrets(credentials, "bot@my-gcp-project.iam.gserviceaccount.com", "my-gcp-project", "privateKey");
    assertHidesSecrets(auth, "bot@my-gcp-project.iam.gserviceaccount.com", "cloud-platform");
    assertThat(credentials.toString()).doesNotContain("BEGIN PRIVATE KEY");
  }

  @Test
  void azureEntraIdAuthHidesTheToken() {
    AzureEntraIdAuth auth = AzureEntraIdAuth.builder().token(ENTRA_TOKEN).build();

    assertHidesSecrets(auth, "token");
  }

  @Test
  void externalProxyHidesThePasswordButShowsServerAndUser() {
    ExternalProxyConfig proxy = ExternalProxyConfig.builder()
        .server("http://proxy.example.com:8080").username("proxy-user").password(EXTERNAL_PROXY_PASSWORD).build();

    assertHidesSecrets(proxy, "http://proxy.example.com:8080", "proxy-user", "password");
  }

  @Test
  void localBrowserProxyPasswordAndCdpHeaderValuesAreHidden() {
    LocalBrowserLaunchOptions.Proxy proxy = LocalBrowserLaunchOptions.Proxy.builder()
        .server("http://local-proxy:3128").username("local-user").password(LOCAL_PROXY_PASSWORD).build();
    LocalBrowserLaunchOptions launch = LocalBrowserLaunchOptions.builder()
        .proxy(proxy)
        .putCdpHeader("Authorization", CDP_HEADER)
        .executablePath("/usr/bin/chromium")
        .build();

    assertHidesSecrets(proxy, "http://local-proxy:3128", "local-user");
    assertHidesSecrets(launch, "http://local-proxy:3128", "Authorization", "/usr/bin/chromium");
  }

  @Test
  void variableValuesAreHiddenButTheirDescriptionsAndNamesShown() {
    VariableValue text = VariableValue.of(VARIABLE_TEXT);
    VariableValue number = VariableValue.of(VARIABLE_NUMBER);
    VariableValue described = VariableValue.of(DESCRIBED_VARIABLE).withDescription("The login password");
    ActOptions act = ActOptions.builder()
        .putVariable("username", text).putVariable("pin", number).putVariable("password", described)
        .timeout(1234).build();
    ObserveOptions observe = ObserveOptions.builder()
        .putVariable("username", text).putVariable("password", described).selector("nav").build();
    AgentExecuteOptions execute = AgentExecuteOptions.builder()
        .instruction("log in").putVariable("username", text).putVariable("pin", number).build();

    assertHidesSecrets(text);
    assertHidesSecrets(number);
    assertHidesSecrets(VariableValue.of(true));
    assertThat(VariableValue.of(true).toString()).doesNotContain("true");
    assertHidesSecrets(described, "The login password");
    assertHidesSecrets(act, "username", "pin", "password", "1234");
    assertHidesSecrets(observe, "username", "password", "nav");
    assertHidesSecrets(execute, "log in", "username", "pin");
  }

  @Test
  void secretsNestedInRequestParamsAreHidden() {
    ModelConfig vertex = ModelConfig.builder()
        .modelName("vertex/gemini-2.5-pro")
        .apiKey(API_KEY)
        .putHeader("X-Key", MODEL_HEADER)
        .provider(ModelProvider.VERTEX)
        .auth(GoogleServiceAccountAuth.builder().credentials(GoogleServiceAccountCredentials.builder()
            .privateKey(PRIVATE_KEY).clientEmail("bot@example.com").build()).build())
        .providerOptions(ModelProviderOptions.vertex(VertexProviderOptions.builder()
            .project("p").location("l").putHeader("X-V", VERTEX_HEADER).build()))
        .build();
    ModelConfig azure = ModelConfig.builder()
        .modelName("azure/gpt-4o")
        .provider(ModelProvider.AZURE)
        .auth(AzureEntraIdAuth.builder().token(ENTRA_TOKEN).build())
        .providerOptions(ModelProviderOptions.azure(AzureProviderOptions.builder()
            .putHeader("X-A", AZURE_HEADER).build()))
        .build();
    SessionExecuteAgentParams agent = SessionExecuteAgentParams.builder()
        .id("session-1")
        .agentConfig(AgentConfig.builder().model(vertex).executionModel(azure).build())
        .executeOptions(AgentExecuteOptions.builder().instruction("do it")
            .putVariable("secret", VariableValue.of(VARIABLE_TEXT)).build())
        .build();
    SessionActParams act = SessionActParams.builder()
        .id("session-2")
        .input("type %password%")
        .options(ActOptions.builder().model(vertex)
            .putVariable("password", VariableValue.of(DESCRIBED_VARIABLE).withDescription("pw")).build())
        .build();
    SessionStartParams start = SessionStartParams.builder()
        .modelName("openai/gpt-5-nano")
        .browserbaseSessionCreateParams(BrowserbaseSessionCreateParams.builder()
            .proxies(List.of(ExternalProxyConfig.builder().server("http://proxy:1")
                .password(EXTERNAL_PROXY_PASSWORD).build()))
            .build())
        .browser(BrowserConfig.builder().launchOptions(LocalBrowserLaunchOptions.builder()
            .putCdpHeader("Authorization", CDP_HEADER)
            .proxy(LocalBrowserLaunchOptions.Proxy.builder().server("http://lp:2")
                .password(LOCAL_PROXY_PASSWORD).build())
            .build()).build())
        .build();

    assertHidesSecrets(agent, "session-1", "vertex/gemini-2.5-pro", "azure/gpt-4o", "bot@example.com", "do it");
    assertHidesSecrets(act, "session-2", "type %password%", "password");
    assertHidesSecrets(start, "openai/gpt-5-nano", "http://proxy:1", "http://lp:2", "Authorization");
  }

  @Test
  void secretsReadFromJsonAreHiddenToo() {
    SessionExecuteAgentParams agent = SessionExecuteAgentParams.builder()
        .id("s")
        .agentConfig(AgentConfig.builder()
            .model(RequestSerializationTest.vertexModel().toBuilder().apiKey(API_KEY).build())
            .executionModel(RequestSerializationTest.azureEntraModel().toBuilder()
                .auth(AzureEntraIdAuth.builder().token(ENTRA_TOKEN).build()).build())
            .build())
        .executeOptions(AgentExecuteOptions.builder().instruction("i")
            .putVariable("v", VariableValue.of(VARIABLE_TEXT).withDescription("d")).build())
        .build();

    SessionExecuteAgentParams read = roundTrip(agent);

    assertThat(read.agentConfig().modelConfig().orElseThrow().apiKey()).contains(API_KEY);
    assertHidesSecrets(read, "vertex/gemini-2.5-pro");
  }

  @Test
  void additionalHeaderValuesOfParamsAreHidden() {
    SessionEndParams params = SessionEndParams.builder()
        .id("s").putAdditionalHeader("X-Api-Key", API_KEY).build();

    assertHidesSecrets(params, "X-Api-Key");
  }

  @Test
  void secretsAreStillAvailableFromTheirAccessors() {
    ModelConfig config = ModelConfig.builder().modelName("m").apiKey(API_KEY).putHeader("A", MODEL_HEADER).build();
    ExternalProxyConfig proxy = ExternalProxyConfig.builder().server("s").password(EXTERNAL_PROXY_PASSWORD).build();

    assertThat(config.apiKey()).contains(API_KEY);
    assertThat(config.headers()).containsEntry("A", MODEL_HEADER);
    assertThat(proxy.password()).contains(EXTERNAL_PROXY_PASSWORD);
    assertThat(VariableValue.of(VARIABLE_TEXT).value()).isEqualTo(VARIABLE_TEXT);
  }
}
