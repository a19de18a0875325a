package com.browserbase.stagehand.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.PermissionDeniedException;
import com.browserbase.stagehand.errors.RateLimitException;
import com.browserbase.stagehand.errors.StagehandException;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.errors.StagehandIoException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.errors.UnauthorizedException;
import com.browserbase.stagehand.errors.UnexpectedStatusCodeException;
import com.browserbase.stagehand.errors.UnprocessableEntityException;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.errors.SseException;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ModelConfig;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.io.IOException;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How error answers and failures surface: exception class, status, headers, body, readable message. */
class ErrorMappingTest {
  private static final SessionActParams ACT = SessionActParams.builder().id("abc").input("click").build();
  private static final String ERROR_BODY = """
      {"success":false,"error":"boom","code":"X"}""";

  @RegisterExtension
  final MockStagehand mock = MockStagehand.withClient(b -> b.maxRetries(0));
  private MockWebServer server;
  private StagehandClient client;

  @BeforeEach
  void useMock() {
    server = mock.server();
    client = mock.client();
  }

  private StagehandServiceException failAct(MockResponse response) {
    if (response != null) {
      server.enqueue(response);
    }
    return catchThrowableOfType(StagehandServiceException.class, () -> client.sessions().act(ACT));
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, UnauthorizedException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, UnexpectedStatusCodeException.class),
        Arguments.of(422, UnprocessableEntityException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, InternalServerException.class),
        Arguments.of(502, InternalServerException.class),
        Arguments.of(503, InternalServerException.class));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("statuses")
  void eachErrorStatusMapsToItsException(int status, Class<? extends StagehandServiceException> type) {
    StagehandServiceException e = failAct(new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req-" + status)
        .body(ERROR_BODY)
        .build());

    assertThat(e).isExactlyInstanceOf(type).isInstanceOf(StagehandException.class);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.headers()).containsEntry("x-request-id", java.util.List.of("req-" + status));
    assertThat(e.header("X-Request-Id")).contains("req-" + status);
    assertThat(e.body()).isEqualTo(ERROR_BODY);
    assertThat(e.message()).isEqualTo("boom");
    assertThat(e.code()).contains("X");
    assertThat(e.getMessage()).startsWith(status + " ").contains("boom").endsWith("(POST /v1/sessions/abc/act)");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of(400, "{\"success\":false,\"error\":\"boom\",\"code\":\"X\"}", "boom"),
        Arguments.of(400, "{\"success\":false,\"message\":\"m\"}", "m"),
        Arguments.of(404, "{\"message\":\"Session not found\"}", "Session not found"),
        Arguments.of(400, "{\"error\":\"e\"}", "e"),
        Arguments.of(400, "{\"error\":[{\"path\":\"input\",\"message\":\"Required\"}]}", "input: Required"),
        Arguments.of(400,
            "{\"error\":\"Request validation failed\",\"issues\":[{\"path\":[\"options\",\"timeout\"],\"message\":\"Expected number\"}]}",
            "Request validation failed: options.timeout: Expected number"),
        Arguments.of(500, "{\"error\":\"oops\",\"statusCode\":500}", "oops"),
        Arguments.of(502,
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>"
                + "<hr><center>nginx</center></body></html>",
            "502 Bad Gateway"),
        Arguments.of(503, "", "Service Unavailable"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("bodies")
  void theMessageIsReadableForEveryBodyShape(int status, String body, String expected) {
    StagehandServiceException e = failAct(new MockResponse.Builder()
        .status("HTTP/1.1 " + status + " " + reason(status))
        .body(body)
        .build());

    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.message()).isEqualTo(expected);
    assertThat(e.body()).isEqualTo(body);
    assertThat(e.getMessage()).isEqualTo(status + " " + reason(status) + ": " + expected + " (POST /v1/sessions/abc/act)");
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 404 -> "Not Found";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> throw new IllegalArgumentException("no reason for " + status);
    };
  }

  @Test
  void getMessageNamesStatusReasonMessageAndRequest() {
    StagehandServiceException e = failAct(new MockResponse.Builder()
        .status("HTTP/1.1 404 Not Found")
        .addHeader("Content-Type", "application/json")
        .body("{\"message\":\"Session not found\"}")
        .build());

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.getMessage()).isEqualTo("404 Not Found: Session not found (POST /v1/sessions/abc/act)");
    assertThat(e.code()).isEmpty();
  }

  @Test
  void getMessageUsesTheStandardReasonWhenTheServerSendsNone() {
    StagehandServiceException e = failAct(new MockResponse.Builder()
        .status("HTTP/1.1 404")
        .body("{\"message\":\"Session not found\"}")
        .build());

    assertThat(e.getMessage()).isEqualTo("404 Not Found: Session not found (POST /v1/sessions/abc/act)");
  }

  @Test
  void aSuccessfulAnswerThatIsNotJsonIsInvalidData() {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "text/html")
        .body("<html><body>Welcome to nginx!</body></html>")
        .build());

    assertThatThrownBy(() -> client.sessions().act(ACT))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageContaining("/v1/sessions/abc/act");
  }

  @Test
  void aSuccessfulAnswerWithAnEmptyBodyIsInvalidData() {
    server.enqueue(new MockResponse.Builder().code(200).body("").build());

    assertThatThrownBy(() -> client.sessions().start(SessionStartParams.builder().modelName("m").build()))
        .isInstanceOf(StagehandInvalidDataException.class);
  }

  @Test
  void aRefusedConnectionIsAnIoExceptionKeepingItsCause() throws Exception {
    MockWebServer closed = new MockWebServer();
    closed.start();
    String url = closed.url("/").toString();
    closed.close();

    try (StagehandClient refused = StagehandOkHttpClient.builder()
        .baseUrl(url)
        .maxRetries(0)
        .sleeper(new WireFixtures.RecordingSleeper())
        .build()) {
      StagehandIoException e = catchThrowableOfType(StagehandIoException.class, () -> refused.sessions().act(ACT));

      assertThat(e).isNotNull();
      assertThat(e.getCause()).isInstanceOf(IOException.class);
      assertThat(e.getMessage()).contains("/v1/sessions/abc/act");
    }
  }

  // ---- secrets the client knows never reach a message ----

  private static final String MODEL_KEY = "sk-proj-ECHOEDMODELKEY123";
  private static final String BB_KEY = "bb_live_ECHOEDBBKEY456";
  private static final String PASSWORD = "hunter2-ECHOEDVARIABLE789";

  @Test
  void aServerErrorEchoingTheClientsKeysOrTheCallsVariablesDoesNotPutThemInTheMessage() {
    StagehandClient withKeys = mock.newClient(b -> b.modelApiKey(MODEL_KEY).browserbaseApiKey(BB_KEY));
    String body = "{\"success\":false,\"error\":\"Incorrect API key provided: apiKey " + MODEL_KEY + " (project key "
        + BB_KEY + "); could not type " + PASSWORD + "\",\"code\":\"bad key " + MODEL_KEY + "\"}";
    server.enqueue(new MockResponse.Builder().status("HTTP/1.1 401 Unauthorized").addHeader("Content-Type", "application/json")
        .body(body).build());

    StagehandServiceException e = catchThrowableOfType(StagehandServiceException.class, () -> withKeys.sessions().act(
        SessionActParams.builder().id("abc").input("type %password%")
            .options(ActOptions.builder().putVariable("password", PASSWORD).build()).build()));

    assertThat(e).isInstanceOf(UnauthorizedException.class);
    assertThat(e.message()).isEqualTo("Incorrect API key provided: apiKey *** (project key ***); could not type ***");
    assertThat(e.getMessage()).isEqualTo("401 Unauthorized: " + e.message() + " (POST /v1/sessions/abc/act)");
    assertThat(e.code()).contains("bad key ***");
    assertThat(e.toString()).doesNotContain(MODEL_KEY).doesNotContain(BB_KEY).doesNotContain(PASSWORD);
    assertThat(e.body()).as("the body is kept as it came").isEqualTo(body);
  }

  @Test
  void aKeyInAModelConfigAndABearerTokenInARequestHeaderAreMaskedToo() {
    String configKey = "sk-CONFIGKEY-0123456789";
    String bearer = "eyJhbGciOi.BEARER.TOKEN";
    server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"key " + configKey + " and token " + bearer + " refused\"}").build());

    StagehandServiceException e = catchThrowableOfType(StagehandServiceException.class, () -> client.sessions().act(
        SessionActParams.builder().id("abc").input("click")
            .options(ActOptions.builder()
                .model(ModelConfig.builder().modelName("openai/gpt-5").apiKey(configKey).build()).build())
            .putAdditionalHeader("Authorization", "Bearer " + bearer)
            .build()));

    assertThat(e.message()).isEqualTo("key *** and token *** refused");
  }

  @Test
  void secretLookingUrlParametersInAServerMessageAreMasked() {
    server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"net::ERR_ABORTED at https://bank.example/account?token=tk-123&page=2&X-Amz-Signature=abc\"}")
        .build());

    StagehandServiceException e = failAct(null);

    assertThat(e.message()).isEqualTo("net::ERR_ABORTED at https://bank.example/account?token=***&page=2&X-Amz-Signature=***");
  }

  @Test
  void aStreamsErrorEventEchoingAVariableDoesNotPutItInTheMessage() {
    server.enqueue(new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream")
        .body("event: error\ndata: {\"data\":{\"status\":\"error\",\"error\":\"could not type " + PASSWORD
            + "\"},\"type\":\"system\",\"id\":\"e\"}\n\n")
        .build());

    assertThatThrownBy(() -> {
      try (StreamResponse<StreamEvent> events = client.sessions().actStreaming(SessionActParams.builder().id("abc")
          .input("type %password%").options(ActOptions.builder().putVariable("password", PASSWORD).build()).build())) {
        events.stream().count();
      }
    }).isInstanceOf(SseException.class).hasMessage("could not type ***");
  }

  @Test
  void invalidDataQuotingAVariableDoesNotPutItInTheMessage() {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"success\":true,\"data\":{\"result\":{\"success\":\"" + PASSWORD + "\",\"message\":\"m\","
            + "\"actionDescription\":\"d\",\"actions\":[]}}}")
        .build());

    assertThatThrownBy(() -> client.sessions().act(SessionActParams.builder().id("abc").input("type %password%")
        .options(ActOptions.builder().putVariable("password", PASSWORD).build()).build()))
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageNotContaining(PASSWORD);
  }
}
