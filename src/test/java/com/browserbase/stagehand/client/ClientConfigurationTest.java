package com.browserbase.stagehand.client;

import static com.browserbase.stagehand.client.WireFixtures.json;
import static com.browserbase.stagehand.client.WireFixtures.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.BrowserbaseRegion;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionExtractParams;
import com.browserbase.stagehand.models.sessions.SessionReplayParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client's settings as they show on the wire: headers, environment, regions, timeouts, cookies. */
class ClientConfigurationTest {
  private static final SessionStartParams START = SessionStartParams.builder().modelName("openai/gpt-5-nano").build();
  private static final SessionActParams ACT = SessionActParams.builder().id("s-1").input("click").build();
  private static final SessionExecuteAgentParams AGENT = SessionExecuteAgentParams.builder()
      .id("s-1")
      .agentConfig(AgentConfig.builder().model("openai/gpt-5-nano").build())
      .executeOptions(AgentExecuteOptions.builder().instruction("do it").build())
      .build();

  @RegisterExtension
  final MockStagehand mock = MockStagehand.create();
  private MockWebServer server;

  @BeforeEach
  void useMock() {
    server = mock.server();
  }

  private StagehandClient client(Consumer<StagehandOkHttpClient.Builder> change) {
    return mock.newClient(change);
  }

  private StagehandClient keep(StagehandClient client) {
    return mock.closeAfter(client);
  }

  private RecordedRequest startOnce(StagehandClient client) {
    mock.enqueue(WireFixtures.START_OK);
    client.sessions().start(START);
    return mock.take();
  }

  // ---- headers ----

  @Test
  void everyRequestIdentifiesTheSdkAndNeverSendsXLanguage() {
    StagehandClient client = client(b -> {});
    server.enqueue(json(WireFixtures.START_OK));
    server.enqueue(json(WireFixtures.REPLAY_OK));

    client.sessions().start(START);
    client.sessions().replay(SessionReplayParams.builder().id("s-1").build());

    for (int i = 0; i < 2; i++) {
      RecordedRequest request = take(server);
      assertThat(request.getHeaders().get("User-Agent")).startsWith("stagehand-java/");
      assertThat(request.getHeaders().get("x-sdk-version")).isNotBlank();
      assertThat(request.getHeaders().names()).noneMatch(name -> name.equalsIgnoreCase("x-language"));
    }
  }

  @Test
  void noCredentialHeaderIsSentWhenNoneIsSet() {
    RecordedRequest request = startOnce(client(b -> {}));

    assertThat(request.getHeaders().get("x-bb-api-key")).isNull();
    assertThat(request.getHeaders().get("x-bb-project-id")).isNull();
    assertThat(request.getHeaders().get("x-model-api-key")).isNull();
  }

  @ParameterizedTest(name = "only {0} is sent")
  @CsvSource({"x-bb-api-key", "x-bb-project-id", "x-model-api-key"})
  void eachCredentialHeaderIsSentOnlyWhenItsSettingIsSet(String header) {
    StagehandClient client = client(b -> {
      switch (header) {
        case "x-bb-api-key" -> b.browserbaseApiKey("value-1");
        case "x-bb-project-id" -> b.browserbaseProjectId("value-1");
        default -> b.modelApiKey("value-1");
      }
    });

    RecordedRequest request = startOnce(client);

    for (String name : List.of("x-bb-api-key", "x-bb-project-id", "x-model-api-key")) {
      assertThat(request.getHeaders().get(name)).as(name).isEqualTo(name.equals(header) ? "value-1" : null);
    }
  }

  @Test
  void putHeaderAddsAHeaderToEveryRequest() {
    StagehandClient client = client(b -> b.putHeader("x-tenant", "acme"));
    server.enqueue(json(WireFixtures.START_OK));
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(json(WireFixtures.END_OK));

    client.sessions().start(START);
    client.sessions().act(ACT);
    client.sessions().end(SessionEndParams.builder().id("s-1").build());

    for (int i = 0; i < 3; i++) {
      assertThat(take(server).getHeaders().values("x-tenant")).containsExactly("acme");
    }
  }

  @Test
  void putHeaderReplacesAnSdkHeaderOfTheSameName() {
    RecordedRequest request = startOnce(client(b -> b.putHeader("User-Agent", "my-app/1.0")));

    assertThat(request.getHeaders().values("User-Agent")).containsExactly("my-app/1.0");
  }

  // ---- plain HTTP ----

  @Test
  void plainHttpToAnotherMachineIsRefusedAtBuildNamingTheRiskAndTheWayOut() {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder().baseUrl("http://stagehand.internal:3000")
        .modelApiKey("sk-model-secret");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("baseUrl http://stagehand.internal:3000 is plain HTTP to another machine: the API keys and every"
            + " session's data would cross the network unencrypted. Use https://, or allowPlainHttp(true)"
            + " (STAGEHAND_ALLOW_PLAIN_HTTP=true) on a network you trust end to end");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:3000", "http://127.0.0.1:3000", "http://127.8.9.10:3000",
      "http://[::1]:3000", "http://stagehand.localhost:3000", "https://stagehand.internal"})
  void httpsAndThisMachineNeedNoAllowance(String baseUrl) {
    assertThat(keep(StagehandOkHttpClient.builder().baseUrl(baseUrl).build()).baseUrl()).isEqualTo(baseUrl);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.5:3000", "http://[::2]:3000", "http://localhost.example.com",
      "http://127.0.0.1.nip.io"})
  void otherHostsAreAnotherMachine(String baseUrl) {
    assertThatThrownBy(() -> StagehandOkHttpClient.builder().baseUrl(baseUrl).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is plain HTTP to another machine");
  }

  @Test
  void plainHttpIsAllowedWhenAskedInCodeOrInTheEnvironment() throws Exception {
    assertThat(keep(StagehandOkHttpClient.builder().baseUrl("http://stagehand.internal:3000").allowPlainHttp(true)
        .build()).baseUrl()).isEqualTo("http://stagehand.internal:3000");
    assertThat(fromEnv(Map.of(), Map.of("STAGEHAND_BASE_URL", "http://stagehand.internal:3000",
        "STAGEHAND_ALLOW_PLAIN_HTTP", "true"), b -> {}).baseUrl()).isEqualTo("http://stagehand.internal:3000");
    assertThatThrownBy(() -> fromEnv(Map.of(), Map.of("STAGEHAND_BASE_URL", "http://stagehand.internal:3000"), b -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClientDerivedWithPlainHttpToAnotherMachineIsRefusedToo() {
    StagehandClient client = mock.client();

    assertThatThrownBy(() -> client.withOptions(b -> b.baseUrl("http://stagehand.internal:3000")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is plain HTTP to another machine");
  }

  // ---- fromEnv ----

  private StagehandClient fromEnv(Map<String, String> properties, Map<String, String> environment,
      Consumer<StagehandOkHttpClient.Builder> after) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .sleeper(new WireFixtures.RecordingSleeper())
        .fromEnv(properties::get, environment::get);
    after.accept(builder);
    return keep(builder.build());
  }

  private String serverUrl() {
    return server.url("/").toString();
  }

  @Test
  void fromEnvReadsTheEnvironmentVariables() {
    RecordedRequest request = startOnce(fromEnv(Map.of(), Map.of(
        "STAGEHAND_BASE_URL", serverUrl(),
        "BROWSERBASE_API_KEY", "env-bb",
        "BROWSERBASE_PROJECT_ID", "env-proj",
        "MODEL_API_KEY", "env-model"), b -> {}));

    assertThat(request.getTarget()).isEqualTo("/v1/sessions/start");
    assertThat(request.getHeaders().get("x-bb-api-key")).isEqualTo("env-bb");
    assertThat(request.getHeaders().get("x-bb-project-id")).isEqualTo("env-proj");
    assertThat(request.getHeaders().get("x-model-api-key")).isEqualTo("env-model");
  }

  @Test
  void fromEnvAcceptsStagehandApiUrlForTheBaseUrl() {
    RecordedRequest request = startOnce(fromEnv(Map.of(), Map.of("STAGEHAND_API_URL", serverUrl()), b -> {}));

    assertThat(request.getTarget()).isEqualTo("/v1/sessions/start");
  }

  @Test
  void fromEnvPrefersStagehandBaseUrlOverStagehandApiUrl() {
    RecordedRequest request = startOnce(fromEnv(Map.of(), Map.of(
        "STAGEHAND_BASE_URL", serverUrl(),
        "STAGEHAND_API_URL", "http://127.0.0.1:1/"), b -> {}));

    assertThat(request.getTarget()).isEqualTo("/v1/sessions/start");
  }

  @Test
  void fromEnvReadsTheSystemProperties() {
    RecordedRequest request = startOnce(fromEnv(Map.of(
        "stagehand.baseUrl", serverUrl(),
        "stagehand.browserbaseApiKey", "prop-bb",
        "stagehand.browserbaseProjectId", "prop-proj",
        "stagehand.modelApiKey", "prop-model"), Map.of(), b -> {}));

    assertThat(request.getHeaders().get("x-bb-api-key")).isEqualTo("prop-bb");
    assertThat(request.getHeaders().get("x-bb-project-id")).isEqualTo("prop-proj");
    assertThat(request.getHeaders().get("x-model-api-key")).isEqualTo("prop-model");
  }

  @Test
  void systemPropertiesWinOverEnvironmentVariables() {
    RecordedRequest request = startOnce(fromEnv(
        Map.of(
            "stagehand.baseUrl", serverUrl(),
            "stagehand.browserbaseApiKey", "prop-bb",
            "stagehand.browserbaseProjectId", "prop-proj",
            "stagehand.modelApiKey", "prop-model"),
        Map.of(
            "STAGEHAND_BASE_URL", "http://127.0.0.1:1/",
            "STAGEHAND_API_URL", "http://127.0.0.1:2/",
            "BROWSERBASE_API_KEY", "env-bb",
            "BROWSERBASE_PROJECT_ID", "env-proj",
            "MODEL_API_KEY", "env-model"),
        b -> {}));

    assertThat(request.getHeaders().get("x-bb-api-key")).isEqualTo("prop-bb");
    assertThat(request.getHeaders().get("x-bb-project-id")).isEqualTo("prop-proj");
    assertThat(request.getHeaders().get("x-model-api-key")).isEqualTo("prop-model");
  }

  @Test
  void settersCalledBeforeFromEnvStillWin() {
    StagehandClient client = keep(StagehandOkHttpClient.builder()
        .sleeper(new WireFixtures.RecordingSleeper())
        .baseUrl(serverUrl())
        .browserbaseApiKey("explicit-bb")
        .fromEnv(Map.of("stagehand.browserbaseApiKey", "prop-bb")::get,
            Map.of("STAGEHAND_BASE_URL", "http://127.0.0.1:2/", "MODEL_API_KEY", "env-model")::get)
        .build());

    RecordedRequest request = startOnce(client);

    assertThat(request.getHeaders().get("x-bb-api-key")).isEqualTo("explicit-bb");
    assertThat(request.getHeaders().get("x-model-api-key")).isEqualTo("env-model");
  }

  @Test
  void explicitSettersWinOverPropertiesAndEnvironment() {
    Map<String, String> properties = Map.of(
        "stagehand.baseUrl", "http://127.0.0.1:1/",
        "stagehand.browserbaseApiKey", "prop-bb",
        "stagehand.modelApiKey", "prop-model");
    Map<String, String> environment = Map.of(
        "STAGEHAND_BASE_URL", "http://127.0.0.1:2/",
        "BROWSERBASE_API_KEY", "env-bb",
        "BROWSERBASE_PROJECT_ID", "env-proj",
        "MODEL_API_KEY", "env-model");

    RecordedRequest request = startOnce(fromEnv(properties, environment, b -> b
        .baseUrl(serverUrl())
        .browserbaseApiKey("explicit-bb")
        .browserbaseProjectId("explicit-proj")
        .modelApiKey("explicit-model")));

    assertThat(request.getHeaders().get("x-bb-api-key")).isEqualTo("explicit-bb");
    assertThat(request.getHeaders().get("x-bb-project-id")).isEqualTo("explicit-proj");
    assertThat(request.getHeaders().get("x-model-api-key")).isEqualTo("explicit-model");
  }

  @Test
  void fromEnvIgnoresBlankValues() {
    Map<String, String> environment = new HashMap<>();
    environment.put("STAGEHAND_BASE_URL", serverUrl());
    environment.put("BROWSERBASE_API_KEY", "   ");
    environment.put("MODEL_API_KEY", "");

    RecordedRequest request = startOnce(fromEnv(Map.of("stagehand.browserbaseProjectId", " "), environment, b -> {}));

    assertThat(request.getHeaders().get("x-bb-api-key")).isNull();
    assertThat(request.getHeaders().get("x-bb-project-id")).isNull();
    assertThat(request.getHeaders().get("x-model-api-key")).isNull();
  }

  // ---- base URL and regions ----

  @Test
  void baseUrlWithAPathPrefixKeepsThePrefix() {
    RecordedRequest request = startOnce(keep(StagehandOkHttpClient.builder()
        .baseUrl(server.url("/proxy/stagehand").toString())
        .build()));

    assertThat(request.getTarget()).isEqualTo("/proxy/stagehand/v1/sessions/start");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "US_WEST_2,      https://api.stagehand.browserbase.com/v1/sessions/start",
      "US_EAST_1,      https://api.use1.stagehand.browserbase.com/v1/sessions/start",
      "EU_CENTRAL_1,   https://api.euc1.stagehand.browserbase.com/v1/sessions/start",
      "AP_SOUTHEAST_1, https://api.apse1.stagehand.browserbase.com/v1/sessions/start",
  })
  void regionSendsRequestsToItsHost(String region, String expectedUrl) throws Exception {
    BrowserbaseRegion value = (BrowserbaseRegion) BrowserbaseRegion.class.getField(region).get(null);
    List<String> urls = new ArrayList<>();
    StagehandClient client = keep(StagehandOkHttpClient.builder()
        .okHttpClient(WireFixtures.cannedHttp(WireFixtures.START_OK, chain -> urls.add(chain.request().url().toString())))
        .region(value)
        .build());

    client.sessions().start(START);

    assertThat(urls).containsExactly(expectedUrl);
  }

  @Test
  void theDefaultBaseUrlIsTheHostedApi() {
    List<String> urls = new ArrayList<>();
    StagehandClient client = keep(StagehandOkHttpClient.builder()
        .okHttpClient(WireFixtures.cannedHttp(WireFixtures.START_OK, chain -> urls.add(chain.request().url().toString())))
        .build());

    client.sessions().start(START);

    assertThat(urls).containsExactly("https://api.stagehand.browserbase.com/v1/sessions/start");
  }

  // ---- timeouts ----

  /** The call timeout each call ran with, in milliseconds. */
  private final List<Long> timeoutsMs = new ArrayList<>();

  private StagehandClient timingClient(String body, Consumer<StagehandOkHttpClient.Builder> change) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .baseUrl("https://stagehand.invalid")
        .okHttpClient(WireFixtures.cannedHttp(body,
            chain -> timeoutsMs.add(TimeUnit.NANOSECONDS.toMillis(chain.call().timeout().timeoutNanos()))));
    change.accept(builder);
    return keep(builder.build());
  }

  @Test
  void actTimesOutAfterFiveMinutesByDefault() {
    timingClient(WireFixtures.ACT_OK, b -> {}).sessions().act(ACT);

    assertThat(timeoutsMs).containsExactly(Duration.ofMinutes(5).toMillis());
  }

  @Test
  void executeAgentTimesOutAfterThirtyMinutesByDefault() {
    timingClient(WireFixtures.AGENT_OK, b -> {}).sessions().executeAgent(AGENT);

    assertThat(timeoutsMs).containsExactly(Duration.ofMinutes(30).toMillis());
  }

  @Test
  void theClientTimeoutAppliesToEveryOperation() {
    StagehandClient act = timingClient(WireFixtures.ACT_OK, b -> b.timeout(Duration.ofSeconds(90)));
    StagehandClient agent = timingClient(WireFixtures.AGENT_OK, b -> b.timeout(Duration.ofSeconds(90)));

    act.sessions().act(ACT);
    agent.sessions().executeAgent(AGENT);

    assertThat(timeoutsMs).containsExactly(90_000L, 90_000L);
  }

  @Test
  void theRequestOptionsTimeoutWinsOverTheClientTimeout() {
    StagehandClient client = timingClient(WireFixtures.ACT_OK, b -> b.timeout(Duration.ofSeconds(90)));

    client.sessions().act(ACT, RequestOptions.builder().timeout(Duration.ofSeconds(42)).build());

    assertThat(timeoutsMs).containsExactly(42_000L);
  }

  @Test
  void anOperationTimeoutInTheOptionsIsOutlastedByTheHttpTimeout() {
    StagehandClient defaults = timingClient(WireFixtures.ACT_OK, b -> {});
    StagehandClient short1 = timingClient(WireFixtures.ACT_OK, b -> b.timeout(Duration.ofMinutes(1)));

    SessionActParams slow = ACT.toBuilder().options(ActOptions.builder().timeout(600_000).build()).build();
    defaults.sessions().act(slow);
    short1.sessions().act(slow);
    short1.sessions().act(slow, RequestOptions.builder().timeout(Duration.ofSeconds(10)).build());

    assertThat(timeoutsMs).hasSize(3).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(630_000L));
  }

  @Test
  void anExtractTimeoutInTheOptionsIsOutlastedByTheHttpTimeout() {
    StagehandClient client = timingClient(WireFixtures.EXTRACT_OK, b -> b.timeout(Duration.ofSeconds(30)));

    client.sessions().extract(SessionExtractParams.builder().id("s-1").instruction("title")
        .options(ExtractOptions.builder().timeout(120_000).build()).build());

    assertThat(timeoutsMs).singleElement().satisfies(ms -> assertThat(ms).isGreaterThan(120_000L));
  }

  // ---- cookies ----

  @Test
  void cookiesSetByTheServerAreSentBackByTheSameClient() {
    StagehandClient client = client(b -> {});
    StagehandClient other = client(b -> {});
    server.enqueue(new MockResponse.Builder(json(WireFixtures.START_OK))
        .addHeader("Set-Cookie", "lb=node-7; Path=/; HttpOnly")
        .build());
    server.enqueue(json(WireFixtures.ACT_OK));
    server.enqueue(json(WireFixtures.ACT_OK));

    client.sessions().start(START);
    client.sessions().act(ACT);
    other.sessions().act(ACT);

    assertThat(take(server).getHeaders().get("Cookie")).isNull();
    assertThat(take(server).getHeaders().get("Cookie")).isEqualTo("lb=node-7");
    assertThat(take(server).getHeaders().get("Cookie")).as("another client").isNull();
  }

  @Test
  void cookiesAreKeptWithAUserSuppliedOkHttpClientWithoutACookieJar() {
    OkHttpClient own = new OkHttpClient();
    try {
      StagehandClient client = client(b -> b.okHttpClient(own));
      server.enqueue(new MockResponse.Builder(json(WireFixtures.START_OK))
          .addHeader("Set-Cookie", "lb=node-3; Path=/")
          .build());
      server.enqueue(json(WireFixtures.ACT_OK));

      client.sessions().start(START);
      client.sessions().act(ACT);

      take(server);
      assertThat(take(server).getHeaders().get("Cookie")).isEqualTo("lb=node-3");
    } finally {
      own.dispatcher().executorService().shutdown();
      own.connectionPool().evictAll();
    }
  }

  // ---- withOptions ----

  @Test
  void withOptionsGivesAChangedClientWhoseCloseLeavesTheParentWorking() {
    StagehandClient parent = client(b -> b.maxRetries(2));
    StagehandClient derived = parent.withOptions(b -> b.maxRetries(0).putHeader("x-derived", "yes"));

    server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build());
    assertThatThrownBy(() -> derived.sessions().replay(SessionReplayParams.builder().id("s-1").build()))
        .isInstanceOf(InternalServerException.class);
    assertThat(take(server).getHeaders().get("x-derived")).isEqualTo("yes");
    assertThat(server.getRequestCount()).as("no retry").isEqualTo(1);

    derived.close();
    assertThatThrownBy(() -> derived.sessions().replay(SessionReplayParams.builder().id("s-1").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The Stagehand client is closed");
    assertThat(server.getRequestCount()).as("nothing sent by the closed client").isEqualTo(1);

    server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build());
    server.enqueue(json(WireFixtures.REPLAY_OK));
    parent.sessions().replay(SessionReplayParams.builder().id("s-1").build());
    assertThat(take(server).getHeaders().get("x-derived")).isNull();
    assertThat(take(server).getHeaders().get("x-derived")).as("parent retried").isNull();
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  // ---- bad input ----

  @Test
  void aBaseUrlThatIsNotAUrlFailsNamingTheField() {
    assertThatThrownBy(() -> StagehandOkHttpClient.builder().baseUrl("not a url"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl");
  }

  @Test
  void negativeMaxRetriesFailNamingTheField() {
    assertThatThrownBy(() -> StagehandOkHttpClient.builder().maxRetries(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRetries");
  }

  @Test
  void aZeroTimeoutFailsNamingTheField() {
    assertThatThrownBy(() -> StagehandOkHttpClient.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  void aMaxIdleConnectionThatIsNotPositiveFailsNamingTheField() {
    assertThatThrownBy(() -> StagehandOkHttpClient.builder().maxIdleConnection(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIdleConnection must be positive, was PT0S");
    assertThatThrownBy(() -> StagehandOkHttpClient.builder().maxIdleConnection(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("maxIdleConnection");
  }

  @Test
  void paramsWithoutIdFailBeforeAnythingIsSent() {
    StagehandClient client = client(b -> {});

    assertThatThrownBy(() -> client.sessions().act(SessionActParams.builder().input("click").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> client.sessions().end(SessionEndParams.builder().build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anEmptyIdFailsBeforeAnythingIsSent() {
    StagehandClient client = client(b -> {});

    assertThatThrownBy(() -> client.sessions().replay(SessionReplayParams.builder().id("").build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void nullParamsFailBeforeAnythingIsSent() {
    StagehandClient client = client(b -> {});

    assertThatThrownBy(() -> client.sessions().start(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("params");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void toStringShowsNoCredential() {
    StagehandClient client = client(b -> b
        .browserbaseApiKey("bb_live_SECRET1")
        .browserbaseProjectId("proj_SECRET2")
        .modelApiKey("sk-SECRET3"));

    assertThat(client.toString())
        .doesNotContain("SECRET1")
        .doesNotContain("SECRET2")
        .doesNotContain("SECRET3");
  }
}
