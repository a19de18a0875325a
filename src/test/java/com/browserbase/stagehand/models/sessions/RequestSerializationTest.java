package com.browserbase.stagehand.models.sessions;

import static com.browserbase.stagehand.models.sessions.TestJson.assertWritesJson;
import static com.browserbase.stagehand.models.sessions.TestJson.parse;
import static com.browserbase.stagehand.models.sessions.TestJson.roundTrip;
import static com.browserbase.stagehand.models.sessions.TestJson.tree;
import static com.browserbase.stagehand.models.sessions.TestJson.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the SDK sends: every params class with every field, every union form, and JSON round trips. */
class RequestSerializationTest {

  // ---------------------------------------------------------------- fixtures

  static GoogleServiceAccountCredentials credentials() {
    return GoogleServiceAccountCredentials.builder()
        .projectId("my-gcp-project")
        .privateKeyId("key-id-1")
        .privateKey("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n")
        .clientEmail("bot@my-gcp-project.iam.gserviceaccount.com")
        .clientId("1234567890")
        .authUri("https://accounts.google.com/o/oauth2/auth")
        .tokenUri("https://oauth2.googleapis.com/token")
        .authProviderX509CertUrl("https://www.googleapis.com/oauth2/v1/certs")
        .clientX509CertUrl("https://www.googleapis.com/robot/v1/metadata/x509/bot")
        .universeDomain("googleapis.com")
        .build();
  }

  static final String CREDENTIALS_JSON = """
      {"type": "service_account",
       "project_id": "my-gcp-project",
       "private_key_id": "key-id-1",
       "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n",
       "client_email": "bot@my-gcp-project.iam.gserviceaccount.com",
       "client_id": "1234567890",
       "auth_uri": "https://accounts.google.com/o/oauth2/auth",
       "token_uri": "https://oauth2.googleapis.com/token",
       "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
       "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/bot",
       "universe_domain": "googleapis.com"}
      """;

  static ModelConfig genericModel() {
    return ModelConfig.builder()
        .modelName("openai/gpt-5-nano")
        .apiKey("sk-generic")
        .baseURL("https://llm.example.com/v1")
        .putHeader("X-Org", "org-1")
        .openaiEndpointFormat(ModelConfig.OpenaiEndpointFormat.CHAT)
        .provider(ModelProvider.OPENAI)
        .build();
  }

  static final String GENERIC_MODEL_JSON = """
      {"modelName": "openai/gpt-5-nano",
       "apiKey": "sk-generic",
       "baseURL": "https://llm.example.com/v1",
       "headers": {"X-Org": "org-1"},
       "openaiEndpointFormat": "chat",
       "provider": "openai"}
      """;

  static ModelConfig vertexModel() {
    return ModelConfig.builder()
        .modelName("vertex/gemini-2.5-pro")
        .apiKey("vertex-key")
        .baseURL("https://vertex.example.com")
        .headers(Map.of("X-Goog-User-Project", "my-gcp-project"))
        .provider(ModelProvider.VERTEX)
        .auth(GoogleServiceAccountAuth.builder()
            .credentials(credentials())
            .scopes(List.of("https://www.googleapis.com/auth/cloud-platform", "openid"))
            .projectId("my-gcp-project")
            .universeDomain("googleapis.com")
            .build())
        .providerOptions(ModelProviderOptions.vertex(VertexProviderOptions.builder()
            .project("my-gcp-project")
            .location("us-central1")
            .baseURL("https://us-central1-aiplatform.googleapis.com")
            .putHeader("X-Trace", "t-1")
            .build()))
        .build();
  }

  static final String VERTEX_MODEL_JSON = """
      {"modelName": "vertex/gemini-2.5-pro",
       "apiKey": "vertex-key",
       "baseURL": "https://vertex.example.com",
       "headers": {"X-Goog-User-Project": "my-gcp-project"},
       "provider": "vertex",
       "auth": {"type": "googleServiceAccount",
                "credentials": %s,
                "scopes": ["https://www.googleapis.com/auth/cloud-platform", "openid"],
                "projectId": "my-gcp-project",
                "universeDomain": "googleapis.com"},
       "providerOptions": {"vertex": {"project": "my-gcp-project",
                                      "location": "us-central1",
                                      "baseURL": "https://us-central1-aiplatform.googleapis.com",
                                      "headers": {"X-Trace": "t-1"}}}}
      """.formatted(CREDENTIALS_JSON);

  static ModelConfig azureApiKeyModel() {
    return ModelConfig.builder()
        .modelName("azure/gpt-4o")
        .apiKey("azure-key")
        .baseURL("https://my-resource.openai.azure.com/openai")
        .putHeader("X-Azure", "a")
        .provider(ModelProvider.AZURE)
        .providerOptions(ModelProviderOptions.azure(AzureProviderOptions.builder()
            .resourceName("my-azure-openai-resource")
            .baseURL("https://my-resource.openai.azure.com")
            .apiVersion("2024-10-01-preview")
            .useDeploymentBasedUrls(true)
            .putHeader("api-tenant", "t")
            .build()))
        .build();
  }

  static final String AZURE_API_KEY_MODEL_JSON = """
      {"modelName": "azure/gpt-4o",
       "apiKey": "azure-key",
       "baseURL": "https://my-resource.openai.azure.com/openai",
       "headers": {"X-Azure": "a"},
       "provider": "azure",
       "providerOptions": {"azure": {"resourceName": "my-azure-openai-resource",
                                     "baseURL": "https://my-resource.openai.azure.com",
                                     "apiVersion": "2024-10-01-preview",
                                     "useDeploymentBasedUrls": true,
                                     "headers": {"api-tenant": "t"}}}}
      """;

  static ModelConfig azureEntraModel() {
    return ModelConfig.builder()
        .modelName("azure/gpt-4.1")
        .baseURL("https://entra.openai.azure.com/openai")
        .provider(ModelProvider.AZURE)
        .providerOptions(ModelProviderOptions.azure(AzureProviderOptions.builder()
            .resourceName("entra-resource")
            .apiVersion("2025-01-01")
            .build()))
        .auth(AzureEntraIdAuth.builder().token("eyJ0eXAiOiJKV1QiLCJhbGciOi").build())
        .build();
  }

  static final String AZURE_ENTRA_MODEL_JSON = """
      {"modelName": "azure/gpt-4.1",
       "baseURL": "https://entra.openai.azure.com/openai",
       "provider": "azure",
       "providerOptions": {"azure": {"resourceName": "entra-resource", "apiVersion": "2025-01-01"}},
       "auth": {"type": "azureEntraId", "token": "eyJ0eXAiOiJKV1QiLCJhbGciOi"}}
      """;

  static SessionStartParams fullStartParams() {
    return SessionStartParams.builder()
        .modelName("openai/gpt-5.4-mini")
        .domSettleTimeoutMs(5000)
        .verbose(2)
        .systemPrompt("Be careful.")
        .browserbaseSessionCreateParams(BrowserbaseSessionCreateParams.builder()
            .projectId("proj-1")
            .browserSettings(BrowserbaseBrowserSettings.builder()
                .advancedStealth(true)
                .blockAds(true)
                .captchaImageSelector("#captcha img")
                .captchaInputSelector("#captcha input")
                .context(BrowserbaseContext.builder().id("ctx-1").persist(true).build())
                .extensionId("ext-1")
                .fingerprint(BrowserbaseFingerprint.builder()
                    .addBrowser(BrowserbaseFingerprint.Browser.CHROME)
                    .addBrowser(BrowserbaseFingerprint.Browser.FIREFOX)
                    .addDevice(BrowserbaseFingerprint.Device.DESKTOP)
                    .httpVersion(BrowserbaseFingerprint.HttpVersion.V2)
                    .locales(List.of("en-US", "de-DE"))
                    .addOperatingSystem(BrowserbaseFingerprint.OperatingSystem.LINUX)
                    .addOperatingSystem(BrowserbaseFingerprint.OperatingSystem.MACOS)
                    .screen(BrowserbaseFingerprintScreen.builder()
                        .maxHeight(1080).maxWidth(1920).minHeight(600).minWidth(800).build())
                    .build())
                .logSession(false)
                .os(BrowserbaseBrowserSettings.Os.LINUX)
                .recordSession(true)
                .solveCaptchas(true)
                .verified(false)
                .viewport(BrowserbaseViewport.builder().width(1280).height(720).build())
                .build())
            .extensionId("ext-2")
            .keepAlive(true)
            .proxies(List.of(
                BrowserbaseProxyConfig.builder()
                    .domainPattern(".*\\.example\\.com")
                    .geolocation(BrowserbaseProxyGeolocation.builder()
                        .country("US").city("New York").state("NY").build())
                    .build(),
                ExternalProxyConfig.builder()
                    .server("http://proxy.example.com:8080")
                    .domainPattern(".*")
                    .username("proxy-user")
                    .password("proxy-pass")
                    .build()))
            .region(BrowserbaseRegion.EU_CENTRAL_1)
            .timeout(3600)
            .putUserMetadata("team", "qa")
            .putUserMetadata("run", Map.of("n", 7))
            .build())
        .browser(BrowserConfig.builder()
            .type(BrowserConfig.Type.LOCAL)
            .cdpUrl("ws://localhost:9222")
            .launchOptions(LocalBrowserLaunchOptions.builder()
                .args(List.of("--no-first-run", "--mute-audio"))
                .executablePath("/usr/bin/chromium")
                .port(9222)
                .userDataDir("/tmp/profile")
                .preserveUserDataDir(true)
                .headless(true)
                .devtools(false)
                .chromiumSandbox(false)
                .ignoreDefaultArgs(List.of("--enable-automation"))
                .proxy(LocalBrowserLaunchOptions.Proxy.builder()
                    .server("http://local-proxy:3128")
                    .bypass("localhost,127.0.0.1")
                    .username("local-user")
                    .password("local-pass")
                    .build())
                .locale("en-US")
                .viewport(LocalBrowserLaunchOptions.Viewport.builder().width(1366).height(768).build())
                .deviceScaleFactor(1.5)
                .hasTouch(false)
                .ignoreHTTPSErrors(true)
                .cdpUrl("ws://127.0.0.1:9223/devtools/browser/abc")
                .putCdpHeader("Authorization", "Bearer cdp")
                .connectTimeoutMs(15000)
                .downloadsPath("/tmp/downloads")
                .acceptDownloads(true)
                .build())
            .build())
        .selfHeal(true)
        .browserbaseSessionID("bb-session-1")
        .experimental(false)
        .waitForCaptchaSolves(true)
        .actTimeoutMs(60000)
        .useTouch(false)
        .build();
  }

  static final String FULL_START_JSON = """
      {"modelName": "openai/gpt-5.4-mini",
       "domSettleTimeoutMs": 5000,
       "verbose": 2,
       "systemPrompt": "Be careful.",
       "browserbaseSessionCreateParams": {
         "projectId": "proj-1",
         "browserSettings": {
           "advancedStealth": true,
           "blockAds": true,
           "captchaImageSelector": "#captcha img",
           "captchaInputSelector": "#captcha input",
           "context": {"id": "ctx-1", "persist": true},
           "extensionId": "ext-1",
           "fingerprint": {
             "browsers": ["chrome", "firefox"],
             "devices": ["desktop"],
             "httpVersion": "2",
             "locales": ["en-US", "de-DE"],
             "operatingSystems": ["linux", "macos"],
             "screen": {"maxHeight": 1080, "maxWidth": 1920, "minHeight": 600, "minWidth": 800}},
           "logSession": false,
           "os": "linux",
           "recordSession": true,
           "solveCaptchas": true,
           "verified": false,
           "viewport": {"width": 1280, "height": 720}},
         "extensionId": "ext-2",
         "keepAlive": true,
         "proxies": [
           {"type": "browserbase",
            "domainPattern": ".*\\\\.example\\\\.com",
            "geolocation": {"country": "US", "city": "New York", "state": "NY"}},
           {"type": "external",
            "server": "http://proxy.example.com:8080",
            "domainPattern": ".*",
            "username": "proxy-user",
            "password": "proxy-pass"}],
         "region": "eu-central-1",
         "timeout": 3600,
         "userMetadata": {"team": "qa", "run": {"n": 7}}},
       "browser": {
         "type": "local",
         "cdpUrl": "ws://localhost:9222",
         "launchOptions": {
           "args": ["--no-first-run", "--mute-audio"],
           "executablePath": "/usr/bin/chromium",
           "port": 9222,
           "userDataDir": "/tmp/profile",
           "preserveUserDataDir": true,
           "headless": true,
           "devtools": false,
           "chromiumSandbox": false,
           "ignoreDefaultArgs": ["--enable-automation"],
           "proxy": {"server": "http://local-proxy:3128", "bypass": "localhost,127.0.0.1",
                     "username": "local-user", "password": "local-pass"},
           "locale": "en-US",
           "viewport": {"width": 1366, "height": 768},
           "deviceScaleFactor": 1.5,
           "hasTouch": false,
           "ignoreHTTPSErrors": true,
           "cdpUrl": "ws://127.0.0.1:9223/devtools/browser/abc",
           "cdpHeaders": {"Authorization": "Bearer cdp"},
           "connectTimeoutMs": 15000,
           "downloadsPath": "/tmp/downloads",
           "acceptDownloads": true}},
       "selfHeal": true,
       "browserbaseSessionID": "bb-session-1",
       "experimental": false,
       "waitForCaptchaSolves": true,
       "actTimeoutMs": 60000,
       "useTouch": false}
      """;

  // ---------------------------------------------------------------- params classes

  @Nested
  class StartParams {
    @Test
    void startParamsWithEveryFieldWriteExactlyTheSpecProperties() {
      assertWritesJson(fullStartParams(), FULL_START_JSON);
    }

    @Test
    void startParamsWithOnlyTheModelNameWriteOnlyIt() {
      assertWritesJson(SessionStartParams.builder().modelName("openai/gpt-5-nano").build(),
          "{\"modelName\": \"openai/gpt-5-nano\"}");
    }

    @Test
    void startParamsReadBackEqualAfterAJsonRoundTrip() {
      SessionStartParams params = fullStartParams();

      SessionStartParams again = roundTrip(params);

      assertThat(again).isEqualTo(params).hasSameHashCodeAs(params);
      assertThat(again.browserbaseSessionCreateParams().orElseThrow().proxyList().orElseThrow())
          .hasExactlyElementsOfTypes(BrowserbaseProxyConfig.class, ExternalProxyConfig.class);
    }

    @Test
    void startParamsGiveBackEveryValue() {
      SessionStartParams params = roundTrip(fullStartParams());

      assertThat(params.modelName()).isEqualTo("openai/gpt-5.4-mini");
      assertThat(params.domSettleTimeoutMs()).contains(5000);
      assertThat(params.verbose()).contains(2);
      assertThat(params.systemPrompt()).contains("Be careful.");
      assertThat(params.selfHeal()).contains(true);
      assertThat(params.browserbaseSessionID()).contains("bb-session-1");
      assertThat(params.experimental()).contains(false);
      assertThat(params.waitForCaptchaSolves()).contains(true);
      assertThat(params.actTimeoutMs()).contains(60000);
      assertThat(params.useTouch()).contains(false);

      BrowserbaseSessionCreateParams bb = params.browserbaseSessionCreateParams().orElseThrow();
      assertThat(bb.projectId()).contains("proj-1");
      assertThat(bb.extensionId()).contains("ext-2");
      assertThat(bb.keepAlive()).contains(true);
      assertThat(bb.region()).contains(BrowserbaseRegion.EU_CENTRAL_1);
      assertThat(bb.timeout()).contains(3600);
      assertThat(bb.userMetadata()).containsOnlyKeys("team", "run");
      assertThat(bb.userMetadata().get("run")).isEqualTo(tree("{\"n\": 7}"));
      assertThat(bb.proxiesEnabled()).isEmpty();
      List<ProxyConfig> proxies = bb.proxyList().orElseThrow();
      BrowserbaseProxyConfig managed = (BrowserbaseProxyConfig) proxies.get(0);
      assertThat(managed.type()).isEqualTo("browserbase");
      assertThat(managed.domainPattern()).contains(".*\\.example\\.com");
      assertThat(managed.geolocation().orElseThrow().country()).isEqualTo("US");
      assertThat(managed.geolocation().orElseThrow().city()).contains("New York");
      assertThat(managed.geolocation().orElseThrow().state()).contains("NY");
      ExternalProxyConfig external = (ExternalProxyConfig) proxies.get(1);
      assertThat(external.type()).isEqualTo("external");
      assertThat(external.server()).isEqualTo("http://proxy.example.com:8080");
      assertThat(external.domainPattern()).contains(".*");
      assertThat(external.username()).contains("proxy-user");
      assertThat(external.password()).contains("proxy-pass");

      BrowserbaseBrowserSettings settings = bb.browserSettings().orElseThrow();
      assertThat(settings.advancedStealth()).contains(true);
      assertThat(settings.blockAds()).contains(true);
      assertThat(settings.captchaImageSelector()).contains("#captcha img");
      assertThat(settings.captchaInputSelector()).contains("#captcha input");
      assertThat(settings.context().orElseThrow().id()).isEqualTo("ctx-1");
      assertThat(settings.context().orElseThrow().persist()).contains(true);
      assertThat(settings.extensionId()).contains("ext-1");
      assertThat(settings.logSession()).contains(false);
      assertThat(settings.os()).contains(BrowserbaseBrowserSettings.Os.LINUX);
      assertThat(settings.recordSession()).contains(true);
      assertThat(settings.solveCaptchas()).contains(true);
      assertThat(settings.verified()).contains(false);
      assertThat(settings.viewport().orElseThrow().width()).contains(1280);
      assertThat(settings.viewport().orElseThrow().height()).contains(720);
      BrowserbaseFingerprint fingerprint = settings.fingerprint().orElseThrow();
      assertThat(fingerprint.browsers())
          .containsExactly(BrowserbaseFingerprint.Browser.CHROME, BrowserbaseFingerprint.Browser.FIREFOX);
      assertThat(fingerprint.devices()).containsExactly(BrowserbaseFingerprint.Device.DESKTOP);
      assertThat(fingerprint.httpVersion()).contains(BrowserbaseFingerprint.HttpVersion.V2);
      assertThat(fingerprint.locales()).containsExactly("en-US", "de-DE");
      assertThat(fingerprint.operatingSystems()).containsExactly(
          BrowserbaseFingerprint.OperatingSystem.LINUX, BrowserbaseFingerprint.OperatingSystem.MACOS);
      BrowserbaseFingerprintScreen screen = fingerprint.screen().orElseThrow();
      assertThat(screen.maxHeight()).contains(1080);
      assertThat(screen.maxWidth()).contains(1920);
      assertThat(screen.minHeight()).contains(600);
      assertThat(screen.minWidth()).contains(800);

      BrowserConfig browser = params.browser().orElseThrow();
      assertThat(browser.type()).contains(BrowserConfig.Type.LOCAL);
      assertThat(browser.cdpUrl()).contains("ws://localhost:9222");
      LocalBrowserLaunchOptions launch = browser.launchOptions().orElseThrow();
      assertThat(launch.args()).containsExactly("--no-first-run", "--mute-audio");
      assertThat(launch.executablePath()).contains("/usr/bin/chromium");
      assertThat(launch.port()).contains(9222);
      assertThat(launch.userDataDir()).contains("/tmp/profile");
      assertThat(launch.preserveUserDataDir()).contains(true);
      assertThat(launch.headless()).contains(true);
      assertThat(launch.devtools()).contains(false);
      assertThat(launch.chromiumSandbox()).contains(false);
      assertThat(launch.ignoredDefaultArgs()).contains(List.of("--enable-automation"));
      assertThat(launch.ignoreAllDefaultArgs()).isEmpty();
      assertThat(launch.proxy().orElseThrow().server()).isEqualTo("http://local-proxy:3128");
      assertThat(launch.proxy().orElseThrow().bypass()).contains("localhost,127.0.0.1");
      assertThat(launch.proxy().orElseThrow().username()).contains("local-user");
      assertThat(launch.proxy().orElseThrow().password()).contains("local-pass");
      assertThat(launch.locale()).contains("en-US");
      assertThat(launch.viewport().orElseThrow().width()).isEqualTo(1366);
      assertThat(launch.viewport().orElseThrow().height()).isEqualTo(768);
      assertThat(launch.deviceScaleFactor()).contains(1.5);
      assertThat(launch.hasTouch()).contains(false);
      assertThat(launch.ignoreHTTPSErrors()).contains(true);
      assertThat(launch.cdpUrl()).contains("ws://127.0.0.1:9223/devtools/browser/abc");
      assertThat(launch.cdpHeaders()).containsExactly(Map.entry("Authorization", "Bearer cdp"));
      assertThat(launch.connectTimeoutMs()).contains(15000);
      assertThat(launch.downloadsPath()).contains("/tmp/downloads");
      assertThat(launch.acceptDownloads()).contains(true);
    }

    @Test
    void proxiesAsABooleanAreWrittenAsABoolean() {
      BrowserbaseSessionCreateParams params = BrowserbaseSessionCreateParams.builder().proxies(true).build();

      assertWritesJson(params, "{\"proxies\": true}");
      assertThat(params.proxiesEnabled()).contains(true);
      assertThat(params.proxyList()).isEmpty();
      assertThat(roundTrip(params)).isEqualTo(params);
      assertWritesJson(BrowserbaseSessionCreateParams.builder().proxies(false).build(), "{\"proxies\": false}");
    }

    @Test
    void proxiesAsAListOfEitherTypeAreReadBackAsTheirTypes() {
      BrowserbaseSessionCreateParams params = parse("""
          {"proxies": [{"type": "external", "server": "http://p:1"},
                       {"type": "browserbase", "geolocation": {"country": "DE"}}]}
          """, BrowserbaseSessionCreateParams.class);

      List<ProxyConfig> proxies = params.proxyList().orElseThrow();
      assertThat(proxies).hasExactlyElementsOfTypes(ExternalProxyConfig.class, BrowserbaseProxyConfig.class);
      assertThat(((ExternalProxyConfig) proxies.get(0)).server()).isEqualTo("http://p:1");
      assertThat(((BrowserbaseProxyConfig) proxies.get(1)).geolocation().orElseThrow().country()).isEqualTo("DE");
      assertThat(params.proxiesEnabled()).isEmpty();
    }

    @Test
    void ignoreDefaultArgsAsABooleanIsWrittenAsABoolean() {
      LocalBrowserLaunchOptions options = LocalBrowserLaunchOptions.builder().ignoreDefaultArgs(true).build();

      assertWritesJson(options, "{\"ignoreDefaultArgs\": true}");
      assertThat(options.ignoreAllDefaultArgs()).contains(true);
      assertThat(options.ignoredDefaultArgs()).isEmpty();
      assertThat(roundTrip(options)).isEqualTo(options);
    }

    @Test
    void ignoreDefaultArgsAsAListIsWrittenAsAList() {
      LocalBrowserLaunchOptions options =
          LocalBrowserLaunchOptions.builder().ignoreDefaultArgs(List.of("--a", "--b")).build();

      assertWritesJson(options, "{\"ignoreDefaultArgs\": [\"--a\", \"--b\"]}");
      assertThat(options.ignoredDefaultArgs()).contains(List.of("--a", "--b"));
      assertThat(options.ignoreAllDefaultArgs()).isEmpty();
      assertThat(roundTrip(options)).isEqualTo(options).hasSameHashCodeAs(options);
    }

    @Test
    void browserbaseBrowserConfigWritesItsType() {
      assertWritesJson(BrowserConfig.builder().type(BrowserConfig.Type.BROWSERBASE).build(),
          "{\"type\": \"browserbase\"}");
    }
  }

  @Nested
  class ActParams {
    @Test
    void actParamsWithAnInstructionAndEveryOptionWriteExactlyTheSpecProperties() {
      SessionActParams params = SessionActParams.builder()
          .id("session-1")
          .input("click the login button")
          .options(ActOptions.builder()
              .model("openai/gpt-5-nano")
              .putVariable("username", "john_doe")
              .putVariable("age", VariableValue.of(42))
              .putVariable("ratio", VariableValue.of(0.5))
              .putVariable("remember", VariableValue.of(true))
              .putVariable("password", VariableValue.of("secret123").withDescription("The login password"))
              .timeout(30000)
              .build())
          .frameId("frame-1")
          .build();

      assertWritesJson(params, """
          {"input": "click the login button",
           "options": {"model": "openai/gpt-5-nano",
                       "variables": {"username": "john_doe",
                                     "age": 42,
                                     "ratio": 0.5,
                                     "remember": true,
                                     "password": {"value": "secret123", "description": "The login password"}},
                       "timeout": 30000},
           "frameId": "frame-1"}
          """);
      assertThat(params.id()).isEqualTo("session-1");
      assertThat(params.instruction()).contains("click the login button");
      assertThat(params.action()).isEmpty();
    }

    @Test
    void actParamsWithAnActionWriteTheActionObject() {
      Action action = Action.builder()
          .selector("xpath=/html/body/input")
          .description("the email field")
          .backendNodeId(99)
          .method("fill")
          .addArgument("%username%")
          .build();
      SessionActParams params = SessionActParams.builder().id("session-1").input(action).build();

      assertWritesJson(params, """
          {"input": {"selector": "xpath=/html/body/input",
                     "description": "the email field",
                     "backendNodeId": 99,
                     "method": "fill",
                     "arguments": ["%username%"]}}
          """);
      assertThat(params.action()).contains(action);
      assertThat(params.instruction()).isEmpty();
    }

    @Test
    void actParamsWithAModelConfigWriteTheObject() {
      SessionActParams params = SessionActParams.builder()
          .id("s").input("go").options(ActOptions.builder().model(genericModel()).build()).build();

      assertWritesJson(params, "{\"input\": \"go\", \"options\": {\"model\": %s}}".formatted(GENERIC_MODEL_JSON));
      assertThat(params.options().orElseThrow().modelConfig()).contains(genericModel());
      assertThat(params.options().orElseThrow().modelName()).isEmpty();
    }

    @Test
    void actParamsReadBackEqualAfterAJsonRoundTrip() {
      SessionActParams withInstruction = SessionActParams.builder()
          .id("s-1").input("type %name%")
          .options(ActOptions.builder()
              .model(vertexModel())
              .putVariable("name", VariableValue.of("Ann").withDescription("first name"))
              .putVariable("n", VariableValue.of(3))
              .putVariable("flag", VariableValue.of(false))
              .timeout(1)
              .build())
          .frameId("f")
          .putAdditionalBodyProperty("future", List.of(1, 2))
          .build();
      SessionActParams withAction = SessionActParams.builder()
          .id("s-2")
          .input(Action.builder().selector("#b").description("b").arguments(List.of("x", "y")).build())
          .build();

      for (SessionActParams params : List.of(withInstruction, withAction)) {
        SessionActParams read = roundTrip(params);
        SessionActParams again = read.toBuilder().id(params.id()).build();

        assertThat(again).isEqualTo(params).hasSameHashCodeAs(params);
        assertThat(read.instruction()).isEqualTo(params.instruction());
        assertThat(read.action()).isEqualTo(params.action());
      }
    }
  }

  @Nested
  class ObserveParams {
    @Test
    void observeParamsWithEveryFieldWriteExactlyTheSpecProperties() {
      SessionObserveParams params = SessionObserveParams.builder()
          .id("session-1")
          .instruction("Find all clickable navigation links")
          .options(ObserveOptions.builder()
              .model(genericModel())
              .putVariable("username", VariableValue.of("john@example.com").withDescription("The login email"))
              .putVariable("rememberMe", VariableValue.of(true))
              .timeout(30000)
              .selector("nav")
              .ignoreSelectors(List.of("nav", ".cookie-banner"))
              .addIgnoreSelector("#sidebar-ads")
              .build())
          .frameId("frame-2")
          .build();

      assertWritesJson(params, """
          {"instruction": "Find all clickable navigation links",
           "options": {"model": %s,
                       "variables": {"username": {"value": "john@example.com", "description": "The login email"},
                                     "rememberMe": true},
                       "timeout": 30000,
                       "selector": "nav",
                       "ignoreSelectors": ["nav", ".cookie-banner", "#sidebar-ads"]},
           "frameId": "frame-2"}
          """.formatted(GENERIC_MODEL_JSON));
      SessionObserveParams again = roundTrip(params).toBuilder().id("session-1").build();
      assertThat(again).isEqualTo(params).hasSameHashCodeAs(params);
      assertThat(again.options().orElseThrow().modelConfig()).contains(genericModel());
      assertThat(again.options().orElseThrow().variables().get("username").description()).contains("The login email");
    }

    @Test
    void observeParamsWithoutAnythingWriteAnEmptyObject() {
      assertWritesJson(SessionObserveParams.builder().id("s").build(), "{}");
    }

    @Test
    void observeOptionsWithAModelNameWriteTheString() {
      ObserveOptions options = ObserveOptions.builder().model("anthropic/claude-sonnet-4").build();

      assertWritesJson(options, "{\"model\": \"anthropic/claude-sonnet-4\"}");
      assertThat(options.modelName()).contains("anthropic/claude-sonnet-4");
      assertThat(options.modelConfig()).isEmpty();
      assertThat(roundTrip(options)).isEqualTo(options);
    }
  }

  @Nested
  class ExtractParams {
    static final String SCHEMA = """
        {"type": "object",
         "properties": {"title": {"type": "string"}, "price": {"type": "number"}},
         "required": ["title"]}
        """;

    @Test
    void extractParamsWithASchemaNodeAndEveryOptionWriteExactlyTheSpecProperties() {
      SessionExtractParams params = SessionExtractParams.builder()
          .id("session-1")
          .instruction("Extract all product names and prices from the page")
          .schema(tree(SCHEMA))
          .options(ExtractOptions.builder()
              .model("openai/gpt-5-nano")
              .timeout(30000)
              .selector("#main-content")
              .addIgnoreSelector("nav")
              .addIgnoreSelector(".cookie-banner")
              .screenshot(false)
              .build())
          .frameId("frame-3")
          .build();

      assertWritesJson(params, """
          {"instruction": "Extract all product names and prices from the page",
           "schema": %s,
           "options": {"model": "openai/gpt-5-nano",
                       "timeout": 30000,
                       "selector": "#main-content",
                       "ignoreSelectors": ["nav", ".cookie-banner"],
                       "screenshot": false},
           "frameId": "frame-3"}
          """.formatted(SCHEMA));
      assertThat(params.schema()).contains(tree(SCHEMA));
      SessionExtractParams again = roundTrip(params).toBuilder().id("session-1").build();
      assertThat(again).isEqualTo(params).hasSameHashCodeAs(params);
    }

    @Test
    void extractParamsWithASchemaMapWriteTheSameSchema() {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("title", Map.of("type", "string"));
      properties.put("price", Map.of("type", "number"));
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put("type", "object");
      schema.put("properties", properties);
      schema.put("required", List.of("title"));

      SessionExtractParams params = SessionExtractParams.builder().id("s").schema(schema).build();

      assertWritesJson(params, "{\"schema\": %s}".formatted(SCHEMA));
      assertThat(params).isEqualTo(SessionExtractParams.builder().id("s").schema(tree(SCHEMA)).build());
    }

    @Test
    void extractOptionsWithAModelConfigWriteTheObject() {
      ExtractOptions options = ExtractOptions.builder().model(azureApiKeyModel()).screenshot(true).build();

      assertWritesJson(options, "{\"model\": %s, \"screenshot\": true}".formatted(AZURE_API_KEY_MODEL_JSON));
      assertThat(options.modelConfig()).contains(azureApiKeyModel());
      assertThat(roundTrip(options)).isEqualTo(options).hasSameHashCodeAs(options);
    }
  }

  @Nested
  class ExecuteAgentParams {
    @Test
    void executeAgentParamsWithEveryFieldWriteExactlyTheSpecProperties() {
      SessionExecuteAgentParams params = SessionExecuteAgentParams.builder()
          .id("session-1")
          .agentConfig(AgentConfig.builder()
              .provider(ModelProvider.ANTHROPIC)
              .model(vertexModel())
              .systemPrompt("You are a careful agent.")
              .cua(true)
              .mode(AgentConfig.Mode.HYBRID)
              .executionModel("openai/gpt-5-nano")
              .build())
          .executeOptions(AgentExecuteOptions.builder()
              .instruction("Log in with username 'demo' and password 'test123', then navigate to settings")
              .maxSteps(20)
              .highlightCursor(true)
              .useSearch(false)
              .toolTimeout(30000)
              .putVariable("user", "demo")
              .putVariable("pin", VariableValue.of(1234).withDescription("the PIN"))
              .build())
          .frameId("frame-4")
          .shouldCache(true)
          .build();

      assertWritesJson(params, """
          {"agentConfig": {"provider": "anthropic",
                           "model": %s,
                           "systemPrompt": "You are a careful agent.",
                           "cua": true,
                           "mode": "hybrid",
                           "executionModel": "openai/gpt-5-nano"},
           "executeOptions": {"instruction": "Log in with username 'demo' and password 'test123', then navigate to settings",
                              "maxSteps": 20,
                              "highlightCursor": true,
                              "useSearch": false,
                              "toolTimeout": 30000,
                              "variables": {"user": "demo", "pin": {"value": 1234, "description": "the PIN"}}},
           "frameId": "frame-4",
           "shouldCache": true}
          """.formatted(VERTEX_MODEL_JSON));
      SessionExecuteAgentParams again = roundTrip(params).toBuilder().id("session-1").build();
      assertThat(again).isEqualTo(params).hasSameHashCodeAs(params);
      assertThat(again.agentConfig().modelConfig()).contains(vertexModel());
      assertThat(again.agentConfig().modelName()).isEmpty();
      assertThat(again.agentConfig().executionModelName()).contains("openai/gpt-5-nano");
      assertThat(again.agentConfig().executionModelConfig()).isEmpty();
      assertThat(again.executeOptions().maxSteps()).contains(20);
      assertThat(again.executeOptions().toolTimeout()).contains(30000);
      assertThat(again.executeOptions().highlightCursor()).contains(true);
      assertThat(again.executeOptions().useSearch()).contains(false);
      assertThat(again.frameId()).contains("frame-4");
      assertThat(again.shouldCache()).contains(true);
    }

    @Test
    void agentConfigWithAModelNameAndAnExecutionModelConfigWritesBothForms() {
      AgentConfig config = AgentConfig.builder()
          .model("openai/gpt-5-nano")
          .executionModel(azureEntraModel())
          .build();

      assertWritesJson(config, """
          {"model": "openai/gpt-5-nano", "executionModel": %s}
          """.formatted(AZURE_ENTRA_MODEL_JSON));
      assertThat(config.modelName()).contains("openai/gpt-5-nano");
      assertThat(config.modelConfig()).isEmpty();
      assertThat(config.executionModelConfig()).contains(azureEntraModel());
      assertThat(config.executionModelName()).isEmpty();
      assertThat(roundTrip(config)).isEqualTo(config).hasSameHashCodeAs(config);
    }

    @Test
    void executeAgentParamsWithOnlyTheRequiredFieldsWriteOnlyThem() {
      SessionExecuteAgentParams params = SessionExecuteAgentParams.builder()
          .id("s")
          .agentConfig(AgentConfig.builder().build())
          .executeOptions(AgentExecuteOptions.builder().instruction("do it").build())
          .build();

      assertWritesJson(params, "{\"agentConfig\": {}, \"executeOptions\": {\"instruction\": \"do it\"}}");
    }
  }

  @Nested
  class NavigateReplayEndParams {
    @Test
    void navigateParamsWithEveryFieldWriteExactlyTheSpecProperties() {
      SessionNavigateParams params = SessionNavigateParams.builder()
          .id("session-1")
          .url("https://example.com")
          .options(NavigateOptions.builder()
              .referer("https://google.com")
              .timeout(30000)
              .waitUntil(NavigateOptions.WaitUntil.NETWORKIDLE)
              .build())
          .frameId("frame-5")
          .build();

      assertWritesJson(params, """
          {"url": "https://example.com",
           "options": {"referer": "https://google.com", "timeout": 30000, "waitUntil": "networkidle"},
           "frameId": "frame-5"}
          """);
      SessionNavigateParams again = roundTrip(params).toBuilder().id("session-1").build();
      assertThat(again).isEqualTo(params).hasSameHashCodeAs(params);
      assertThat(again.url()).isEqualTo("https://example.com");
      assertThat(again.options().orElseThrow().waitUntil()).contains(NavigateOptions.WaitUntil.NETWORKIDLE);
      assertThat(again.options().orElseThrow().referer()).contains("https://google.com");
      assertThat(again.options().orElseThrow().timeout()).contains(30000);
    }

    @Test
    void replayAndEndParamsHaveAnEmptyBody() {
      assertWritesJson(SessionReplayParams.builder().id("session-1").build(), "{}");
      assertWritesJson(SessionEndParams.builder().id("session-1").build(), "{}");
    }

    @Test
    void theSessionIdIsNeverInTheBody() {
      List<Object> params = List.of(
          SessionActParams.builder().id("session-xyz").input("x").build(),
          SessionObserveParams.builder().id("session-xyz").build(),
          SessionExtractParams.builder().id("session-xyz").build(),
          SessionNavigateParams.builder().id("session-xyz").url("https://a.b").build(),
          SessionExecuteAgentParams.builder().id("session-xyz")
              .agentConfig(AgentConfig.builder().build())
              .executeOptions(AgentExecuteOptions.builder().instruction("i").build()).build(),
          SessionReplayParams.builder().id("session-xyz").build(),
          SessionEndParams.builder().id("session-xyz").build());

      for (Object p : params) {
        JsonNode body = written(p);
        assertThat(body.has("id")).as(p.getClass().getSimpleName()).isFalse();
        assertThat(body.toString()).as(p.getClass().getSimpleName()).doesNotContain("session-xyz");
      }
    }

    @Test
    void additionalHeadersAndQueryParamsAreNotInTheBodyButAdditionalBodyPropertiesAre() {
      SessionNavigateParams params = SessionNavigateParams.builder()
          .id("s")
          .url("https://a.b")
          .putAdditionalHeader("X-Trace", "t-1")
          .putAdditionalQueryParam("debug", "1")
          .putAdditionalBodyProperty("newOption", Map.of("enabled", true))
          .build();

      assertWritesJson(params, """
          {"url": "https://a.b", "newOption": {"enabled": true}}
          """);
    }
  }

  // ---------------------------------------------------------------- unions

  @Nested
  class ModelConfigForms {
    @Test
    void genericModelConfigWritesOpenaiEndpointFormat() {
      assertWritesJson(genericModel(), GENERIC_MODEL_JSON);
      assertThat(genericModel().openaiEndpointFormat()).contains(ModelConfig.OpenaiEndpointFormat.CHAT);
    }

    @Test
    void vertexModelConfigWritesServiceAccountAuthAndVertexProviderOptions() {
      assertWritesJson(vertexModel(), VERTEX_MODEL_JSON);
    }

    @Test
    void azureModelConfigWithAnApiKeyWritesAzureProviderOptions() {
      assertWritesJson(azureApiKeyModel(), AZURE_API_KEY_MODEL_JSON);
    }

    @Test
    void azureModelConfigWithAnEntraIdTokenWritesTheAuth() {
      assertWritesJson(azureEntraModel(), AZURE_ENTRA_MODEL_JSON);
    }

    @Test
    void everyModelConfigFormReadsBackEqual() {
      for (ModelConfig config : List.of(genericModel(), vertexModel(), azureApiKeyModel(), azureEntraModel())) {
        ModelConfig again = roundTrip(config);

        assertThat(again).isEqualTo(config).hasSameHashCodeAs(config);
      }
    }

    @Test
    void vertexModelConfigReadFromJsonGivesTypedAuthAndProviderOptions() {
      ModelConfig config = parse(VERTEX_MODEL_JSON, ModelConfig.class);

      assertThat(config.modelName()).isEqualTo("vertex/gemini-2.5-pro");
      assertThat(config.apiKey()).contains("vertex-key");
      assertThat(config.baseURL()).contains("https://vertex.example.com");
      assertThat(config.headers()).containsExactly(Map.entry("X-Goog-User-Project", "my-gcp-project"));
      assertThat(config.provider()).contains(ModelProvider.VERTEX);
      GoogleServiceAccountAuth auth = (GoogleServiceAccountAuth) config.auth().orElseThrow();
      assertThat(auth.type()).isEqualTo("googleServiceAccount");
      assertThat(auth.scopeList()).contains(List.of("https://www.googleapis.com/auth/cloud-platform", "openid"));
      assertThat(auth.scope()).isEmpty();
      assertThat(auth.projectId()).contains("my-gcp-project");
      assertThat(auth.universeDomain()).contains("googleapis.com");
      GoogleServiceAccountCredentials creds = auth.credentials();
      assertThat(creds.type()).isEqualTo("service_account");
      assertThat(creds.projectId()).contains("my-gcp-project");
      assertThat(creds.privateKeyId()).contains("key-id-1");
      assertThat(creds.privateKey()).isEqualTo("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
      assertThat(creds.clientEmail()).isEqualTo("bot@my-gcp-project.iam.gserviceaccount.com");
      assertThat(creds.clientId()).contains("1234567890");
      assertThat(creds.authUri()).contains("https://accounts.google.com/o/oauth2/auth");
      assertThat(creds.tokenUri()).contains("https://oauth2.googleapis.com/token");
      assertThat(creds.authProviderX509CertUrl()).contains("https://www.googleapis.com/oauth2/v1/certs");
      assertThat(creds.clientX509CertUrl()).contains("https://www.googleapis.com/robot/v1/metadata/x509/bot");
      assertThat(creds.universeDomain()).contains("googleapis.com");
      VertexProviderOptions vertex = ((VertexModelProviderOptions) config.providerOptions().orElseThrow()).vertex();
      assertThat(vertex.project()).isEqualTo("my-gcp-project");
      assertThat(vertex.location()).isEqualTo("us-central1");
      assertThat(vertex.baseURL()).contains("https://us-central1-aiplatform.googleapis.com");
      assertThat(vertex.headers()).containsExactly(Map.entry("X-Trace", "t-1"));
    }

    @Test
    void azureModelConfigsReadFromJsonGiveTypedAuthAndProviderOptions() {
      ModelConfig apiKey = parse(AZURE_API_KEY_MODEL_JSON, ModelConfig.class);
      ModelConfig entra = parse(AZURE_ENTRA_MODEL_JSON, ModelConfig.class);

      AzureProviderOptions azure = ((AzureModelProviderOptions) apiKey.providerOptions().orElseThrow()).azure();
      assertThat(apiKey.provider()).contains(ModelProvider.AZURE);
      assertThat(apiKey.apiKey()).contains("azure-key");
      assertThat(apiKey.auth()).isEmpty();
      assertThat(azure.resourceName()).contains("my-azure-openai-resource");
      assertThat(azure.baseURL()).contains("https://my-resource.openai.azure.com");
      assertThat(azure.apiVersion()).contains("2024-10-01-preview");
      assertThat(azure.useDeploymentBasedUrls()).contains(true);
      assertThat(azure.headers()).containsExactly(Map.entry("api-tenant", "t"));

      AzureEntraIdAuth auth = (AzureEntraIdAuth) entra.auth().orElseThrow();
      assertThat(auth.type()).isEqualTo("azureEntraId");
      assertThat(auth.token()).isEqualTo("eyJ0eXAiOiJKV1QiLCJhbGciOi");
      assertThat(entra.apiKey()).isEmpty();
      assertThat(entra.providerOptions().orElseThrow()).isInstanceOf(AzureModelProviderOptions.class);
    }

    @Test
    void scopesAsOneStringAreWrittenAsAString() {
      GoogleServiceAccountAuth auth = GoogleServiceAccountAuth.builder()
          .credentials(GoogleServiceAccountCredentials.builder().privateKey("k").clientEmail("e@x").build())
          .scopes("https://www.googleapis.com/auth/cloud-platform")
          .build();

      assertWritesJson(auth, """
          {"type": "googleServiceAccount",
           "credentials": {"type": "service_account", "private_key": "k", "client_email": "e@x"},
           "scopes": "https://www.googleapis.com/auth/cloud-platform"}
          """);
      assertThat(auth.scope()).contains("https://www.googleapis.com/auth/cloud-platform");
      assertThat(auth.scopeList()).isEmpty();
      assertThat(roundTrip(auth)).isEqualTo(auth).hasSameHashCodeAs(auth);
    }

    @Test
    void modelProviderOptionsFactoriesBuildTheTypedWrappers() {
      VertexProviderOptions vertex = VertexProviderOptions.builder().project("p").location("l").build();
      AzureProviderOptions azure = AzureProviderOptions.builder().apiVersion("v").build();

      assertThat(ModelProviderOptions.vertex(vertex))
          .isEqualTo(VertexModelProviderOptions.builder().vertex(vertex).build());
      assertThat(ModelProviderOptions.azure(azure))
          .isEqualTo(AzureModelProviderOptions.builder().azure(azure).build());
      assertWritesJson(ModelProviderOptions.vertex(vertex), "{\"vertex\": {\"project\": \"p\", \"location\": \"l\"}}");
      assertWritesJson(ModelProviderOptions.azure(azure), "{\"azure\": {\"apiVersion\": \"v\"}}");
    }
  }

  @Nested
  class Variables {
    @Test
    void primitiveVariablesAreWrittenBare() {
      assertWritesJson(VariableValue.of("text"), "\"text\"");
      assertWritesJson(VariableValue.of(7), "7");
      assertWritesJson(VariableValue.of(2.5), "2.5");
      assertWritesJson(VariableValue.of(true), "true");
    }

    @Test
    void describedVariablesAreWrittenAsValueAndDescription() {
      assertWritesJson(VariableValue.of("x@y.z").withDescription("the email"),
          "{\"value\": \"x@y.z\", \"description\": \"the email\"}");
      assertWritesJson(VariableValue.of(3).withDescription("count"), "{\"value\": 3, \"description\": \"count\"}");
      assertWritesJson(VariableValue.of(false).withDescription("flag"),
          "{\"value\": false, \"description\": \"flag\"}");
    }

    @Test
    void variablesReadFromJsonGiveTheirValueAndDescription() {
      ActOptions options = parse("""
          {"variables": {"s": "text", "i": 5, "d": 0.25, "b": true,
                         "described": {"value": "v", "description": "what it is"}}}
          """, ActOptions.class);

      Map<String, VariableValue> variables = options.variables();
      assertThat(variables.get("s")).isEqualTo(VariableValue.of("text"));
      assertThat(variables.get("i")).isEqualTo(VariableValue.of(5));
      assertThat(variables.get("d")).isEqualTo(VariableValue.of(0.25));
      assertThat(variables.get("b")).isEqualTo(VariableValue.of(true));
      assertThat(variables.get("described")).isEqualTo(VariableValue.of("v").withDescription("what it is"));
      assertThat(variables.get("described").value()).isEqualTo("v");
      assertThat(variables.get("described").description()).contains("what it is");
      assertThat(variables.get("s").description()).isEmpty();
    }

    @Test
    void everyVariableFormReadsBackEqual() {
      List<VariableValue> values = List.of(
          VariableValue.of("s"), VariableValue.of(1), VariableValue.of(1.75), VariableValue.of(true),
          VariableValue.of("s").withDescription("d"), VariableValue.of(9).withDescription("n"),
          VariableValue.of(false).withDescription("b"));

      for (VariableValue value : values) {
        VariableValue again = parse(com.browserbase.stagehand.internal.runtime.Json.write(value), VariableValue.class);

        assertThat(again).isEqualTo(value).hasSameHashCodeAs(value);
      }
    }

    @Test
    void numericVariablesOfAnyJavaTypeReadBackEqual() {
      VariableValue longValue = VariableValue.of(5L);
      VariableValue floatValue = VariableValue.of(1.5f);

      assertThat(parse(com.browserbase.stagehand.internal.runtime.Json.write(longValue), VariableValue.class))
          .isEqualTo(longValue);
      assertThat(parse(com.browserbase.stagehand.internal.runtime.Json.write(floatValue), VariableValue.class))
          .isEqualTo(floatValue);
      assertThat(VariableValue.of(5L)).isEqualTo(VariableValue.of(5));
    }
  }

  @Nested
  class UnknownPropertiesOfRequests {
    @Test
    void nestedRequestObjectsWriteAdditionalProperties() {
      SessionActParams params = SessionActParams.builder()
          .id("s")
          .input("go")
          .options(ActOptions.builder()
              .model(ModelConfig.builder().modelName("m").putAdditionalProperty("temperature", 0.2).build())
              .putAdditionalProperty("retries", 2)
              .build())
          .putAdditionalProperty("trace", true)
          .build();

      assertWritesJson(params, """
          {"input": "go",
           "options": {"model": {"modelName": "m", "temperature": 0.2}, "retries": 2},
           "trace": true}
          """);
      assertThat(roundTrip(params).toBuilder().id("s").build()).isEqualTo(params);
    }

    @Test
    void unknownEnumValuesInRequestsAreWrittenAsGiven() {
      SessionStartParams params = SessionStartParams.builder()
          .modelName("m")
          .browser(BrowserConfig.builder().type(BrowserConfig.Type.of("remote")).build())
          .browserbaseSessionCreateParams(BrowserbaseSessionCreateParams.builder()
              .region(BrowserbaseRegion.of("ap-northeast-1")).build())
          .build();

      assertWritesJson(params, """
          {"modelName": "m",
           "browser": {"type": "remote"},
           "browserbaseSessionCreateParams": {"region": "ap-northeast-1"}}
          """);
      SessionStartParams again = roundTrip(params);
      assertThat(again).isEqualTo(params);
      assertThat(again.browser().orElseThrow().type().orElseThrow().isKnown()).isFalse();
      assertThat(again.browserbaseSessionCreateParams().orElseThrow().region().orElseThrow().value())
          .isEqualTo("ap-northeast-1");
    }
  }
}
